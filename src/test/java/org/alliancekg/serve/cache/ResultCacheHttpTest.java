package org.alliancekg.serve.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.serve.ServerSettings;
import org.alliancekg.testkit.TrigFixture;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result cache over HTTP: hits for repeated queries, separate answers per format, invalidation on writes. */
class ResultCacheHttpTest {

    private static final String COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";

    @TempDir
    Path project;

    ProjectLayout layout;
    KgServer server;
    ResultCacheModule module;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void database() throws IOException {
        Files.createDirectories(project.resolve("fuseki-config"));
        Files.copy(ProjectLayout.detect().fusekiConfig(), project.resolve("fuseki-config/config.ttl"));
        Path db = project.resolve("db/tdb2-a");
        TrigFixture.tdb2("serve-fixture/dataset.trig", db);
        Files.createSymbolicLink(project.resolve("db/current"), db.getFileName());
        layout = ProjectLayout.of(project);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private KgServer start(ServerSettings settings) {
        server = KgServer.builder().layout(layout).port(0).settings(settings)
                .modules(List.of(ctx -> module = new ResultCacheModule(ctx))).build().start();
        return server;
    }

    @Test
    void repeatedQueriesAreAnsweredFromTheCacheUntilTheDataChanges() throws Exception {
        start(ServerSettings.defaults().withResultCache(true));
        HttpResponse<String> first = get(COUNT, "text/tab-separated-values");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("miss", cacheHeader(first));
        HttpResponse<String> second = get(COUNT, "text/tab-separated-values");
        assertEquals("hit", cacheHeader(second));
        assertEquals(first.body(), second.body());
        assertEquals(first.headers().firstValue("Content-Type"), second.headers().firstValue("Content-Type"));

        // another format is another answer
        HttpResponse<String> json = get(COUNT, "application/sparql-results+json");
        assertEquals("miss", cacheHeader(json));
        assertNotEquals(first.body(), json.body());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        assertEquals("hit", cacheHeader(get(COUNT, "application/sparql-results+json")));

        // the same query POSTed as a form is the same request; as application/sparql-query, another one
        HttpResponse<String> form = post("application/x-www-form-urlencoded", "query=" + enc(COUNT));
        assertEquals(200, form.statusCode());
        assertEquals(first.body(), form.body());
        assertEquals("hit", cacheHeader(form));
        HttpResponse<String> direct = post("application/sparql-query", COUNT);
        assertEquals("miss", cacheHeader(direct));
        assertEquals(first.body(), direct.body());
        assertEquals("hit", cacheHeader(post("application/sparql-query", COUNT)));

        // a committed write (as an ingest makes) invalidates every answer
        DatasetGraph served = server.dataset();
        Txn.executeWrite(served, () -> served.add(NodeFactory.createURI("urn:x:g"), NodeFactory.createURI("urn:x:s"),
                NodeFactory.createURI("urn:x:p"), NodeFactory.createURI("urn:x:o")));
        HttpResponse<String> after = get(COUNT, "text/tab-separated-values");
        assertEquals("miss", cacheHeader(after));
        assertEquals(count(first) + 1, count(after), after.body());
        assertEquals("hit", cacheHeader(get(COUNT, "text/tab-separated-values")));

        // a build swapping db/current invalidates too
        Path next = Files.createDirectories(project.resolve("db/tdb2-b"));
        Path tmp = project.resolve("db/current.tmp");
        Files.createSymbolicLink(tmp, next.getFileName());
        Files.move(tmp, project.resolve("db/current"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertEquals("miss", cacheHeader(get(COUNT, "text/tab-separated-values")));

        ResultCache.Stats stats = module.cache().stats();
        assertEquals(5, stats.hits(), stats.toString());
        assertEquals(5, stats.misses(), stats.toString());
        assertEquals(2, stats.invalidations(), stats.toString());
    }

    @Test
    void errorsAreNotCached() throws Exception {
        start(ServerSettings.defaults().withResultCache(true));
        HttpResponse<String> bad = get("SELECT * {", "text/tab-separated-values");
        assertEquals(400, bad.statusCode());
        HttpResponse<String> again = get("SELECT * {", "text/tab-separated-values");
        assertEquals(400, again.statusCode());
        assertNotEquals("hit", cacheHeader(again));
    }

    @Test
    void theCacheIsOffByDefault() throws Exception {
        start(ServerSettings.defaults());
        HttpResponse<String> r = get(COUNT, "text/tab-separated-values");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue(ResultCacheFilter.HEADER).isEmpty());
        assertTrue(get(COUNT, "text/tab-separated-values").headers().firstValue(ResultCacheFilter.HEADER).isEmpty());
        assertNull(module.cache());
    }

    private static long count(HttpResponse<String> tsv) {
        String v = tsv.body().lines().toList().get(1).trim();
        return Long.parseLong(v.replaceAll("^\"|\"(\\^\\^.*)?$", "").replaceAll("\\^\\^.*$", ""));
    }

    private static String cacheHeader(HttpResponse<String> r) {
        return r.headers().firstValue(ResultCacheFilter.HEADER).orElse("");
    }

    private HttpResponse<String> get(String query, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + enc(query)))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Accept", "text/tab-separated-values").header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
