package org.alliancekg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.alliancekg.cli.ServerModules;
import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.alliancekg.testkit.ProjectFixture;
import org.alliancekg.testkit.TestHttp;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server over a database built by {@link GraphBuilder} from the project's data into a temporary folder, spoken
 * to over HTTP on a free loopback port. Expected answers come from the served dataset read directly (not through
 * HTTP) or from the project's files.
 */
class KgServerHttpTest {

    static final String AKG = "https://w3id.org/alliance-kg/ontology#";
    static final String MEETING = Iris.ID + "meeting/scc-2022-01-06";

    static ProjectLayout project;
    static KgServer server;
    static HttpClient http;
    static String base;

    @BeforeAll
    static void buildAndStart() {
        project = ProjectLayout.detect();
        server = ProjectFixture.serve(ServerModules.defaults());
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
        return TestHttp.send(http, request.build());
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

    /** Rows of a SPARQL result document, each variable name mapped to its term. */
    static List<Map<String, Node>> remote(String body, Lang lang) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
        List<Map<String, Node>> rows = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            Map<String, Node> row = new LinkedHashMap<>();
            for (String v : rs.getResultVars()) {
                if (s.contains(v)) {
                    row.put(v, s.get(v).asNode());
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** Rows of a query run directly on the served dataset, without HTTP. */
    static List<Map<String, Node>> local(String query) {
        DatasetGraph dsg = server.dataset();
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(QueryFactory.create(query)).build()) {
                List<Map<String, Node>> rows = new ArrayList<>();
                exec.select().forEachRemaining(b -> {
                    Map<String, Node> row = new LinkedHashMap<>();
                    b.vars().forEachRemaining(v -> row.put(v.getVarName(), b.get(v)));
                    rows.add(row);
                });
                return rows;
            }
        });
    }

    static final String THREATS_QUERY = """
            PREFIX akg: <https://w3id.org/alliance-kg/ontology#>
            SELECT ?threat WHERE { <%s> akg:namesThreat ?threat } ORDER BY ?threat
            """.formatted(MEETING);

    static List<Map<String, Node>> expectedThreats() {
        List<Map<String, Node>> rows = local(THREATS_QUERY);
        assertTrue(rows.size() >= 2, "the built graph should name threats of " + MEETING + ": " + rows);
        return rows;
    }

    // ---- queries ----

