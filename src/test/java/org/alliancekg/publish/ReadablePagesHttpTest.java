package org.alliancekg.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.ArticleReader;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages as a reader sees them, on the project's real data over HTTP: claim pages titled as the statement they
 * make, article text rendered from its Markdown with quotes and mentions marked at their offsets, the VoID and
 * service descriptions and the reconciliation service as HTML summaries for browsers (RDF and JSON for clients),
 * and the favicon.
 */
class ReadablePagesHttpTest {

    @TempDir
    static Path dbRoot;

    static KgServer server;
    static String base;

    static final String BROWSER = LinkedDataHttpTest.BROWSER;
    static final String ARTICLE_003 = "003-pacnet-tokuchi-new-security-strategy";

    @BeforeAll
    static void buildAndServe() {
        server = BuiltProject.serve(dbRoot);
        base = server.baseUrl();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static String page(String path) {
        HttpResponse<String> r = Http.get(base + path, BROWSER);
        assertEquals(200, r.statusCode(), path);
        assertEquals("text/html", LinkedDataHttpTest.mediaType(r), path);
        return r.body();
    }

    static String title(String html) {
        Matcher m = Pattern.compile("<title>(.*?) — alliance-kg</title>").matcher(html);
        assertTrue(m.find(), "no title");
        return Marks.text(m.group(1));
    }

    static String h1(String html) {
        Matcher m = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "no h1");
        return Marks.text(m.group(1));
    }

