package org.alliancekg.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.alliancekg.explore.ExploreModule;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.publish.LinkedDataModule;
import org.alliancekg.serve.KgServer;
import org.alliancekg.serve.Templates;
import org.alliancekg.testkit.TrigFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where sources disagree, over HTTP: {@code /api/sources} and the section "What the articles say" of an entity's
 * page, served by a real server on a free port from {@code src/test/resources/sources/fixture.trig} (three
 * articles, four claims on one capability, with modalities, characterizations and ranks; the file says what each
 * is for).
 */
class SourcesHttpTest {

    static final String ID = "https://w3id.org/alliance-kg/id/";
    static final String AKG = "https://w3id.org/alliance-kg/ontology#";
    static final String STRIKE = ID + "capability/strike";
    static final String MARKUP_QUOTE = "Japan <b>decided</b> to acquire \"counter-strike\" capabilities & more";

    @TempDir
    static Path tmp;

    static KgServer server;
    static HttpClient http;
    static String base;

    @BeforeAll
    static void start() {
        Path location = TrigFixture.tdb2("sources/fixture.trig", tmp.resolve("tdb2-sources-fixture"));
        server = KgServer.builder().layout(ProjectLayout.detect()).dbLocation(location).port(0)
                .modules(List.of(ExploreModule::new, LinkedDataModule::new)).build().start();
        http = HttpClient.newHttpClient();
        base = server.baseUrl();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static HttpResponse<String> get(String path, String accept) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> sources(String iri) {
        return get("api/sources?iri=" + URLEncoder.encode(iri, StandardCharsets.UTF_8), "application/json");
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                r.headers().toString());
        return new ObjectMapper().readTree(r.body());
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void claimsComeGroupedByArticleInDateOrder() throws IOException {
        HttpResponse<String> r = sources(STRIKE);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals(STRIKE, body.path("iri").asText());
        assertEquals("strike capability", body.path("label").asText());
        assertEquals(3, body.path("article_count").asInt());
        assertEquals(4, body.path("claim_count").asInt(), "the suggested claim is no claim: " + r.body());
        JsonNode articles = body.path("articles");
        assertEquals(List.of("005-earliest", "001-middle", "003-later"), texts(articles, "id"), "date order");
        assertEquals(List.of("2020", "2022-12", "2024-07-28"), texts(articles, "date"));

        JsonNode earliest = articles.get(0);
        assertEquals("The earliest article", earliest.path("title").asText());
        assertEquals("/id/article/005-earliest", earliest.path("page").asText());
        assertEquals(List.of(ID + "claim/005-earliest/aaaaaaaaaaaa", ID + "claim/005-earliest/bbbbbbbbbbbb"),
                texts(earliest.path("claims"), "iri"), "claims in the order of their quotes");
        JsonNode considered = earliest.path("claims").get(0);
        assertEquals("Japan — pursues capability — strike capability", considered.path("statement").asText());
        assertEquals("object", considered.path("role").asText());
        assertEquals(List.of("Considered"), texts(considered.path("modalities"), "name"));
        assertEquals("considered", considered.path("modalities").get(0).path("label").asText());
        assertTrue(considered.path("modality_given").asBoolean());
        assertEquals("strike capability", considered.path("characterization").asText());
        assertFalse(considered.path("asserted").asBoolean());
        assertEquals("NormalRank", considered.path("rank").path("name").asText(), "normal when absent");
        assertEquals("the government has studied whether to acquire so-called strike capability",
                considered.path("quote").asText());
        assertEquals(10, considered.path("begin").asInt());
        assertEquals(83, considered.path("end").asInt());
        assertEquals("/id/claim/005-earliest/aaaaaaaaaaaa", considered.path("page").asText());
        JsonNode reported = earliest.path("claims").get(1);
        assertEquals("subject", reported.path("role").asText());
        assertEquals(List.of("Possible", "Reported"), texts(reported.path("modalities"), "name"));
        assertEquals(List.of("possible", "reportedly"), texts(reported.path("modalities"), "label"));
        assertEquals("officials say", reported.path("attribution").asText());
        assertEquals("Japan", reported.path("according_to").path("label").asText());
        assertEquals("missiles", reported.path("object").path("label").asText());

        JsonNode middle = articles.get(1);
        assertEquals(List.of("Writer A", "Writer B"), texts(middle.path("authors"), "label"));
        assertEquals("The Press", middle.path("publisher").path("label").asText());
        JsonNode decided = middle.path("claims").get(0);
        assertEquals(List.of("Decided"), texts(decided.path("modalities"), "name"));
        assertEquals("PreferredRank", decided.path("rank").path("name").asText());
        assertEquals("\"counter-strike\" capabilities", decided.path("characterization").asText());
        assertEquals(MARKUP_QUOTE, decided.path("quote").asText());
        assertEquals("2022-12", decided.path("date").asText());
        assertTrue(decided.path("asserted").asBoolean());

        JsonNode later = articles.get(2);
        assertTrue(later.path("authors").isEmpty());
        assertTrue(later.path("publisher").isMissingNode());
        JsonNode deprecated = later.path("claims").get(0);
        assertEquals(List.of("Stated"), texts(deprecated.path("modalities"), "name"), "stated when absent");
        assertFalse(deprecated.path("modality_given").asBoolean());
        assertEquals("DeprecatedRank", deprecated.path("rank").path("name").asText());
        assertEquals("contradicted by the 2022 documents", deprecated.path("rank_reason").asText());
        assertFalse(deprecated.path("asserted").asBoolean());
        assertEquals("has capability", deprecated.path("predicate").path("label").asText());
        assertEquals("2014", deprecated.path("start_date").asText());
        assertEquals("2015-03", deprecated.path("end_date").asText());
        assertFalse(deprecated.path("ended").asBoolean());
        assertTrue(considered.path("ended").asBoolean());
    }

    @Test
    void anEntityWithoutClaimsHasNoArticles() throws IOException {
        HttpResponse<String> r = sources(ID + "place/nowhere");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(0, json(r).path("articles").size());
        assertEquals(0, json(r).path("claim_count").asInt());
    }

    @Test
    void aRelatedEntitysPageShowsTheClaimsAboutBoth() throws IOException {
        JsonNode related = json(sources(ID + "capability/counterstrike"));
        JsonNode strike = json(sources(ID + "capability/strike"));
        assertEquals(strike.path("claim_count").asInt(), related.path("claim_count").asInt(),
                "counterstrike has no claims of its own: it shows those of the skos:related strike capability");
        assertEquals(texts(strike.path("articles"), "id"), texts(related.path("articles"), "id"));
    }

    @Test
    void anUnknownIriIs404() throws IOException {
        HttpResponse<String> r = sources(ID + "capability/atlantis");
        assertEquals(404, r.statusCode(), r.body());
        assertTrue(json(r).path("error").asText().contains("capability/atlantis"), r.body());
    }

    @Test
    void aMissingOrInvalidIriIs400() throws IOException {
        for (String path : List.of("api/sources", "api/sources?iri=", "api/sources?iri=not%20an%20iri",
                "api/sources?iri=relative/path",
                "api/sources?iri=" + URLEncoder.encode(ID + "x> } ; DROP ALL ; <y", StandardCharsets.UTF_8))) {
            HttpResponse<String> r = get(path, "application/json");
            assertEquals(400, r.statusCode(), path + ": " + r.body());
            assertTrue(json(r).path("error").asText().contains("iri"), path + ": " + r.body());
        }
    }

    @Test
    void theEntityPageShowsWhatTheArticlesSayEscaped() {
        HttpResponse<String> r = get("id/capability/strike", "text/html");
        assertEquals(200, r.statusCode(), r.body());
        String page = r.body();
        assertTrue(page.contains("<h2 id=\"sources\">What the articles say</h2>"), page);
        String json = "/api/sources?iri=" + URLEncoder.encode(STRIKE, StandardCharsets.UTF_8);
        assertTrue(page.contains("href=\"" + json + "\""), "links the JSON: " + page);
        assertTrue(page.contains(Templates.escape(MARKUP_QUOTE)), "the quote, escaped: " + page);
        assertFalse(page.contains("<b>decided</b>"), "no markup from the data");
        assertTrue(page.contains("Characterized as “" + Templates.escape("\"counter-strike\" capabilities") + "”"),
                page);
        int earliest = page.indexOf("id=\"source-005-earliest\"");
        int middle = page.indexOf("id=\"source-001-middle\"");
        int later = page.indexOf("id=\"source-003-later\"");
        assertTrue(earliest > 0 && earliest < middle && middle < later, "one block per article in date order");
        String sources = page.substring(earliest, page.indexOf("</div>\n</section>\n</div>", later));
        assertTrue(sources.contains("class=\"badge modality modality-considered\""), sources);
        assertTrue(sources.contains(">reportedly</span>"), sources);
        assertTrue(sources.contains("class=\"badge modality modality-decided\""), sources);
        assertTrue(sources.contains("class=\"badge modality modality-stated\""), sources);
        assertTrue(sources.contains(">deprecated rank</span>"), sources);
        assertTrue(sources.contains("contradicted by the 2022 documents"), sources);
        assertTrue(sources.contains("Writer A · Writer B · The Press"), sources);
        assertTrue(sources.contains("from 2014 until 2015-03"), sources);
    }

    @Test
    void aPageWithoutClaimsSaysSo() {
        HttpResponse<String> r = get("id/place/nowhere", "text/html");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("No article makes a claim about this resource."), r.body());
    }
}
