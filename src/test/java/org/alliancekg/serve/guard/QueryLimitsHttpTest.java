package org.alliancekg.serve.guard;

import static org.alliancekg.serve.guard.GuardFixture.CROSS;
import static org.alliancekg.serve.guard.GuardFixture.query;
import static org.alliancekg.serve.guard.GuardFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.alliancekg.serve.KgServer;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expensive queries against the guarded server: the timeout holds for the query shapes known to escape a
 * first-row timeout, and answers 503 with a message; other clients are answered meanwhile; results beyond the row
 * cap are cut with a header; bodies over the size limit answer 413.
 */
class QueryLimitsHttpTest {

    static final long TIMEOUT_MS = 1_500;
    static final long MAX_ROWS = 100;
    static final long MAX_BYTES = 4_096;

    /** A filter over all three patterns of {@link GuardFixture#CROSS} that no solution passes. */
    static final String NEVER = "FILTER(STRLEN(CONCAT(STR(?c), STR(?f), STR(?i))) < 0)";

    @TempDir
    static Path dir;

    static KgServer server;
    static String sparql;

    static final AtomicReference<GuardModule> GUARD = new AtomicReference<>();

    @BeforeAll
    static void start() {
        server = GuardFixture.serve(GuardFixture.database(dir),
                GuardFixture.settings(null, TIMEOUT_MS, MAX_ROWS, MAX_BYTES), GuardFixture.guardModule(GUARD));
        sparql = server.sparqlUrl();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Query shapes whose work is done before the first row, or without ever producing one, over a huge join. */
    @TestFactory
    Stream<DynamicTest> expensiveShapesTimeOutWith503() {
        return Stream.of(
                "SELECT * " + CROSS + " ORDER BY ?c ?f ?i",
                "SELECT (COUNT(*) AS ?n) " + CROSS,
                "SELECT ?a (COUNT(*) AS ?n) " + CROSS + " GROUP BY ?a",
                "SELECT DISTINCT ?c " + CROSS,
                "SELECT (MAX(CONCAT(STR(?c), STR(?f), STR(?i))) AS ?m) " + CROSS,
                "SELECT * " + CROSS + " OFFSET 100000000",
                "ASK " + CROSS.replace("}", NEVER + " }"),
                "CONSTRUCT { ?a <urn:x> ?f } " + CROSS.replace("}", NEVER + " }"),
                "SELECT (COUNT(*) AS ?n) { ?a (!<urn:x>)* ?b . ?c ?d ?e . ?f ?g ?h }")
                .map(q -> DynamicTest.dynamicTest(q, () -> {
                    HttpResponse<String> r = send(query(sparql, q).build());
                    assertEquals(503, r.statusCode(), r.body());
                    assertTrue(r.body().contains("Query timed out") && r.body().contains(TIMEOUT_MS + " ms"), r.body());
                }));
    }

    @Test
    void otherClientsAreAnsweredWhileExpensiveQueriesRun() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> heavy = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            heavy.add(GuardFixture.HTTP.sendAsync(query(sparql, "SELECT (COUNT(*) AS ?n) " + CROSS).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        GuardFixture.awaitRunning(GUARD.get(), 2, heavy);
        int answered = 0;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = send(query(sparql, "SELECT ?s { ?s a ?c } LIMIT 3")
                    .header("Accept", "application/sparql-results+json").build());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(3, rows(r).size());
            if (heavy.stream().noneMatch(CompletableFuture::isDone)) {
                answered++;
            }
        }
        assertEquals(10, answered, "every small query must be answered while the expensive ones still run");
        for (CompletableFuture<HttpResponse<String>> f : heavy) {
            assertEquals(503, f.get().statusCode(), f.get().body());
        }
    }

    @Test
    void selectBeyondTheCapIsTruncatedWithHeaders() {
        HttpResponse<String> r = send(query(sparql, "SELECT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } }")
                .header("Accept", "application/sparql-results+json").build());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(MAX_ROWS, rows(r).size());
        assertEquals(Long.toString(MAX_ROWS), r.headers().firstValue(GuardedQueryProcessor.TRUNCATED_HEADER).orElse(""));
        assertTrue(r.headers().firstValue("Warning").orElse("").startsWith("199 "), r.headers().toString());
    }

    @Test
    void resultWithinTheCapIsComplete() {
        HttpResponse<String> r = send(query(sparql, "SELECT ?s { ?s a ?c } LIMIT " + MAX_ROWS)
                .header("Accept", "text/tab-separated-values").build());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(MAX_ROWS, ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_TSV).rewindable().size());
        assertTrue(r.headers().firstValue(GuardedQueryProcessor.TRUNCATED_HEADER).isEmpty(), r.headers().toString());
    }

    @Test
    void constructBeyondTheCapIsTruncated() {
        HttpResponse<String> r = send(query(sparql, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
                .header("Accept", "application/n-triples").build());
        assertEquals(200, r.statusCode(), r.body());
        var graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.NTRIPLES).parse(graph);
        assertEquals(MAX_ROWS, graph.size());
        assertEquals(Long.toString(MAX_ROWS), r.headers().firstValue(GuardedQueryProcessor.TRUNCATED_HEADER).orElse(""));
    }

    @Test
    void timeoutParameterCanOnlyShortenTheLimit() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(query(sparql, "SELECT (COUNT(*) AS ?n) "
                + CROSS).build().uri() + "&timeout=1")).build());
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("1000 ms"), r.body());
        HttpResponse<String> longer = send(HttpRequest.newBuilder(URI.create(query(sparql, "SELECT (COUNT(*) AS ?n) "
                + CROSS).build().uri() + "&timeout=600")).build());
        assertEquals(503, longer.statusCode(), longer.body());
        assertTrue(longer.body().contains(TIMEOUT_MS + " ms"), longer.body());
    }

    @Test
    void declaredBodyOverTheLimitIs413() {
        String q = "ASK {} #" + "x".repeat((int) MAX_BYTES);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sparql))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(q)).build());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains(MAX_BYTES + " bytes"), r.body());
    }

    @Test
    void streamedBodyOverTheLimitIs413() {
        byte[] form = ("query=" + "ASK%20%7B%7D%20%23" + "x".repeat((int) MAX_BYTES)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sparql))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))).build());
        assertEquals(413, r.statusCode(), r.body());
    }

    @Test
    void streamedBodyWithinTheLimitIsAnswered() {
        byte[] form = "query=ASK%20%7B%20%3Fs%20a%20%3Fc%20%7D".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sparql))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))).build());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(ResultSetMgr.readBoolean(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON));
        byte[] direct = "SELECT ?s { ?s a ?c } LIMIT 2".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> d = send(HttpRequest.newBuilder(URI.create(sparql))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(direct))).build());
        assertEquals(200, d.statusCode(), d.body());
        assertEquals(2, rows(d).size());
    }

    /** The rows of a SPARQL JSON result. */
    static List<Object> rows(HttpResponse<String> r) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        List<Object> out = new ArrayList<>();
        rs.forEachRemaining(out::add);
        return out;
    }
}
