package org.alliancekg.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.ingest.ProjectLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server with no modules, and with a test module that reaches the served dataset through its context. */
class ServerModuleHttpTest {

    @TempDir
    Path tmp;

    /** Without modules, Fuseki itself refuses writes with the statuses documented in {@link KgServer}. */
    @Test
    void bareServerRefusesWritesWithTheDocumentedStatuses() throws Exception {
        KgServer server = KgServer.builder().layout(ProjectLayout.detect()).dbLocation(FixtureDatabase.createTdb2(tmp))
                .port(0).modules(List.of()).build().start();
        try {
            List<String> wrong = WriteAttempts.send("http://localhost:" + server.port(),
                    WriteAttempts.StatusCheck.EXACT);
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));
            assertFalse(WriteAttempts.written(server.dataset()), "an update went through");
        } finally {
            server.stop();
        }
    }

    @Test
    void moduleServletAnswersWithTheServedDataset() throws Exception {
        Function<ServerContext, FusekiModule> module = ctx -> new FusekiModule() {
            @Override
            public void prepare(FusekiServer.Builder builder, Set<String> names, Model config) {
                builder.addServlet("/module-test", new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        resp.setContentType("text/plain; charset=utf-8");
                        resp.getWriter().print(ctx.serviceName() + " " + DatasetSummary.of(ctx.dataset().get()).quads()
                                + " " + ctx.publicBase());
                    }
                });
            }
        };
        KgServer server = KgServer.builder().layout(ProjectLayout.detect()).dbLocation(FixtureDatabase.createTdb2(tmp))
                .port(0).publicBase("http://example.org/").modules(List.of(module)).build().start();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "module-test")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("kg 42 http://example.org/", r.body());
        } finally {
            server.stop();
        }
    }
}
