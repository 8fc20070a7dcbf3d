package org.alliancekg.serve.guard;

import static org.alliancekg.serve.guard.GuardFixture.query;
import static org.alliancekg.serve.guard.GuardFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.alliancekg.serve.KgServer;
import org.alliancekg.cli.ServerModules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad requests against the full server (every default module): malformed SPARQL answers 400 with the parser's
 * message ({@code bad-http/queries/}), unknown endpoints 404, unusable {@code Accept} 406, and no path
 * ({@code bad-http/traversal-paths.txt} under each prefix of {@code bad-http/prefixes.txt}) reaches a file outside
 * the folders the server serves.
 */
class BadRequestHttpTest {

    @TempDir
    static Path dir;

    static KgServer server;

    @BeforeAll
    static void start() {
        server = GuardFixture.serve(GuardFixture.database(dir), GuardFixture.settings(null, 5_000, 1_000, 1 << 16),
                ServerModules.defaults());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(BadRequestHttpTest.class.getResource("/bad-http/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource bad-http/" + name, e);
        }
    }

    @TestFactory
    Stream<DynamicTest> malformedQueriesAnswer400WithTheParserMessage() throws IOException {
        List<Path> queries;
        try (Stream<Path> s = Files.list(resource("queries"))) {
            queries = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        assertFalse(queries.isEmpty());
        return queries.stream().map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), () -> {
            String text = Files.readString(q);
            String name = q.getFileName().toString();
            String expected = Files.readString(q.resolveSibling(name.replace(".rq", ".expected"))).strip();
            for (HttpRequest r : List.of(query(server.sparqlUrl(), text).build(),
                    HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                            .header("Content-Type", "application/sparql-query")
                            .POST(HttpRequest.BodyPublishers.ofString(text)).build())) {
                HttpResponse<String> resp = send(r);
                assertEquals(400, resp.statusCode(), resp.body());
                assertTrue(resp.body().contains(expected), "expected '" + expected + "' in: " + resp.body());
            }
        }));
    }

    @Test
    void unknownEndpointsAnswer404() {
        for (String path : List.of("kg/nothing", "nothing/sparql", "kg/sparql/extra", "scratch/update", "$/nothing")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build());
            assertEquals(404, r.statusCode(), path + ": " + r.body());
        }
    }

    /** W3C protocol test {@code bad_update_get}: a 4xx; here 400, as stock Fuseki, with one plain line. */
    @Test
    void updateByGetAnswers400() {
        long quads = server.summary().quads();
        for (String endpoint : List.of("kg/sparql", "kg/query")) {
            for (String accept : List.of("*/*", "text/turtle", "text/html")) {
                String url = server.baseUrl() + endpoint + "?update=CLEAR%20ALL";
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build());
                assertEquals(400, r.statusCode(), url + " (Accept " + accept + "): " + r.body());
                assertEquals("text/plain", r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip(),
                        url);
                assertEquals(1, r.body().strip().lines().count(), url + ": one line: " + r.body());
                assertTrue(r.body().contains("GET"), r.body());
            }
        }
        assertEquals(quads, server.summary().quads(), "the published data must not change");
    }

    @Test
    void unusableAcceptAnswers406() {
        for (String q : List.of("SELECT * { ?s ?p ?o } LIMIT 1", "ASK {}", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1",
                "DESCRIBE <urn:x>")) {
            HttpResponse<String> r = send(query(server.sparqlUrl(), q).header("Accept", "image/png").build());
            assertEquals(406, r.statusCode(), q + ": " + r.body());
            assertTrue(r.body().contains("Not Acceptable"), r.body());
            HttpResponse<String> any = send(query(server.sparqlUrl(), q).header("Accept", "image/png, */*;q=0.1")
                    .build());
            assertEquals(200, any.statusCode(), q + ": " + any.body());
        }
        HttpResponse<String> rdfForSelect = send(query(server.sparqlUrl(), "SELECT * {} ")
                .header("Accept", "text/turtle").build());
        assertEquals(406, rdfForSelect.statusCode(), rdfForSelect.body());
        HttpResponse<String> formatParameter = send(HttpRequest.newBuilder(URI.create(
                query(server.sparqlUrl(), "ASK {}").build().uri() + "&format=json")).header("Accept", "image/png")
                .build());
        assertEquals(200, formatParameter.statusCode(), formatParameter.body());
    }

    @TestFactory
    Stream<DynamicTest> traversalNeverReachesAFile() throws IOException {
        List<String> prefixes = lines(resource("prefixes.txt"));
        List<String> attacks = lines(resource("traversal-paths.txt"));
        String pom = "<modelVersion>";
        assertTrue(Files.readString(Path.of(System.getProperty("akg.projectDir", "."), "pom.xml")).contains(pom));
        List<DynamicTest> tests = new ArrayList<>();
        for (String prefix : prefixes) {
            tests.add(DynamicTest.dynamicTest(prefix, () -> {
                for (String attack : attacks) {
                    String path = attack.replace("{prefix}", prefix);
                    RawResponse r = rawGet(path);
                    assertTrue(r.status == 400 || r.status == 404, path + " answered " + r.status + "\n" + r.body);
                    assertFalse(r.body.contains(pom) || r.body.contains("root:x:0:0"), path + " showed a file:\n"
                            + r.body);
                }
            }));
        }
        return tests.stream();
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    record RawResponse(int status, String body) {
    }

    /** A GET with the path sent byte for byte as written (no client-side normalisation or encoding). */
    static RawResponse rawGet(String path) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String[] statusLine = response.split("\r\n", 2)[0].split(" ");
            int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
            int bodyStart = response.indexOf("\r\n\r\n");
            return new RawResponse(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
    }
}
