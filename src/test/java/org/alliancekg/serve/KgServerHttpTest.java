package org.alliancekg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.alliancekg.ingest.ProjectLayout;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over the fixture dataset, spoken to over HTTP on a free loopback port. */
class KgServerHttpTest {

    static final String ENTITIES = "https://w3id.org/alliance-kg/graph/entities";
    static final String ARTICLE_002 = "https://w3id.org/alliance-kg/graph/article/002-diplomat-tatsumi-new-vision";

    @TempDir
    static Path tmp;

    static KgServer server;
    static HttpClient http;
    static String base;

    @BeforeAll
    static void start() {
        Path db = FixtureDatabase.createTdb2(tmp);
        server = KgServer.builder().layout(ProjectLayout.detect()).dbLocation(db).port(0).build().start();
        http = HttpClient.newHttpClient();
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    // ---- helpers ----

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    static List<QuerySolution> rows(String body, org.apache.jena.riot.Lang lang) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
        List<QuerySolution> rows = new ArrayList<>();
        rs.forEachRemaining(rows::add);
        return rows;
    }

    static final String THREATS_QUERY = """
            PREFIX akg: <https://w3id.org/alliance-kg/ontology#>
            SELECT ?threat WHERE { <https://w3id.org/alliance-kg/id/meeting/scc-2022-01-06> akg:namesThreat ?threat }
            ORDER BY ?threat
            """;

    static final List<String> THREATS = List.of(
            "https://w3id.org/alliance-kg/id/threat/ballistic-missiles",
            "https://w3id.org/alliance-kg/id/threat/hypersonic-weapons");

    static List<String> threats(List<QuerySolution> rows) {
        return rows.stream().map(s -> s.getResource("threat").getURI()).toList();
    }

    // ---- queries ----

