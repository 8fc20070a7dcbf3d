package org.alliancekg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.alliancekg.serve.KgServer;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciliation service over HTTP against the server over the project's real build, spoken as OpenRefine
 * speaks it: the manifest, batches by GET and by POSTed form, single queries, types, case and accents, errors.
 */
class ReconciliationHttpTest {

    @TempDir
    static Path dbRoot;

    static KgServer server;
    static String endpoint;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void buildAndServe() {
        server = BuiltProject.serve(dbRoot);
        endpoint = server.baseUrl() + "reconcile";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void manifestDescribesTheService() throws Exception {
        HttpResponse<String> r = Http.get(endpoint, null);
        assertEquals(200, r.statusCode());
        assertEquals("application/json", LinkedDataHttpTest.mediaType(r));
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        JsonNode m = JSON.readTree(r.body());
        assertTrue(m.path("versions").toString().contains("0.2"), m.toString());
        assertEquals("alliance-kg", m.path("name").asText());
        assertEquals(Iris.ID, m.path("identifierSpace").asText());
        assertEquals(AKG.NS, m.path("schemaSpace").asText());
        List<String> types = new ArrayList<>();
        m.path("defaultTypes").forEach(t -> types.add(t.path("id").asText()));
        for (String c : List.of("State", "Person", "Organization", "Meeting", "StrategyDocument", "Actor")) {
            assertTrue(types.contains(AKG.NS + c), "defaultTypes lacks akg:" + c + ": " + types);
        }
        assertFalse(types.contains(AKG.NS + "Claim"), "claims are not entities to reconcile");
        String view = m.path("view").path("url").asText();
        assertTrue(view.contains("{{id}}"), view);
        HttpResponse<String> page = Http.get(view.replace("{{id}}", "person/fumio-kishida"), "text/html");
        assertEquals(200, page.statusCode(), "the view template leads to the resource page");
        assertTrue(page.body().contains("Fumio Kishida"));
        String preview = m.path("preview").path("url").asText().replace("{{id}}", "person/fumio-kishida");
        HttpResponse<String> card = Http.get(preview, null);
        assertEquals(200, card.statusCode());
        assertTrue(card.body().contains("Fumio Kishida"), card.body());
    }

    @Test
    void theIssueNamesComeFirst() throws Exception {
        String queries = "{\"q0\":{\"query\":\"Kishida\",\"limit\":3},"
                + "\"q1\":{\"query\":\"Japan Self-Defense Forces Joint Operations Command\",\"limit\":3},"
                + "\"q2\":{\"query\":\"DPRK\",\"limit\":3}}";
        for (HttpResponse<String> r : List.of(Http.get(endpoint + "?queries=" + Http.enc(queries), null),
                Http.postForm(endpoint, Map.of("queries", queries)))) {
            assertEquals(200, r.statusCode(), r.body());
            JsonNode answer = JSON.readTree(r.body());
            assertFirst(answer.path("q0"), "person/fumio-kishida", AKG.NS + "Person");
            assertFirst(answer.path("q1"), "organization/jjoc", AKG.NS + "Organization");
            assertFirst(answer.path("q2"), "state/north-korea", AKG.NS + "State");
            for (String q : List.of("q0", "q1", "q2")) {
                assertTrue(answer.path(q).path("result").size() <= 3, q + ": limit 3");
                assertTrue(answer.path(q).path("result").get(0).path("match").asBoolean(), q + ": exact name matches");
            }
        }
    }

    @Test
    void caseAccentsAndPunctuationDoNotMatter() throws Exception {
        for (String q : List.of("KISHIDA", "kishída", "  Kishida  ")) {
            assertFirst(single(q), "person/fumio-kishida", null);
        }
        assertFirst(single("Agustín Maciel Padilla"), "person/agustin-maciel-padilla", null);
        assertFirst(single("democratic peoples republic of korea"), "state/north-korea", null);
    }

    @Test
    void typesFilterTheCandidates() throws Exception {
        JsonNode asState = batchOne("{\"query\":\"Japan\",\"type\":\"" + AKG.NS + "State\"}");
        assertFirst(asState, "state/japan", AKG.NS + "State");
        assertEquals(100.0, asState.path("result").get(0).path("score").asDouble(), "exact label");
        JsonNode asPerson = batchOne("{\"query\":\"Japan\",\"type\":\"Person\"}");
        asPerson.path("result").forEach(c -> assertTrue(c.path("id").asText().startsWith("person/"), c.toString()));
        JsonNode asActor = batchOne("{\"query\":\"Japan\",\"type\":[\"akg:Actor\"]}");
        assertFirst(asActor, "state/japan", null);
        asActor.path("result").forEach(c -> assertFalse(c.path("id").asText().startsWith("place/"), c.toString()));
    }

    @Test
    void partialNamesRankByOverlapAndScoresDescend() throws Exception {
        JsonNode r = batchOne("{\"query\":\"Joint Operations\",\"limit\":5}");
        assertFirst(r, "organization/jjoc", null);
        double previous = Double.MAX_VALUE;
        for (JsonNode c : r.path("result")) {
            assertTrue(c.path("score").asDouble() <= previous, "scores descend: " + r);
            previous = c.path("score").asDouble();
            assertFalse(c.path("match").asBoolean(), "a partial name is no match: " + c);
        }
        assertEquals(0, batchOne("{\"query\":\"zzzz qqqq\"}").path("result").size());
    }

    @Test
    void badQueriesAre400() throws Exception {
        for (String queries : List.of("{not json", "[1,2]", "{\"q0\":{\"limit\":3}}", "{\"q0\":{\"query\":\"x\","
                + "\"limit\":\"many\"}}")) {
            HttpResponse<String> r = Http.postForm(endpoint, Map.of("queries", queries));
            assertEquals(400, r.statusCode(), queries);
            assertEquals("application/json", LinkedDataHttpTest.mediaType(r));
            assertEquals("error", JSON.readTree(r.body()).path("status").asText(), r.body());
        }
    }

    @Test
    void callbackIsNotJsonp() {
        HttpResponse<String> r = Http.get(endpoint + "?callback=evil&query=" + Http.enc("Kishida"), null);
        assertEquals(200, r.statusCode());
        assertEquals("application/json", LinkedDataHttpTest.mediaType(r));
        assertTrue(r.body().startsWith("{"), r.body());
    }

    // ---------------------------------------------------------------------------------------------------------

    static JsonNode single(String text) throws Exception {
        HttpResponse<String> r = Http.get(endpoint + "?query=" + Http.enc(text), null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static JsonNode batchOne(String query) throws Exception {
        HttpResponse<String> r = Http.postForm(endpoint, Map.of("queries", "{\"q\":" + query + "}"));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("q");
    }

    static void assertFirst(JsonNode answer, String id, String type) {
        JsonNode result = answer.path("result");
        assertTrue(result.size() > 0, "no candidates: " + answer);
        JsonNode first = result.get(0);
        assertEquals(id, first.path("id").asText(), "first candidate of " + answer);
        assertFalse(first.path("name").asText().isEmpty());
        assertTrue(first.path("score").isNumber());
        if (type != null) {
            List<String> types = new ArrayList<>();
            first.path("type").forEach(t -> types.add(t.path("id").asText()));
            assertTrue(types.contains(type), first.toString());
        }
    }
}
