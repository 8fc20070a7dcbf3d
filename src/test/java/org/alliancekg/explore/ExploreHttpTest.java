package org.alliancekg.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import org.alliancekg.export.NodeClass;
import org.alliancekg.export.ExportFixture;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The explore module over HTTP, on the export fixture served by a real server on a free port: the JSON API, the
 * exports, the pages and their static files, and the error answers.
 */
class ExploreHttpTest {

    static final String ID = "https://w3id.org/alliance-kg/id/";

    @TempDir
    static Path tmp;

    static KgServer server;
    static HttpClient http;
    static String base;
    static DatasetGraph fixture;

    @BeforeAll
    static void start() {
        Path db = ExportFixture.createTdb2(tmp);
        server = KgServer.builder().layout(ProjectLayout.detect()).dbLocation(db).port(0)
                .modules(List.of(ExploreModule::new)).build().start();
        http = HttpClient.newHttpClient();
        base = server.baseUrl();
        fixture = ExportFixture.inMemory();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

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

    static JsonNode json(HttpResponse<String> r) throws IOException {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return new ObjectMapper().readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void searchFindsLabelsAndAliasesBestFirst() throws IOException {
        HttpResponse<String> r = get("api/search?q=kishida");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode results = json(r).path("results");
        assertEquals(2, results.size(), r.body());
        assertEquals(ID + "meeting/summit-2023-01-13", results.get(1).path("iri").asText(), "a word in a label");
        JsonNode kishida = results.get(0);
        assertEquals(ID + "person/fumio-kishida", kishida.path("iri").asText());
        assertEquals("Kishida", kishida.path("matched").asText(), "the exact alias beats the label containing it");
        assertEquals("/id/person/fumio-kishida", kishida.path("page").asText());
        assertEquals("Person", kishida.path("class").asText());

        JsonNode quad = json(get("api/search?q=QUAD")).path("results");
        assertEquals(ID + "alliance/quad", quad.get(0).path("iri").asText(), "alias, any case");
        JsonNode japan = json(get("api/search?q=jap")).path("results");
        List<String> ids = new ArrayList<>();
        japan.forEach(n -> ids.add(n.path("id").asText()));
        assertEquals("state/japan", ids.get(0), "label prefix first: " + ids);
        assertTrue(ids.contains("position/jp-prime-minister"), "word inside a label: " + ids);
        assertFalse(ids.contains("article/002-diplomat-tatsumi-new-vision"), "articles only when asked: " + ids);
        assertEquals(0, json(get("api/search?q=zzzz")).path("results").size());
        assertEquals(1, json(get("api/search?q=" + enc("kishida–biden"))).path("results").size(), "en dash in a label");
    }

    @Test
    void searchRefusesBadParameters() throws IOException {
        assertEquals(400, get("api/search").statusCode());
        assertTrue(json(get("api/search?q=")).path("error").asText().contains("q"));
        assertEquals(400, get("api/search?q=a&limit=0").statusCode());
        assertEquals(400, get("api/search?q=a&limit=x").statusCode());
        assertEquals(400, get("api/search?q=a&articles=maybe").statusCode());
    }

    @Test
    void neighbourhoodIsCytoscapeJsonOfTheNodeAndItsRelations() throws IOException {
        HttpResponse<String> r = get("api/neighbourhood?iri=" + enc(ID + "state/japan"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        Set<String> nodes = new HashSet<>();
        body.path("elements").path("nodes").forEach(n -> nodes.add(n.path("data").path("id").asText()));
        assertEquals(Set.of("state/japan", "meeting/scc-2022-01-06", "position/jp-prime-minister",
                "document/jp-nss-2022", "capability/counterstrike", "alliance/quad", "state/united-states"), nodes);
        assertEquals(8, body.path("elements").path("edges").size());
        JsonNode japan = null;
        for (JsonNode n : body.path("elements").path("nodes")) {
            if (n.path("data").path("id").asText().equals("state/japan")) {
                japan = n.path("data");
            }
        }
        assertEquals("/id/state/japan", japan.path("page").asText());
        assertEquals("#1f77b4", japan.path("color").asText());
        int titled = 0;
        for (JsonNode e : body.path("elements").path("edges")) {
            JsonNode d = e.path("data");
            assertEquals(d.path("weight").asInt(), d.path("evidence_pages").size());
            d.path("evidence_pages").forEach(p -> assertTrue(p.asText().startsWith("/id/claim/"), p.asText()));
            assertEquals(d.path("weight").asInt(), d.path("evidence_article_titles").size(), d.toString());
            for (int i = 0; i < d.path("evidence_articles").size(); i++) {
                if (d.path("evidence_articles").get(i).asText().equals(ID + "article/002-diplomat-tatsumi-new-vision")) {
                    assertEquals("U.S.-Japan Alliance: A New Vision", d.path("evidence_article_titles").get(i).asText());
                    titled++;
                }
            }
        }
        assertTrue(titled > 0, "evidence from the article with a title");
        assertEquals(404, get("api/neighbourhood?iri=" + enc(ID + "state/atlantis")).statusCode());
        assertEquals(400, get("api/neighbourhood").statusCode());
    }

    @Test
    void timelineListsMeetingsAndDocumentsByDate() throws IOException {
        JsonNode body = json(get("api/timeline"));
        List<String> ids = new ArrayList<>();
        body.path("items").forEach(n -> ids.add(n.path("id").asText() + " " + n.path("date").asText()));
        assertEquals(List.of("meeting/scc-2022-01-06 2022-01-06", "document/jp-nss-2022 2022-12",
                "meeting/summit-2023-01-13 2023-01-13"), ids);
        assertEquals(0, body.path("undated").size());
    }

    @Test
    void classesAndQueriesAreListed() throws IOException {
        JsonNode classes = json(get("api/classes")).path("classes");
        assertEquals(NodeClass.values().length, classes.size(), "one entry per node class");
        JsonNode queries = json(get("api/queries")).path("queries");
        assertTrue(queries.size() >= 12, "the competency questions of queries/cq: " + queries.size());
        List<String> files = new ArrayList<>();
        queries.forEach(q -> files.add(q.path("file").asText()));
        assertTrue(files.contains("counterstrike-evidence.rq"), "the examples of queries/examples too: " + files);
        assertTrue(queries.get(0).path("file").asText().startsWith("P01"), queries.get(0).toString());
        assertTrue(queries.get(0).path("text").asText().contains("SELECT"));
    }

    @Test
    void exportsDownloadInEveryFormat() {
        for (String ext : List.of("gexf", "graphml", "dot", "cyjs", "ttl", "nq")) {
            HttpResponse<String> r = get("export/graph." + ext);
            assertEquals(200, r.statusCode(), ext + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("alliance-kg." + ext), ext);
            assertFalse(r.body().isBlank(), ext);
        }
        HttpResponse<String> nq = get("export/graph.nq");
        assertEquals("application/n-quads; charset=utf-8", nq.headers().firstValue("Content-Type").orElse(""));
        DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(nq.body(), Lang.NQUADS).parse(parsed);
        assertEquals(ExportFixture.expected(fixture, false), ExportFixture.expected(parsed, false));
    }

    @Test
    void exportTakesAConstructQueryByGetAndPost() throws IOException {
        String query = ExportFixture.text("export/meetings-subgraph.rq");
        HttpResponse<String> r = get("export/graph.cyjs?query=" + enc(query));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(7, new ObjectMapper().readTree(r.body()).path("elements").path("edges").size());
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("alliance-kg-subgraph.cyjs"));

        HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(base + "export/graph.cyjs?articles=false"))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(query)));
        assertEquals(200, post.statusCode(), post.body());
        assertEquals(r.body(), post.body());

        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "export/graph.cyjs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(query))));
        assertEquals(r.body(), form.body());

        HttpResponse<String> articles = get("export/graph.cyjs?articles=true");
        assertEquals(ExportFixture.expected(fixture, true).nodes(),
                new ObjectMapper().readTree(articles.body()).path("elements").path("nodes").size());
    }

