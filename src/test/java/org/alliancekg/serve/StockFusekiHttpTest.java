package org.alliancekg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.alliancekg.ingest.ProjectLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fuseki-config/config.ttl} runs unchanged in stock Fuseki ({@code target/stock/jena-fuseki-server.jar},
 * copied by {@code mvn generate-test-resources}): started from a project directory whose {@code db/current} links
 * to the fixture database, it answers queries over the union default graph, refuses remote SERVICE and refuses
 * writes.
 */
class StockFusekiHttpTest {

    @TempDir
    Path project;

    Process fuseki;

    @AfterEach
    void stopFuseki() throws InterruptedException {
        if (fuseki != null) {
            fuseki.destroy();
            if (!fuseki.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                fuseki.destroyForcibly();
            }
        }
    }

    @Test
    void stockFusekiRunsTheConfiguration() throws Exception {
        ProjectLayout layout = ProjectLayout.detect();
        Path jar = layout.root().resolve("target/stock/jena-fuseki-server.jar");
        assertTrue(Files.isRegularFile(jar), "stock Fuseki jar missing: run mvn generate-test-resources");

        Files.createDirectories(project.resolve("fuseki-config"));
        Files.copy(layout.fusekiConfig(), project.resolve("fuseki-config/config.ttl"));
        Path db = FixtureDatabase.createTdb2(project.resolve("db"));
        Files.createSymbolicLink(project.resolve("db/current"), db.getFileName());

        int port = freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        fuseki = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--localhost", "--port",
                String.valueOf(port), "--config", "fuseki-config/config.ttl")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(project.resolve("fuseki.log").toFile())
                .start();

        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        String count = base + "/kg/sparql?query=" + enc("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
        HttpResponse<String> r = waitForAnswer(http, count);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().lines().toList().equals(List.of("?n", "41")), "union default graph: " + r.body());

        String service = base + "/kg/query?query="
                + enc("SELECT * { SERVICE <" + base + "/kg/sparql> { ?s ?p ?o } } LIMIT 1");
        HttpResponse<String> s = http.send(HttpRequest.newBuilder(URI.create(service))
                .header("Accept", "text/tab-separated-values").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(s.statusCode() >= 400 && s.statusCode() < 500, "SERVICE: " + s.statusCode() + " " + s.body());

        for (String path : List.of("/kg/sparql", "/kg/update", "/kg")) {
            HttpResponse<String> u = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(u.statusCode() >= 400 && u.statusCode() < 500, "update at " + path + ": " + u.statusCode());
        }
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/kg/get?default"))
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> ."))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, put.statusCode(), put.body());
        HttpResponse<String> after = waitForAnswer(http, count);
        assertEquals(List.of("?n", "41"), after.body().lines().toList());
    }

    private HttpResponse<String> waitForAnswer(HttpClient http, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/tab-separated-values").timeout(Duration.ofSeconds(10)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!fuseki.isAlive()) {
                throw new AssertionError("stock Fuseki exited with " + fuseki.exitValue() + ":\n"
                        + Files.readString(project.resolve("fuseki.log")));
            }
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                Thread.sleep(250);
            }
        }
        throw new AssertionError("stock Fuseki did not answer within 60 s:\n"
                + Files.readString(project.resolve("fuseki.log")), last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