    static List<QuerySolution> rows(String body, String s) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(Namespaces.sparqlPrefixes() + body);
        pss.setIri("s", s);
        try (QueryExecution qe = QueryExecutionHTTP.service(server.sparqlUrl()).query(pss.toString()).build()) {
            List<QuerySolution> out = new ArrayList<>();
            qe.execSelect().forEachRemaining(out::add);
            return out;
        }
    }

    static Model turtle(String path) {
        HttpResponse<String> r = Http.get(base + path, "text/turtle");
        assertEquals(200, r.statusCode(), path);
        return Http.parse(r, base + path);
    }

    static String path(String iri) {
        return iri.substring(Iris.BASE.length());
    }

    // ---- claim pages ----

    @Test
    void claimPageIsTitledAsTheStatementItMakes() {
        List<QuerySolution> rows = rows("SELECT ?c { ?c rdf:subject ?s ; "
                + "rdf:predicate akg:pursuesCapability ; rdf:object akr:capability\\/enemy-base-strike ; "
                + "akg:modality akg:Considered , akg:Reported } ", Iris.state("japan"));
        assertEquals(1, rows.size(), "003's reported deliberation");
        String html = page(path(rows.get(0).getResource("c").getURI()));
        String expected = "Japan pursues enemy base strike capability (considered, reportedly), according to 003 "
                + "(PacNet, 2020)";
        assertEquals(expected, title(html));
        assertEquals(expected, h1(html));
    }

    @Test
    void plainStatedClaimHasNoModalityAndADeprecatedOneSaysSo() {
        QuerySolution stated = rows("SELECT ?c { ?c rdf:subject ?s ; "
                + "rdf:predicate akg:participant ; rdf:object akr:person\\/lloyd-austin ; "
                + "prov:wasDerivedFrom ?a FILTER NOT EXISTS { ?c akg:modality ?m FILTER(?m != akg:Stated) } } "
                + "ORDER BY ?c LIMIT 1", Iris.meeting("scc-2024-07-28")).get(0);
        String html = page(path(stated.getResource("c").getURI()));
        assertTrue(title(html).startsWith("Lloyd J. Austin III takes part in "), title(html));
        assertTrue(title(html).contains(", according to 004"), title(html));
        assertFalse(title(html).contains("("  + "stated"), title(html));

        QuerySolution deprecated = rows("SELECT ?c { ?c akg:rank akg:DeprecatedRank ; "
                + "rdf:predicate akg:hasQuantity ; rdf:object ?s }", Iris.entity("quantity/jp-gdp-increase-2pct")).get(0);
        String d = page(path(deprecated.getResource("c").getURI()));
        assertTrue(title(d).startsWith("Deprecated: "), title(d));
        assertTrue(title(d).endsWith("(planned), according to 001 (Asia Times, 2024)"), title(d));
        assertTrue(d.contains("<p class=\"deprecated\">"), "the reason is given");
    }

    // ---- Markdown and marks ----

    @Test
    void everyClaimOfAnArticleMarksItsQuoteInTheRenderedText() {
        List<QuerySolution> rows = rows("SELECT ?c ?quote { ?c a akg:Claim ; akg:quote ?quote ; "
                + "prov:wasDerivedFrom ?s } ORDER BY ?c", Iris.article(ARTICLE_003));
        assertTrue(rows.size() > 50, "claims of 003: " + rows.size());
        for (QuerySolution row : rows) {
            String claim = row.getResource("c").getURI();
            String html = page(path(claim));
            String text = html.substring(html.indexOf("<div class=\"article-text\">"));
            assertFalse(text.contains("**") || text.contains("## "), claim + ": raw Markdown in the text");
            assertTrue(text.contains("<h2>"), claim + ": the heading is rendered");
            assertEquals(Marks.plain(row.getLiteral("quote").getLexicalForm()),
                    Marks.plain(String.join("", Marks.of(html, "quote"))), claim + ": marked words");
        }
    }

    @Test
    void articlePageMarksEachMentionAtItsOffsets() {
        String id = "004-us-japan-security-partnership";
        Article article = new ArticleReader(ProjectLayout.detect())
                .read(ProjectLayout.detect().articlesDir().resolve(id + ".md"));
        String body = article.body();
        List<QuerySolution> mentions = rows("SELECT ?b ?e { ?m a akg:Mention ; "
                + "prov:wasDerivedFrom ?s ; akg:beginIndex ?b ; akg:endIndex ?e } ORDER BY ?b DESC(?e)", Iris.article(id));
        String html = page("id/article/" + id);
        List<String> marked = Marks.of(html, "mention");
        // a mention inside another ("pacifist constitution" in "reinterpretation of its pacifist constitution")
        // is part of the outer mark
        List<String> expected = new ArrayList<>();
        int covered = -1;
        for (QuerySolution r : mentions) {
            int b = r.getLiteral("b").getInt();
            int e = r.getLiteral("e").getInt();
            if (b >= covered) {
                expected.add(body.substring(body.offsetByCodePoints(0, b), body.offsetByCodePoints(0, e)));
                covered = e;
            }
        }
        assertEquals(Marks.plain(String.join("|", expected)), Marks.plain(String.join("|", marked)));
        String text = html.substring(html.indexOf("<div class=\"article-text\">"));
        assertFalse(text.contains("**"), "raw Markdown in the article text");
    }

    @Test
    void mentionSentencesMarkTheMentionNotTheFirstSubstring() {
        String html = page("id/state/japan");
        assertFalse(html.contains("<mark>Japan</mark>ese"), "a mention of Japan marked inside 'Japanese'");
        assertTrue(html.contains("<mark>Japan</mark>’s establishment"), "004's mention at 1859-1864");
        String mentions = html.substring(html.indexOf("id=\"mentions\""));
        assertFalse(mentions.substring(0, mentions.indexOf("id=\"incoming\"")).contains("**"),
                "raw Markdown in the sentences");
    }

    @Test
    void factNodesStayOffEntityPagesAndHaveTheirOwn() {
        String html = page("id/state/japan");
        assertTrue(html.contains("id=\"incoming\""), "the page has incoming links");
        assertFalse(html.contains("/id/fact/"), "the fact nodes whose triples the page shows as statements");
        String fact = Iris.fact(NodeFactory.createURI(Iris.entity("state/japan")), AKG.memberOf.asNode(),
                NodeFactory.createURI(Iris.entity("alliance/quad")));
        String factPage = page(fact.substring(Iris.BASE.length()));
        assertTrue(factPage.contains("/id/state/japan") && factPage.contains("/id/alliance/quad"), fact);
        assertTrue(factPage.contains("/id/claim/"), "a fact's page lists the claims that name it");
    }

    @Test
    void aFactPageReadsAsItsStatementAndListsTheFactsStatedWithIt() {
        // 000 dates the three documents of late 2022 in one passage
        Node year = NodeFactory.createLiteralDT("2022", org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYear);
        String dbp = Iris.fact(NodeFactory.createURI(Iris.entity("document/jp-dbp-2022")), AKG.date.asNode(), year);
        String nss = Iris.fact(NodeFactory.createURI(Iris.entity("document/jp-nss-2022")), AKG.date.asNode(), year);
        String html = page(dbp.substring(Iris.BASE.length()));
        assertTrue(html.contains("<h1>Defense Buildup Program of Japan (2022) is dated 2022"), "title: " + dbp);
        assertTrue(html.contains("National Security Strategy of Japan (2022) is dated 2022"), "stated with");
        assertTrue(html.contains(nss.substring(Iris.BASE.length())), "a link to the fact stated with it");
        String incoming = html.substring(html.indexOf("id=\"incoming\""));
        assertFalse(incoming.contains("stated with"), "the symmetric links again as incoming links");
    }

    @Test
    void quotesShowTheirWordsNotTheirMarkdown() {
        String html = page("id/article/000-maciel-padilla-icisss-2024");
        Matcher blockquote = Pattern.compile("<blockquote class=\"quote\">(.*?)</blockquote>").matcher(html);
        List<String> quotes = new ArrayList<>();
        while (blockquote.find()) {
            quotes.add(blockquote.group(1));
        }
        assertTrue(quotes.contains("<strong>Conference Dates :</strong> February 26-27, 2024"), "quotes: " + quotes);
        assertTrue(quotes.stream().noneMatch(q -> q.contains("**")), "raw Markdown in a quote");
    }

    // ---- VoID, service description, reconciliation ----

    @Test
    void voidPageSummarisesTheFiguresTheRdfStates() {
        String html = page("void");
        assertEquals("Dataset description (VoID)", title(html));
        assertFalse(html.contains("<pre"), "no raw Turtle");
        Model v = turtle("void");
        Resource ds = v.getResource(VoidDescriber.DATASET);
        long triples = ds.getProperty(v.createProperty(VoidDescriber.VOID, "triples")).getLong();
        assertTrue(html.contains(String.format(java.util.Locale.ENGLISH, "<td class=\"num\">%,d</td>", triples)),
                "the triple count " + triples);
        for (Resource graph : v.listObjectsOfProperty(ds, v.createProperty(VoidDescriber.VOID, "subset"))
                .mapWith(n -> n.asResource()).toList()) {
            if (graph.hasProperty(RDF.type, v.createResource(VoidDescriber.VOID + "Dataset"))) {
                assertTrue(html.contains("href=\"/" + path(graph.getURI()) + "\""), "graph " + graph);
            }
        }
        assertTrue(html.contains("href=\"/ontology#Claim\""), "class partitions link their class");
        for (Format f : Format.rdfOnly()) {
            assertTrue(html.contains("href=\"/void." + f.extension() + "\""), "RDF one click away: " + f);
            assertEquals(f.mediaType(), LinkedDataHttpTest.mediaType(Http.get(base + "void." + f.extension(), BROWSER)));
        }
    }

    @Test
    void endpointPageForBrowsersTurtleForClients() {
        String html = page("kg/sparql");
        assertEquals("SPARQL endpoint", title(html));
        assertFalse(html.contains("<pre"), "no raw Turtle");
        assertTrue(html.contains("SPARQL 1.1 Query"), "the language");
        String ttl = server.sparqlUrl() + "?service-description=ttl";
        assertTrue(html.contains("href=\"" + ttl + "\""), "the Turtle one click away");
        assertEquals("text/turtle", LinkedDataHttpTest.mediaType(Http.get(ttl, BROWSER)));
        assertTrue(html.contains("href=\"/graph/entities\""), "the named graphs");
    }

    @Test
    void reconcileIsAPageForBrowsersAndJsonForOpenRefine() throws Exception {
        String html = page("reconcile");
        assertEquals("Reconciliation service", title(html));
        assertTrue(html.contains(base + "reconcile"), "the address to give OpenRefine");
        ObjectMapper json = new ObjectMapper();
        for (String accept : Arrays.asList(null, "*/*", "application/json")) {
            HttpResponse<String> r = Http.get(base + "reconcile", accept);
            assertEquals("application/json", LinkedDataHttpTest.mediaType(r), "Accept: " + accept);
            JsonNode manifest = json.readTree(r.body());
            assertEquals(Iris.ID, manifest.path("identifierSpace").asText());
        }
        HttpResponse<String> asked = Http.get(base + "reconcile?format=json", BROWSER);
        assertEquals("application/json", LinkedDataHttpTest.mediaType(asked), "the manifest link of the page");
        HttpResponse<String> query = Http.get(base + "reconcile?query=Kishida", BROWSER);
        assertEquals("application/json", LinkedDataHttpTest.mediaType(query), "queries stay JSON for browsers");
        HttpResponse<String> card = Http.get(base + "reconcile/preview?id=person/fumio-kishida", BROWSER);
        assertEquals("text/html", LinkedDataHttpTest.mediaType(card));
        assertTrue(card.body().contains("<a target=\"_blank\" href=\"" + base + "id/person/fumio-kishida\"><b>Fumio "
                + "Kishida</b></a>"), card.body());
    }

    // ---- favicon ----

    @Test
    void faviconIsServedAndLinkedFromEveryPage() {
        HttpResponse<byte[]> ico = Http.getBytes(base + "favicon.ico");
        assertEquals(200, ico.statusCode());
        assertEquals("image/x-icon", ico.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(new byte[] {0, 0, 1, 0}, Arrays.copyOf(ico.body(), 4), "an ICO file");
        HttpResponse<String> svg = Http.get(base + "favicon.svg", null);
        assertEquals(200, svg.statusCode());
        assertTrue(svg.body().startsWith("<svg"), svg.body());
        for (String p : List.of("id/state/japan", "ontology", "graph/entities", "void", "kg/sparql", "reconcile",
                "id/article/" + ARTICLE_003)) {
            assertTrue(page(p).contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"), p);
        }
    }
}