    @Test
    void exportRefusesBadRequests() {
        HttpResponse<String> select = get("export/graph.gexf?query=" + enc("SELECT * { ?s ?p ?o }"));
        assertEquals(400, select.statusCode());
        assertTrue(select.body().contains("CONSTRUCT"), select.body());
        HttpResponse<String> syntax = get("export/graph.gexf?query=" + enc("CONSTRUCT { ?s ?p ?o } WHERE { ?s "));
        assertEquals(400, syntax.statusCode());
        assertTrue(syntax.body().startsWith("SPARQL syntax"), syntax.body());
        assertTrue(syntax.body().contains("line 1"), syntax.body());
        assertEquals(404, get("export/graph.pdf").statusCode());
        assertEquals(404, get("export/other.gexf").statusCode());
        assertEquals(404, get("export/graph.GEXF").statusCode());
        assertEquals(400, get("export/graph.gexf?articles=1").statusCode());
    }

    @Test
    void pagesAndTheirFilesAreServed() {
        HttpResponse<String> explore = get("explore");
        assertEquals(200, explore.statusCode());
        assertTrue(explore.body().contains("explore/static/lib/cytoscape.min.js"));
        HttpResponse<String> query = get("query");
        assertTrue(query.body().contains("data-endpoint=\"kg/sparql\""), query.body());
        assertEquals(200, get("timeline").statusCode());
        for (String file : List.of("explore.js", "timeline.js", "query.js", "explore.css", "lib/cytoscape.min.js",
                "lib/yasgui.min.js", "lib/yasgui.min.css")) {
            HttpResponse<String> r = get("explore/static/" + file);
            assertEquals(200, r.statusCode(), file);
            assertTrue(r.body().length() > 500, file);
        }
        assertTrue(get("explore/static/lib/cytoscape.min.js").body().contains("cytoscape"));
        assertEquals(404, get("explore/static/lib/jquery.js").statusCode());
        assertEquals(404, get("explore/static/explore.html").statusCode(), "pages only at their own address");
        assertEquals(404, get("explore/static/nothing.js").statusCode());
    }
}
