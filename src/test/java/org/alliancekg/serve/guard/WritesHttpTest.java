package org.alliancekg.serve.guard;

import static org.alliancekg.serve.guard.GuardFixture.PASSWORD;
import static org.alliancekg.serve.guard.GuardFixture.USER;
import static org.alliancekg.serve.guard.GuardFixture.basic;
import static org.alliancekg.serve.guard.GuardFixture.query;
import static org.alliancekg.serve.guard.GuardFixture.send;
import static org.alliancekg.serve.guard.GuardFixture.sendAlone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.alliancekg.serve.DatasetSummary;
import org.alliancekg.serve.KgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes: the scratch dataset takes SPARQL Update and Graph Store writes only with credentials from the password
 * file; the published {@code /kg} refuses every write with a 4xx and keeps its data; a query can make the server
 * fetch nothing ({@code SERVICE}, {@code FROM <url>}).
 */
class WritesHttpTest {

    @TempDir
    static Path dir;

    static KgServer server;
    static String base;
    static long quadsBefore;

    @BeforeAll
    static void start() {
        server = GuardFixture.serve(GuardFixture.database(dir),
                GuardFixture.settings(GuardFixture.passwordFile(dir), 5_000, 1_000, 1 << 20), List.of(GuardModule::new));
        base = server.baseUrl();
        quadsBefore = server.summary().quads();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static HttpRequest update(String path, String update, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(update));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    @Test
    void scratchRefusesRequestsWithoutCredentials() {
        for (HttpRequest r : List.of(
                update("scratch/update", "INSERT DATA { <urn:ex:a> <urn:ex:b> <urn:ex:c> }", null),
                update("scratch/update", "INSERT DATA { <urn:ex:a> <urn:ex:b> <urn:ex:c> }", basic(USER, "wrong password")),
                update("scratch/update", "INSERT DATA { <urn:ex:a> <urn:ex:b> <urn:ex:c> }", basic("nobody", PASSWORD)),
                query(base + "scratch/sparql", "ASK {}").build(),
                HttpRequest.newBuilder(URI.create(base + "scratch/data?default")).PUT(
                        HttpRequest.BodyPublishers.ofString("<urn:ex:a> <urn:ex:b> <urn:ex:c> .")).header("Content-Type",
                        "application/n-triples").build())) {
            // refused before its body is read: the server closes the connection, so each on one of its own
            HttpResponse<String> resp = sendAlone(r);
            assertEquals(401, resp.statusCode(), r.uri() + ": " + resp.body());
            assertTrue(resp.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="),
                    resp.headers().toString());
        }
    }

    @Test
    void scratchTakesUpdatesAndGraphStoreWritesWithCredentials() {
        String auth = basic(USER, PASSWORD);
        HttpResponse<String> u = send(update("scratch/update",
                "INSERT DATA { GRAPH <urn:ex:g> { <urn:ex:s> <urn:ex:p> \"written\" } }", auth));
        assertEquals(204, u.statusCode(), u.body());
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(base + "scratch/data?graph="
                        + URLEncoder.encode("urn:ex:h", StandardCharsets.UTF_8)))
                .header("Authorization", auth).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:ex:s> <urn:ex:p> \"put\" .")).build());
        assertTrue(put.statusCode() == 201 || put.statusCode() == 204 || put.statusCode() == 200, put.body());
        HttpResponse<String> q = send(query(base + "scratch/sparql",
                "SELECT (COUNT(*) AS ?n) { GRAPH ?g { <urn:ex:s> <urn:ex:p> ?o } }")
                .header("Authorization", auth).header("Accept", "text/csv").build());
        assertEquals(200, q.statusCode(), q.body());
        assertEquals("n\r\n2\r\n", q.body());
        assertEquals(quadsBefore, server.summary().quads(), "the published data must not change");
    }

    @Test
    void publishedGraphRefusesEveryWrite() {
        List<HttpRequest> writes = List.of(
                update("kg/sparql", "INSERT DATA { <urn:ex:a> <urn:ex:b> <urn:ex:c> }", null),
                update("kg/query", "DROP ALL", basic(USER, PASSWORD)),
                update("kg/update", "INSERT DATA { <urn:ex:a> <urn:ex:b> <urn:ex:c> }", null),
                update("kg", "INSERT DATA { <urn:ex:a> <urn:ex:b> <urn:ex:c> }", null),
                HttpRequest.newBuilder(URI.create(base + "kg/sparql"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("update=DROP%20ALL")).build(),
                HttpRequest.newBuilder(URI.create(base + "kg/get?default")).header("Content-Type", "text/turtle")
                        .PUT(HttpRequest.BodyPublishers.ofString("<urn:ex:a> <urn:ex:b> <urn:ex:c> .")).build(),
                HttpRequest.newBuilder(URI.create(base + "kg/get?default")).header("Content-Type", "text/turtle")
                        .POST(HttpRequest.BodyPublishers.ofString("<urn:ex:a> <urn:ex:b> <urn:ex:c> .")).build(),
                HttpRequest.newBuilder(URI.create(base + "kg/get?graph=" + URLEncoder.encode(GuardFixture.GRAPH,
                        StandardCharsets.UTF_8))).DELETE().build(),
                HttpRequest.newBuilder(URI.create(base + "kg/data?default")).header("Content-Type", "text/turtle")
                        .PUT(HttpRequest.BodyPublishers.ofString("<urn:ex:a> <urn:ex:b> <urn:ex:c> .")).build());
        for (HttpRequest r : writes) {
            HttpResponse<String> resp = sendAlone(r);
            assertTrue(resp.statusCode() >= 400 && resp.statusCode() < 500,
                    r.method() + " " + r.uri() + ": " + resp.statusCode() + " " + resp.body());
        }
        HttpResponse<String> sparqlUpdate = sendAlone(writes.get(0));
        assertEquals(403, sparqlUpdate.statusCode());
        assertTrue(sparqlUpdate.body().contains("read-only"), sparqlUpdate.body());
        assertEquals(quadsBefore, server.summary().quads(), "the published data must not change");
        assertEquals(GuardFixture.TRIPLES, server.summary().quads());
    }

    @Test
    void serviceAndFromFetchNothing() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(300);
            AtomicInteger connections = new AtomicInteger();
            Thread listener = new Thread(() -> {
                while (!trap.isClosed()) {
                    try {
                        trap.accept().close();
                        connections.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // keep listening
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            listener.setDaemon(true);
            listener.start();
            String url = "http://127.0.0.1:" + trap.getLocalPort() + "/data";

            HttpResponse<String> service = send(query(server.sparqlUrl(),
                    "SELECT * { SERVICE <" + url + "> { ?s ?p ?o } }").build());
            assertTrue(service.statusCode() >= 400 && service.statusCode() < 500, service.statusCode() + " "
                    + service.body());
            assertTrue(service.body().contains("SERVICE"), service.body());

            HttpResponse<String> silent = send(query(server.sparqlUrl(),
                    "SELECT * { SERVICE SILENT <" + url + "> { ?s ?p ?o } }").build());
            assertTrue(silent.statusCode() == 200 || silent.statusCode() >= 400, silent.body());

            HttpResponse<String> from = send(query(server.sparqlUrl(), "SELECT * FROM <" + url + "> { ?s ?p ?o }")
                    .header("Accept", "application/sparql-results+json").build());
            assertEquals(200, from.statusCode(), from.body());
            assertEquals(0, QueryLimitsHttpTest.rows(from).size(), "FROM names no graph of the dataset: " + from.body());

            HttpResponse<String> named = send(query(server.sparqlUrl(),
                    "SELECT * FROM NAMED <" + url + "> { GRAPH ?g { ?s ?p ?o } }")
                    .header("Accept", "application/sparql-results+json").build());
            assertEquals(200, named.statusCode(), named.body());

            HttpResponse<String> protocol = send(HttpRequest.newBuilder(URI.create(query(server.sparqlUrl(),
                    "ASK { ?s ?p ?o }").build().uri() + "&default-graph-uri=" + URLEncoder.encode(url,
                    StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").build());
            assertEquals(200, protocol.statusCode(), protocol.body());

            HttpResponse<String> update = send(update("scratch/update",
                    "INSERT { ?s ?p ?o } WHERE { SERVICE <" + url + "> { ?s ?p ?o } }", basic(USER, PASSWORD)));
            assertTrue(update.statusCode() >= 400, update.statusCode() + " " + update.body());
            for (String path : List.of("scratch/update", "scratch")) {
                HttpResponse<String> load = send(update(path, "LOAD <" + url + "> INTO GRAPH <urn:ex:g>",
                        basic(USER, PASSWORD)));
                assertEquals(403, load.statusCode(), load.body());
                assertTrue(load.body().contains("LOAD is disabled"), load.body());
            }
            HttpResponse<String> loadForm = send(HttpRequest.newBuilder(URI.create(base + "scratch/update"))
                    .header("Authorization", basic(USER, PASSWORD))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("update=" + URLEncoder.encode("LOAD SILENT <" + url + ">",
                            StandardCharsets.UTF_8))).build());
            assertEquals(403, loadForm.statusCode(), loadForm.body());
            HttpResponse<String> using = send(update("scratch/update",
                    "INSERT { GRAPH <urn:ex:copy> { ?s ?p ?o } } USING <" + url + "> WHERE { ?s ?p ?o }",
                    basic(USER, PASSWORD)));
            assertEquals(204, using.statusCode(), using.body());

            // LOAD and USING would fetch during the request, before its answer: nothing to wait for
            assertEquals(0, connections.get(), "the server connected to " + url);
        }
    }

    @Test
    void withoutPasswordFileThereIsNoScratch(@TempDir Path other) {
        KgServer plain = GuardFixture.serve(GuardFixture.database(other), GuardFixture.settings(null, 5_000, 100, 4096),
                List.of(GuardModule::new));
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(plain.baseUrl() + "scratch/update"))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:ex:a> <urn:ex:b> <urn:ex:c> }")).build());
            assertEquals(404, r.statusCode(), r.body());
            assertEquals(GuardFixture.TRIPLES, DatasetSummary.of(plain.dataset()).quads());
        } finally {
            plain.stop();
        }
    }
}