    @Test
    void queryByGet() {
        HttpResponse<String> r = get("/kg/sparql?query=" + enc(THREATS_QUERY), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(expectedThreats(), remote(r.body(), ResultSetLang.RS_JSON));
    }

    @Test
    void queryByGetOnTheQueryEndpoint() {
        HttpResponse<String> r = get("/kg/query?query=" + enc(THREATS_QUERY), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(expectedThreats(), remote(r.body(), ResultSetLang.RS_JSON));
    }

    @Test
    void queryByPostOfSparqlQuery() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(THREATS_QUERY)));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(expectedThreats(), remote(r.body(), ResultSetLang.RS_JSON));
    }

    @Test
    void queryByPostOfForm() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(THREATS_QUERY))));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(expectedThreats(), remote(r.body(), ResultSetLang.RS_JSON));
    }

    @Test
    void resultFormatsFollowAccept() {
        record Format(String accept, Lang lang) { }
        List<Map<String, Node>> expected = expectedThreats();
        for (Format f : List.of(
                new Format("application/sparql-results+json", ResultSetLang.RS_JSON),
                new Format("application/sparql-results+xml", ResultSetLang.RS_XML),
                new Format("text/tab-separated-values", ResultSetLang.RS_TSV),
                new Format("text/csv", ResultSetLang.RS_CSV))) {
            HttpResponse<String> r = get("/kg/sparql?query=" + enc(THREATS_QUERY), f.accept());
            assertEquals(200, r.statusCode(), f.accept() + ": " + r.body());
            assertTrue(contentType(r).startsWith(f.accept()), f.accept() + " answered as " + contentType(r));
            List<Map<String, Node>> rows = remote(r.body(), f.lang());
            if (f.lang().equals(ResultSetLang.RS_CSV)) {
                // CSV carries no term kinds: compare the IRIs as strings
                assertEquals(expected.stream().map(m -> m.get("threat").getURI()).toList(),
                        rows.stream().map(m -> m.get("threat").getLiteralLexicalForm()).toList(), f.accept());
            } else {
                assertEquals(expected, rows, f.accept());
            }
        }
    }

    @Test
    void literalsKeepDatatypeAndLanguageInTsv() {
        String q = """
                PREFIX akg: <https://w3id.org/alliance-kg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?date ?label WHERE { <%s> akg:date ?date ; rdfs:label ?label }
                """.formatted(MEETING);
        HttpResponse<String> r = get("/kg/sparql?query=" + enc(q), "text/tab-separated-values");
        assertEquals(200, r.statusCode(), r.body());
        List<Map<String, Node>> rows = remote(r.body(), ResultSetLang.RS_TSV);
        assertEquals(local(q), rows);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(NodeFactory.createLiteralDT("2022-01-06", XSDDatatype.XSDdate), rows.get(0).get("date"));
        assertEquals("en", rows.get(0).get("label").getLiteralLanguage());
    }

    @Test
    void defaultGraphIsTheUnionOfTheNamedGraphs() {
        // the meeting's namesThreat triples live only in graph/facts (the article graphs hold their evidence)
        DatasetGraph dsg = server.dataset();
        Set<Node> graphs = Txn.calculateRead(dsg, () -> {
            Set<Node> g = new HashSet<>();
            dsg.find(Node.ANY, NodeFactory.createURI(MEETING), NodeFactory.createURI(AKG + "namesThreat"), Node.ANY)
                    .forEachRemaining(q -> g.add(q.getGraph()));
            return g;
        });
        assertEquals(Set.of(NodeFactory.createURI(Iris.FACTS_GRAPH)), graphs);
        HttpResponse<String> r = get("/kg/sparql?query=" + enc(THREATS_QUERY), "application/sparql-results+json");
        assertFalse(remote(r.body(), ResultSetLang.RS_JSON).isEmpty(), "a query without GRAPH sees the named graphs");

        long distinct = Txn.calculateRead(dsg, () -> {
            Set<Triple> triples = new HashSet<>();
            dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!q.isDefaultGraph()) {
                    triples.add(q.asTriple());
                }
            });
            return (long) triples.size();
        });
        HttpResponse<String> c = get("/kg/sparql?query=" + enc("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"),
                "application/sparql-results+json");
        assertEquals(distinct, ((Number) remote(c.body(), ResultSetLang.RS_JSON).get(0).get("n").getLiteralValue())
                .longValue(), "distinct triples of the named graphs");
    }

    @Test
    void badQueryAnswers400WithTheReason() {
        HttpResponse<String> r = get("/kg/sparql?query=" + enc("SELECT * WHERE { ?s ?p }"),
                "application/sparql-results+json");
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
        HttpResponse<String> r = get("/kg/get?graph=" + enc(Iris.ENTITIES_GRAPH), "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("text/turtle"), contentType(r));
        Graph got = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(got);
        DatasetGraph dsg = server.dataset();
        Txn.executeRead(dsg, () -> {
            Graph expected = dsg.getGraph(NodeFactory.createURI(Iris.ENTITIES_GRAPH));
            assertFalse(expected.isEmpty());
            assertTrue(IsoMatcher.isomorphic(expected, got), "the entities graph differs");
        });
    }

    @Test
    void graphStoreGetOfTheDatasetReturnsTrig() {
        HttpResponse<String> r = get("/kg/get", "application/trig");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("application/trig"), contentType(r));
        DatasetGraph got = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(r.body(), Lang.TRIG).parse(got);
        DatasetGraph dsg = server.dataset();
        Txn.executeRead(dsg, () -> {
            Set<Node> names = new HashSet<>();
            dsg.listGraphNodes().forEachRemaining(names::add);
            Set<Node> gotNames = new HashSet<>();
            got.listGraphNodes().forEachRemaining(gotNames::add);
            assertEquals(names, gotNames);
            for (Node g : names) {
                assertTrue(IsoMatcher.isomorphic(dsg.getGraph(g), got.getGraph(g)), "graph " + g);
            }
        });
    }

    @Test
    void graphStoreGetOfAnUnknownGraphAnswers404() {
        HttpResponse<String> r = get("/kg/get?graph=" + enc(Iris.GRAPH + "nothing"), "text/turtle");
        assertEquals(404, r.statusCode());
    }

    // ---- home page ----

    @Test
    void homePageListsCountsByClassAndEndpoints() throws IOException {
        HttpResponse<String> r = get("/", "text/html");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("text/html"), contentType(r));
        String html = r.body();
        NumberFormat num = NumberFormat.getIntegerInstance(Locale.ENGLISH);

        DatasetGraph dsg = server.dataset();
        Map<Node, Set<Node>> instances = new HashMap<>();
        long[] quads = {0};
        Set<Node> graphs = new HashSet<>();
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining((Quad q) -> {
            quads[0]++;
            graphs.add(q.getGraph());
            if (q.getPredicate().equals(RDF.type.asNode())) {
                instances.computeIfAbsent(q.getObject(), k -> new HashSet<>()).add(q.getSubject());
            }
        }));
        assertTrue(html.contains("<span id=\"quads\">" + num.format(quads[0]) + "</span>"), html);
        assertTrue(html.contains("<span id=\"graph-count\">" + num.format(graphs.size()) + "</span>"), html);
        for (Map.Entry<Node, Set<Node>> e : instances.entrySet()) {
            String name = Namespaces.PREFIXES.shortForm(e.getKey().getURI());
            if (name.equals(e.getKey().getURI())) {
                name = "<" + name + ">";
            }
            String cell = ">" + Templates.escape(name) + "</a></td><td class=\"count\">" + num.format(e.getValue().size())
                    + "</td>";
            assertTrue(html.contains(cell), "class count " + cell);
        }
        long articles;
        try (Stream<Path> files = Files.list(project.articlesDir())) {
            articles = files.filter(f -> f.toString().endsWith(".md")).count();
        }
        assertTrue(html.contains(">akg:Article</a></td><td class=\"count\">" + articles + "</td>"), html);
        for (String endpoint : List.of("/kg/sparql", "/kg/query", "/kg/get")) {
            assertTrue(html.contains("<a href=\"" + endpoint + "\">"), endpoint);
        }
        assertTrue(html.contains(Templates.escape(Iris.ENTITIES_GRAPH)), html);
    }

    @Test
    void homePageListsTheCompetencyQuestionsWithLinksThatRunThem() {
        List<ExampleQuery> queries = ExampleQuery.readAll(project.queriesDir().resolve("cq"));
        assertFalse(queries.isEmpty(), "queries/cq holds no .rq file");
        String html = get("/", "text/html").body();
        Matcher m = Pattern.compile("<a class=\"run\" href=\"(/query\\?query=[^\"]*)\">run</a>").matcher(html);
        List<String> linked = new ArrayList<>();
        while (m.find()) {
            linked.add(HomePageTest.unescape(m.group(1)));
        }
        for (ExampleQuery q : queries) {
            assertTrue(html.contains(Templates.escape(q.title())), "title of " + q.fileName());
            assertTrue(linked.contains(HomePage.runLink(q.text())), "run link of " + q.fileName());
        }
        HttpResponse<String> page = get(linked.get(0), "text/html");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(contentType(page).startsWith("text/html"), contentType(page));
        String query = URLDecoder.decode(linked.get(0).replaceAll("^/query\\?query=|&run=1$", ""), StandardCharsets.UTF_8);
        HttpResponse<String> run = get("/kg/sparql?query=" + enc(query), "application/sparql-results+json");
        assertEquals(200, run.statusCode(), run.body());
        assertFalse(remote(run.body(), ResultSetLang.RS_JSON).isEmpty(), "the first question has an answer");
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

    /** With the default modules every write attempt is a client error (modules may answer before Fuseki). */
    @Test
    void updatesAreRefused() throws InterruptedException {
        List<String> wrong = WriteAttempts.send(base, WriteAttempts.StatusCheck.CLIENT_ERROR);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertFalse(WriteAttempts.written(server.dataset()), "an update went through");
    }
}