    @Test
    void queryByGet() {
        HttpResponse<String> r = get("/kg/sparql?query=" + enc(THREATS_QUERY), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(THREATS, threats(rows(r.body(), ResultSetLang.RS_JSON)));
    }

    @Test
    void queryByGetOnTheQueryEndpoint() {
        HttpResponse<String> r = get("/kg/query?query=" + enc(THREATS_QUERY), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(THREATS, threats(rows(r.body(), ResultSetLang.RS_JSON)));
    }

    @Test
    void queryByPostOfSparqlQuery() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(THREATS_QUERY)));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(THREATS, threats(rows(r.body(), ResultSetLang.RS_JSON)));
    }

    @Test
    void queryByPostOfForm() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(THREATS_QUERY))));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(THREATS, threats(rows(r.body(), ResultSetLang.RS_JSON)));
    }

    @Test
    void resultFormatsFollowAccept() {
        record Format(String accept, Lang lang) { }
        for (Format f : List.of(
                new Format("application/sparql-results+json", ResultSetLang.RS_JSON),
                new Format("application/sparql-results+xml", ResultSetLang.RS_XML),
                new Format("text/csv", ResultSetLang.RS_CSV),
                new Format("text/tab-separated-values", ResultSetLang.RS_TSV))) {
            HttpResponse<String> r = get("/kg/sparql?query=" + enc(THREATS_QUERY), f.accept());
            assertEquals(200, r.statusCode(), f.accept() + ": " + r.body());
            assertTrue(contentType(r).startsWith(f.accept()), f.accept() + " answered as " + contentType(r));
            List<QuerySolution> rows = rows(r.body(), f.lang());
            // CSV results carry no term kinds: IRIs come back as plain strings
            List<String> values = rows.stream().map(s -> s.get("threat").isLiteral()
                    ? s.getLiteral("threat").getLexicalForm() : s.getResource("threat").getURI()).toList();
            assertEquals(THREATS, values, f.accept());
        }
    }

    @Test
    void literalsKeepDatatypeAndLanguageInTsv() {
        String q = """
                PREFIX akg: <https://w3id.org/alliance-kg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?date ?label WHERE {
                  <https://w3id.org/alliance-kg/id/meeting/scc-2022-01-06> akg:date ?date ; rdfs:label ?label }
                """;
        HttpResponse<String> r = get("/kg/sparql?query=" + enc(q), "text/tab-separated-values");
        assertEquals(200, r.statusCode(), r.body());
        List<QuerySolution> rows = rows(r.body(), ResultSetLang.RS_TSV);
        assertEquals(1, rows.size());
        assertEquals(NodeFactory.createLiteralDT("2022-01-06", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate),
                rows.get(0).get("date").asNode());
        assertEquals(NodeFactory.createLiteralLang("SCC 2+2 of 2022-01-06", "en"), rows.get(0).get("label").asNode());
    }

    @Test
    void defaultGraphIsTheUnionOfTheNamedGraphs() {
        // namesThreat triples are only in an article graph, labels only in the entities graph
        String q = """
                PREFIX akg: <https://w3id.org/alliance-kg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?label WHERE { ?m akg:namesThreat ?t . ?t rdfs:label ?label } ORDER BY ?label
                """;
        HttpResponse<String> r = get("/kg/sparql?query=" + enc(q), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        List<String> labels = rows(r.body(), ResultSetLang.RS_JSON).stream()
                .map(s -> s.getLiteral("label").getLexicalForm()).toList();
        assertEquals(List.of("ballistic missiles", "hypersonic weapons <& \"quoted\">"), labels);

        String count = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";
        HttpResponse<String> c = get("/kg/sparql?query=" + enc(count), "application/sparql-results+json");
        assertEquals(35, rows(c.body(), ResultSetLang.RS_JSON).get(0).getLiteral("n").getInt(),
                "distinct triples of the union");
    }

    @Test
    void badQueryAnswers400WithTheReason() {
        HttpResponse<String> r = get("/kg/sparql?query=" + enc("SELECT * WHERE { ?s ?p }"), "application/sparql-results+json");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("line 1"), r.body());
    }

    @Test
    void remoteServiceIsRefused() {
        // the query asks this very server: it would answer if SERVICE were allowed
        String q = "SELECT * WHERE { SERVICE <" + base + "/kg/sparql> { ?s ?p ?o } } LIMIT 1";
        HttpResponse<String> r = get("/kg/sparql?query=" + enc(q), "application/sparql-results+json");
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertTrue(r.body().contains("SERVICE"), r.body());
    }

    // ---- graph store (read) ----

    @Test
    void graphStoreGetReturnsTheNamedGraphAsTurtle() {
        HttpResponse<String> r = get("/kg/get?graph=" + enc(ENTITIES), "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("text/turtle"), contentType(r));
        Graph got = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(got);
        Graph expected = FixtureDatabase.inMemory().getGraph(NodeFactory.createURI(ENTITIES));
        assertTrue(IsoMatcher.isomorphic(expected, got), "entities graph differs:\n" + r.body());
    }

    @Test
    void graphStoreGetOfTheDatasetReturnsTrig() {
        HttpResponse<String> r = get("/kg/get", "application/trig");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("application/trig"), contentType(r));
        DatasetGraph got = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(r.body(), Lang.TRIG).parse(got);
        DatasetGraph expected = FixtureDatabase.inMemory();
        Set<Node> names = new HashSet<>();
        expected.listGraphNodes().forEachRemaining(names::add);
        Set<Node> gotNames = new HashSet<>();
        got.listGraphNodes().forEachRemaining(gotNames::add);
        assertEquals(names, gotNames);
        for (Node g : names) {
            assertTrue(IsoMatcher.isomorphic(expected.getGraph(g), got.getGraph(g)), "graph " + g);
        }
    }

    @Test
    void graphStoreGetOfAnUnknownGraphAnswers404() {
        HttpResponse<String> r = get("/kg/get?graph=" + enc("https://w3id.org/alliance-kg/graph/nothing"), "text/turtle");
        assertEquals(404, r.statusCode());
    }

    // ---- home page ----

    @Test
    void homePageListsCountsByClassAndEndpoints() {
        HttpResponse<String> r = get("/", "text/html");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("text/html"), contentType(r));
        String html = r.body();
        assertTrue(html.contains("<span id=\"quads\">36</span>"), html);
        assertTrue(html.contains("<span id=\"graph-count\">4</span>"), html);
        assertTrue(html.contains("<span id=\"default-triples\">35</span>"), html);
        assertTrue(html.matches("(?s).*>akg:State</a></td><td class=\"count\">3</td>.*"), html);
        assertTrue(html.matches("(?s).*>akg:Threat</a></td><td class=\"count\">2</td>.*"), html);
        assertTrue(html.matches("(?s).*>akg:Claim</a></td><td class=\"count\">1</td>.*"), html);
        for (String endpoint : List.of("/kg/sparql", "/kg/query", "/kg/get")) {
            assertTrue(html.contains("<a href=\"" + endpoint + "\">"), endpoint);
        }
        assertTrue(html.contains(ARTICLE_002), html);
    }

    @Test
    void homePageListsTheCompetencyQuestionsWithLinksThatRunThem() {
        List<ExampleQuery> queries = ExampleQuery.readAll(ProjectLayout.detect().queriesDir().resolve("cq"));
        assertFalse(queries.isEmpty(), "queries/cq holds no .rq file");
        String html = get("/", "text/html").body();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<a class=\"run\" href=\"(/kg/sparql\\?query=[^\"]*)\">run</a>").matcher(html);
        List<String> linked = new ArrayList<>();
        while (m.find()) {
            linked.add(m.group(1).replace("&amp;", "&"));
        }
        for (ExampleQuery q : queries) {
            assertTrue(html.contains(HomePage.esc(q.title())), "title of " + q.fileName());
            assertTrue(linked.contains(HomePage.runLink("/kg/sparql", q.text())), "run link of " + q.fileName());
        }
        HttpResponse<String> run = get(linked.get(0), "application/sparql-results+json");
        assertEquals(200, run.statusCode(), run.body());
    }

    @Test
    void homePageStylesheetIsServed() {
        HttpResponse<String> r = get("/static/home.css", "text/css");
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("text/css"), contentType(r));
        assertEquals(404, get("/static/missing.css", "text/css").statusCode());
    }

    @Test
    void unknownPathAnswers404() {
        assertEquals(404, get("/nothing-here", "text/html").statusCode());
    }

    // ---- no writes ----

    static final String UPDATE = "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }";
    static final String TURTLE = "<urn:x:s> <urn:x:p> <urn:x:o> .";

    static HttpRequest.Builder request(String method, String path, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void updatesAreRefused() {
        record Attempt(String what, HttpRequest.Builder request, int status) { }
        List<Attempt> attempts = List.of(
                new Attempt("POST sparql-update to /kg/sparql",
                        request("POST", "/kg/sparql", "application/sparql-update", UPDATE), 415),
                new Attempt("POST form update= to /kg/sparql",
                        request("POST", "/kg/sparql", "application/x-www-form-urlencoded", "update=" + enc(UPDATE)), 400),
                new Attempt("POST sparql-update to /kg/update",
                        request("POST", "/kg/update", "application/sparql-update", UPDATE), 404),
                new Attempt("POST sparql-update to /kg",
                        request("POST", "/kg", "application/sparql-update", UPDATE), 400),
                new Attempt("PUT /kg/get?default", request("PUT", "/kg/get?default", "text/turtle", TURTLE), 405),
                new Attempt("POST /kg/get?graph=", request("POST", "/kg/get?graph=" + enc(ENTITIES), "text/turtle", TURTLE), 405),
                new Attempt("DELETE /kg/get?graph=", request("DELETE", "/kg/get?graph=" + enc(ENTITIES), "text/turtle", ""), 405),
                new Attempt("PUT /kg?default", request("PUT", "/kg?default", "text/turtle", TURTLE), 400),
                new Attempt("PUT /kg/data?default", request("PUT", "/kg/data?default", "text/turtle", TURTLE), 404),
                new Attempt("POST to /", request("POST", "/", "text/turtle", TURTLE), 405));
        List<String> wrong = new ArrayList<>();
        for (Attempt a : attempts) {
            HttpResponse<String> r = send(a.request());
            if (r.statusCode() != a.status()) {
                wrong.add(a.what() + ": " + r.statusCode() + " (expected " + a.status() + ")");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));

        String ask = "ASK { <urn:x:s> ?p ?o }";
        HttpResponse<String> r = get("/kg/sparql?query=" + enc(ask), "text/plain");
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("true"), "an update went through: " + r.body());
    }
}
