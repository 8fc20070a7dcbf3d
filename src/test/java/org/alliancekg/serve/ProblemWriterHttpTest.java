package org.alliancekg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one error form, over HTTP: a servlet throws {@link HttpProblem}, {@link ProblemWriter} answers it. */
class ProblemWriterHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FusekiServer server;

    /** Answers {@code /problem/text?status=N&message=M} as text, {@code /problem/json?...} as JSON. */
    static final class Thrower extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            try {
                throw new HttpProblem(Integer.parseInt(req.getParameter("status")), req.getParameter("message"));
            } catch (HttpProblem p) {
                if (req.getPathInfo().equals("/json")) {
                    ProblemWriter.json(resp, p);
                } else {
                    ProblemWriter.text(resp, p);
                }
            }
        }
    }

    @BeforeAll
    static void start() {
        server = FusekiServer.create().port(0).loopback(true).add("/ds", DatasetGraphFactory.createTxnMem())
                .addServlet("/problem/*", new Thrower()).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void textIsOneLineWithTheStatus() throws Exception {
        HttpResponse<String> r = get("/problem/text?status=406&message=Not%20acceptable:%20text/turtle%0A");
        assertEquals(406, r.statusCode());
        assertEquals("Not acceptable: text/turtle\n", r.body());
        assertEquals("text/plain;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void jsonCarriesStatusCodeAndMessage() throws Exception {
        HttpResponse<String> r = get("/problem/json?status=400&message=limit%20must%20be%20a%20number");
        assertEquals(400, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertEquals("error", body.path("status").asText());
        assertEquals(400, body.path("code").asInt());
        assertEquals("limit must be a number", body.path("message").asText());
        assertEquals("limit must be a number", body.path("error").asText());
    }

    @Test
    void onlyErrorStatusesMakeAProblem() {
        assertThrows(IllegalArgumentException.class, () -> new HttpProblem(200, "fine"));
        assertEquals(404, HttpProblem.notFound("x").status());
    }
}
