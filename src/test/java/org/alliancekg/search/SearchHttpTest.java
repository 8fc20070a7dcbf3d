package org.alliancekg.search;

import org.alliancekg.text.TextIndexes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Full-text search over HTTP against the server over the project's real build: the index the build writes into
 * the database directory, {@code /search} (HTML and JSON), {@code text:query} at {@code /kg/sparql}, name order,
 * case and accents, and bad queries answered 400.
 */
class SearchHttpTest {

    @TempDir
    static Path dbRoot;

    static KgServer server;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final String KISHIDA = "https://w3id.org/alliance-kg/id/person/fumio-kishida";

    @BeforeAll
    static void buildAndServe() {
        ProjectLayout scratch = ProjectLayout.detect().withDbRoot(dbRoot);
        new GraphBuilder(scratch).build();
        server = KgServer.builder().layout(scratch).port(0).modules(List.of(SearchModule::new, org.alliancekg.explore.ExploreModule::new)).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonNode search(String q) throws Exception {
        HttpResponse<String> r = get("search?q=" + enc(q), "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static List<String> sentenceTexts(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.path("sentences").forEach(s -> out.add(s.path("text").asText()));
        return out;
    }

    @Test
    void theIndexLivesInTheDatabaseDirectory() throws Exception {
        Path live = dbRoot.resolve("current").toRealPath();
        assertTrue(Files.isDirectory(live.resolve(TextIndexes.DIRECTORY)), "no text/ in " + live);
    }

    @Test
    void bothNameOrdersCaseAndAccentsFindTheSameSentences() throws Exception {
        JsonNode western = search("Fumio Kishida");
        JsonNode japanese = search("Kishida Fumio");
        JsonNode folded = search("KÍSHÍDA fúmio");
        assertFalse(western.path("sentences").isEmpty(), western.toString());
        assertEquals(new java.util.TreeSet<>(sentenceTexts(western)), new java.util.TreeSet<>(sentenceTexts(japanese)));
        assertEquals(new java.util.TreeSet<>(sentenceTexts(western)), new java.util.TreeSet<>(sentenceTexts(folded)));
        for (String s : sentenceTexts(japanese)) {
            assertTrue(s.contains("Kishida") && s.contains("Fumio"), "every word must occur: " + s);
        }
        assertEquals(KISHIDA, japanese.path("entities").path(0).path("iri").asText(), japanese.toString());
        // the accented word of the text is found without its accent
        assertTrue(sentenceTexts(search("vis-a-vis")).stream().anyMatch(s -> s.contains("vis-à-vis")));
    }

    @Test
    void sentencesComeRankedWithTheirArticleAndTheEntitiesTheyMention() throws Exception {
        JsonNode r = search("counterstrike");
        JsonNode sentences = r.path("sentences");
        assertTrue(sentences.size() > 1, r.toString());
        double last = Double.MAX_VALUE;
        boolean mentions = false;
        for (JsonNode s : sentences) {
            String text = s.path("text").asText().toLowerCase(java.util.Locale.ROOT);
            assertTrue(text.contains("counterstrike"), text);
            assertTrue(s.path("article").path("iri").asText().startsWith("https://w3id.org/alliance-kg/id/article/"));
            assertFalse(s.path("article").path("label").asText().isBlank());
            double score = s.path("score").asDouble();
            assertTrue(score <= last, "ranked by score: " + r);
            last = score;
            mentions |= !s.path("mentions").isEmpty();
        }
        assertTrue(mentions, "some sentence mentions an entity: " + r);
        assertFalse(r.path("quotes").isEmpty(), "claims quote the words too: " + r);
        r.path("quotes").forEach(c -> assertTrue(c.path("iri").asText().contains("/id/claim/"), "curated claims only: " + c));
    }

    @Test
    void sentencesAreTheBodyAtTheirOffsets() throws Exception {
        String ask = """
                PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
                SELECT (COUNT(?s) AS ?n) (SUM(IF(SUBSTR(?body, ?b + 1, ?e - ?b) = ?text, 1, 0)) AS ?ok) WHERE {
                  ?s a nif:Sentence ; nif:anchorOf ?text ; nif:beginIndex ?b ; nif:endIndex ?e ;
                     nif:referenceContext ?article .
                  ?article nif:isString ?body .
                }""";
        HttpResponse<String> r = get("kg/sparql?query=" + enc(ask), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode row = JSON.readTree(r.body()).path("results").path("bindings").path(0);
        int n = row.path("n").path("value").asInt();
        assertTrue(n > 100, "sentences: " + n);
        assertEquals(n, row.path("ok").path("value").asInt(), "every sentence is its article's body at its offsets");
    }

    @Test
    void textQueryWorksAtTheSparqlEndpoint() throws Exception {
        String q = """
                PREFIX text: <http://jena.apache.org/text#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT DISTINCT ?s WHERE { ?s text:query (skos:altLabel "dprk") }""";
        HttpResponse<String> r = get("kg/sparql?query=" + enc(q), "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("https://w3id.org/alliance-kg/id/state/north-korea"), r.body());
    }

    @Test
    void theExampleQueryRunsAtTheEndpoint() throws Exception {
        String q = Files.readString(Path.of("queries/examples/full-text-search.rq"));
        HttpResponse<String> r = get("kg/sparql?query=" + enc(q), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode rows = JSON.readTree(r.body()).path("results").path("bindings");
        assertEquals(search("Kishida Fumio").path("sentences").size(), rows.size(), r.body());
        assertTrue(rows.path(0).path("mentions").path("value").asText().contains("Fumio Kishida"), r.body());
    }

    @Test
    void theExplorerSearchAddsSentencesAndQuotes() throws Exception {
        HttpResponse<String> r = get("api/search?q=" + enc("kishida"), null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(KISHIDA, body.path("results").path(0).path("iri").asText(), r.body());
        assertEquals(search("kishida").path("sentences"), body.path("sentences"));
        assertEquals(400, get("api/search?q=" + enc("japan AND (china"), null).statusCode());
    }

    @Test
    void badQueriesAnswer400WithAMessage() throws Exception {
        String tenKb = "a".repeat(10 * 1024);
        for (String q : List.of("", "   ", "japan AND (china", "*apan", "\"unclosed", "x:[a TO", tenKb)) {
            HttpResponse<String> json = get("search?q=" + enc(q), "application/json");
            assertEquals(400, json.statusCode(), q.length() > 40 ? "10 kB query" : q);
            assertFalse(JSON.readTree(json.body()).path("error").asText().isBlank(), json.body());
            HttpResponse<String> html = get("search?q=" + enc(q), "text/html");
            assertEquals(400, html.statusCode());
            assertTrue(html.body().contains("class=\"error\""), html.body());
        }
        HttpResponse<String> none = get("search", "application/json");
        assertEquals(400, none.statusCode(), none.body());
    }

    @Test
    void thePageShowsResultsAndEscapesTheQuery() throws Exception {
        HttpResponse<String> r = get("search?q=" + enc("Kishida"), "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<section id=\"sentences\">"), r.body());
        assertTrue(r.body().contains("href=\"/id/person/fumio-kishida\""), r.body());
        HttpResponse<String> xss = get("search?q=" + enc("<script>alert(1)</script>"), "text/html");
        assertFalse(xss.body().contains("<script>alert"), xss.body());
        HttpResponse<String> empty = get("search", "text/html");
        assertEquals(200, empty.statusCode());
        assertTrue(empty.body().contains("name=\"q\""));
    }
}
