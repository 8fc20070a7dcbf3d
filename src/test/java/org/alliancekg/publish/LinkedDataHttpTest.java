package org.alliancekg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.alliancekg.serve.KgServer;
import org.alliancekg.serve.Templates;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dereferencing over HTTP against the server over the project's real build: every RDF format of a state, a meeting
 * and an ontology term (by {@code Accept} and by extension, parsed back with Jena), quality values, 406 and 404,
 * the HTML pages (the 2024-07-28 SCC with its participants and the quotes behind them, a claim's quote highlighted
 * in its article's text), named graphs, HEAD and CORS.
 */
class LinkedDataHttpTest {

    @TempDir
    static Path dbRoot;

    static KgServer server;
    static String base;

    static final String JAPAN = Iris.state("japan");
    static final String SCC = Iris.meeting("scc-2024-07-28");
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

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

    /** The path, the resource it describes and a statement each of its descriptions must hold. */
    static Stream<Arguments> resources() {
        Resource japan = ResourceFactory.createResource(JAPAN);
        Resource scc = ResourceFactory.createResource(SCC);
        Resource meeting = AKG.Meeting;
        return Stream.of(
                Arguments.of("id/state/japan", japan, ResourceFactory.createStatement(japan, OWL.sameAs,
                        ResourceFactory.createResource(Namespaces.WD + "Q17"))),
                Arguments.of("id/meeting/scc-2024-07-28", scc, ResourceFactory.createStatement(scc, AKG.participant,
                        ResourceFactory.createResource(Iris.person("lloyd-austin")))),
                Arguments.of("ontology/Meeting", meeting, ResourceFactory.createStatement(meeting, RDF.type, OWL.Class)),
                Arguments.of("ontology", meeting, ResourceFactory.createStatement(meeting, RDF.type, OWL.Class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void everyRdfFormatByAcceptAndByExtensionParsesToTheSameDescription(String path, Resource subject,
                                                                         Statement expected) {
        Model first = null;
        for (Format f : Format.rdfOnly()) {
            HttpResponse<String> negotiated = Http.get(base + path, f.mediaType());
            assertEquals(200, negotiated.statusCode(), path + " as " + f.mediaType() + ": " + negotiated.body());
            assertEquals(f.mediaType(), mediaType(negotiated), path + " as " + f.mediaType());
            assertEquals("Accept", negotiated.headers().firstValue("Vary").orElse(""), path + ": Vary");
            assertEquals("/" + path + "." + f.extension(),
                    negotiated.headers().firstValue("Content-Location").orElse(""), path + ": Content-Location");
            Model m = Http.parse(negotiated, base + path);
            assertTrue(m.contains(expected), path + " as " + f.mediaType() + " lacks " + expected);
            assertTrue(m.contains(subject, RDFS.label), path + " as " + f.mediaType() + ": no label of " + subject);

            HttpResponse<String> byExtension = Http.get(base + path + "." + f.extension(), "text/html");
            assertEquals(200, byExtension.statusCode(), path + "." + f.extension());
            assertEquals(f.mediaType(), mediaType(byExtension), path + "." + f.extension() + " ignores Accept");
            assertTrue(Http.parse(byExtension, base + path).isIsomorphicWith(m),
                    path + "." + f.extension() + " differs from the negotiated " + f.mediaType());
            if (first == null) {
                first = m;
            } else {
                assertTrue(first.isIsomorphicWith(m), path + ": " + f.label() + " differs from Turtle");
            }
        }
    }

    @Test
    void descriptionHoldsEverySubjectTripleTheLinkedLabelsAndTheClaims() {
        Model served = turtle("id/state/japan");
        Model live = construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", JAPAN);
        assertFalse(live.isEmpty());
        assertTrue(served.containsAll(live), "the description lacks triples with the resource as subject");
        // labels of what it links to
        for (Statement st : live.listStatements().toList()) {
            if (st.getObject().isURIResource() && !st.getPredicate().equals(RDF.type)) {
                Model label = construct("CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l }",
                        st.getObject().asResource().getURI());
                assertTrue(served.containsAll(label), "no label of " + st.getObject());
            }
        }
        // its claims, whether it is their subject or their object, with quotes and sources
        List<QuerySolution> claims = rows("SELECT ?c { { ?c rdf:subject ?s } UNION { ?c rdf:object ?s } "
                + "?c a akg:Claim }", JAPAN);
        assertFalse(claims.isEmpty());
        for (QuerySolution row : claims) {
            Resource claim = served.createResource(row.getResource("c").getURI());
            String c = claim.getURI();
            assertTrue(served.contains(claim, AKG.quote), c + ": no quote");
            assertTrue(served.contains(claim, ResourceFactory.createProperty(Namespaces.PROV, "wasDerivedFrom")),
                    c + ": no source");
        }
    }

    @Test
    void ontologyDocumentHoldsTheWholeOntologyGraph() {
        Model served = turtle("ontology");
        HttpResponse<String> graph = Http.get(base + "graph/ontology.nt", null);
        assertEquals(200, graph.statusCode());
        assertTrue(served.isIsomorphicWith(Http.parse(graph, base)), "/ontology is not the ontology graph");
        assertTrue(served.contains(served.createResource(Iris.BASE + "ontology"), RDF.type, OWL.Ontology));
        // the version IRI and those of prior versions (whose terms the ontology keeps) answer with the same graph;
        // a version the ontology does not name does not
        for (String version : List.of("2.2.0", "2.1.0", "2.0.0")) {
            assertTrue(served.isIsomorphicWith(turtle("ontology/" + version)), "/ontology/" + version);
        }
        assertEquals(404, Http.get(base + "ontology/9.9.9", "text/turtle").statusCode());
    }

    @Test
    void namedGraphAnswersItsTriples() {
        String entities = Iris.ENTITIES_GRAPH;
        HttpResponse<String> r = Http.get(base + "graph/entities", "application/n-triples");
        assertEquals(200, r.statusCode());
        long count = rows("SELECT (COUNT(*) AS ?n) { GRAPH ?s { ?x ?p ?o } }", entities).get(0).getLiteral("n").getLong();
        assertEquals(count, Http.parse(r, base).size(), "triples of " + entities);
    }

    @Test
    void qualityValuesChooseTheFormat() {
        Map<String, String> expected = Map.of(
                BROWSER, "text/html",
                "*/*", "text/turtle",
                "text/*", "text/turtle",
                "text/turtle;q=0.5, application/ld+json", "application/ld+json",
                "application/rdf+xml;q=0.9, text/html;q=0.1", "application/rdf+xml",
                "application/n-triples;q=0, */*;q=0.1", "text/turtle",
                "text/turtle;q=0.2, application/n-triples;q=0.8, image/png", "application/n-triples");
        expected.forEach((accept, type) -> assertEquals(type, mediaType(Http.get(base + "id/state/japan", accept)),
                "Accept: " + accept));
        assertEquals("text/turtle", mediaType(Http.get(base + "id/state/japan", null)), "no Accept header");
    }

    @Test
    void unsupportedAcceptIs406() {
        for (String accept : List.of("image/png", "application/sparql-results+json", "text/turtle;q=0")) {
            HttpResponse<String> r = Http.get(base + "id/state/japan", accept);
            assertEquals(406, r.statusCode(), "Accept: " + accept);
            assertTrue(r.body().contains("text/turtle"), "406 names what is available: " + r.body());
        }
    }

    @Test
    void unknownIrisAre404() {
        for (String path : List.of("id/state/atlantis", "id/state/atlantis.ttl", "id/state/japan.xyz", "id/",
                "ontology/NoSuchTerm", "graph/nope", "graph/article/999-none", "id/state/japan%3Cscript%3E",
                "id/claim/000-maciel-padilla-icisss-2024/000000000000")) {
            assertEquals(404, Http.get(base + path, "text/turtle").statusCode(), path);
            assertEquals(404, Http.get(base + path, BROWSER).statusCode(), path + " (browser)");
        }
    }

    @Test
    void sccPageListsItsParticipantsAndTheQuotesBehindThem() {
        HttpResponse<String> r = Http.get(base + "id/meeting/scc-2024-07-28", BROWSER);
        assertEquals(200, r.statusCode());
        assertEquals("text/html", mediaType(r));
        String html = r.body();
        List<QuerySolution> rows = rows("SELECT ?p ?label ?quote { ?s akg:participant ?p . ?p rdfs:label ?label . "
                + "?c a akg:Claim ; rdf:subject ?s ; rdf:predicate akg:participant ; rdf:object ?p ; akg:quote ?quote }",
                SCC);
        Set<String> participants = new LinkedHashSet<>();
        Set<String> quotes = new LinkedHashSet<>();
        Matcher blockquote = Pattern.compile("<blockquote class=\"quote\">(.*?)</blockquote>").matcher(html);
        while (blockquote.find()) {
            quotes.add(Marks.plain(Marks.text(blockquote.group(1))));
        }
        for (QuerySolution row : rows) {
            participants.add(row.getResource("p").getURI());
            String label = row.getLiteral("label").getLexicalForm();
            assertTrue(html.contains(">" + Templates.escape(label) + "</a>"), "participant " + label + " not listed");
            assertTrue(quotes.contains(Marks.plain(row.getLiteral("quote").getLexicalForm())),
                    "quote behind " + label + " not shown");
        }
        assertTrue(participants.contains(Iris.person("lloyd-austin")), "the data names Austin as a participant");
        assertTrue(participants.size() >= 4, "participants: " + participants);
        for (String p : participants) {
            assertTrue(html.contains("href=\"/id/" + p.substring(Iris.ID.length()) + "\""), "no link to " + p);
        }
        assertTrue(html.contains("class=\"evidence\""), "facts link to their quotes");
    }

    @Test
    void claimPageHighlightsTheQuoteInTheArticleText() throws Exception {
        List<QuerySolution> rows = rows("SELECT ?c ?quote ?article ?b { ?c rdf:subject ?s ; akg:quote ?quote ; "
                + "akg:beginIndex ?b ; prov:wasDerivedFrom ?article } ORDER BY ?c LIMIT 3", SCC);
        assertFalse(rows.isEmpty());
        for (QuerySolution row : rows) {
            String claim = row.getResource("c").getURI();
            HttpResponse<String> r = Http.get(base + claim.substring(Iris.BASE.length()), BROWSER);
            assertEquals(200, r.statusCode(), claim);
            String quote = row.getLiteral("quote").getLexicalForm();
            String html = r.body();
            assertTrue(html.contains("<mark id=\"hl\" class=\"quote\">"), claim + ": no passage marked");
            assertEquals(Marks.plain(quote), Marks.plain(String.join("", Marks.of(html, "quote"))),
                    claim + ": the marked words are not the quote");
        }
    }

    @Test
    void everyKindOfResourceAndEveryGraphHasAPage() {
        List<QuerySolution> samples = rows("SELECT ?type (SAMPLE(?x) AS ?one) { ?x a ?type "
                + "FILTER(STRSTARTS(STR(?x), STR(akr:))) } GROUP BY ?type", Iris.ID);
        Set<String> types = new LinkedHashSet<>();
        for (QuerySolution row : samples) {
            types.add(row.getResource("type").getURI());
            String iri = row.getResource("one").getURI();
            HttpResponse<String> r = Http.get(base + iri.substring(Iris.BASE.length()), BROWSER);
            assertEquals(200, r.statusCode(), iri);
            assertTrue(r.body().contains("<div class=\"iri\">" + Templates.escape(iri) + "</div>"), iri);
        }
        for (String c : List.of("State", "Meeting", "Article", "Claim", "Mention", "Person", "StrategyDocument")) {
            assertTrue(types.contains(AKG.NS + c), "no individual of akg:" + c + " among " + types);
        }
        for (QuerySolution row : rows("SELECT DISTINCT ?g { GRAPH ?g { } }", Iris.ID)) {
            String g = row.getResource("g").getURI();
            HttpResponse<String> r = Http.get(base + g.substring(Iris.BASE.length()), BROWSER);
            assertEquals(200, r.statusCode(), g);
            assertTrue(r.body().contains("Named graph"), g);
        }
    }

    @Test
    void mentionPageMarksTheAnchorAndArticlePageShowsItsClaimsAndText() {
        QuerySolution m = rows("SELECT ?m ?anchor { ?m akg:mentionOf ?s ; akg:anchorText ?anchor } ORDER BY ?m LIMIT 1",
                JAPAN).get(0);
        String mention = m.getResource("m").getURI();
        HttpResponse<String> r = Http.get(base + mention.substring(Iris.BASE.length()), BROWSER);
        assertEquals(200, r.statusCode(), mention);
        assertEquals(List.of(m.getLiteral("anchor").getLexicalForm()), Marks.of(r.body(), "quote"),
                mention + ": anchor not marked in the text");

        String article = base + "id/article/004-us-japan-security-partnership";
        String html = Http.get(article, BROWSER).body();
        assertTrue(html.contains("id=\"article-claims\""), "claims taken from the article");
        assertTrue(html.contains("<div class=\"article-text\">"), "the article text");
        assertFalse(html.contains("**"), "no Markdown emphasis marks left");
        assertTrue(html.contains(Templates.escape("During the meeting, the U.S. Secretary of Defense Lloyd J. Austin III")));
    }

    @Test
    void pagesLinkToThisServerAndToWikidata() {
        String html = Http.get(base + "id/state/japan", BROWSER).body();
        assertTrue(html.contains("href=\"http://www.wikidata.org/entity/Q17\""), "no Wikidata link");
        for (Format f : Format.rdfOnly()) {
            assertTrue(html.contains("href=\"/id/state/japan." + f.extension() + "\""), "no link to " + f.label());
        }
        assertTrue(html.contains("id=\"mentions\""), "no 'mentioned in' section");
        assertTrue(html.contains("id=\"incoming\""), "no incoming links");
        Matcher m = Pattern.compile("href=\"(/(?:id|ontology|graph)[^\"#]*)").matcher(html);
        Set<String> hrefs = new LinkedHashSet<>();
        while (m.find()) {
            hrefs.add(m.group(1));
        }
        assertTrue(hrefs.size() > 10, "links: " + hrefs);
        List<String> broken = new ArrayList<>();
        for (String href : hrefs) {
            if (Http.request("HEAD", base + href.substring(1), Map.of("Accept", "text/html")).statusCode() != 200) {
                broken.add(href);
            }
        }
        assertEquals(List.of(), broken, "links of /id/state/japan that do not answer 200");
    }

    @Test
    void entityPagesLinkTheExplorerOnThemselves() {
        for (String iri : List.of(JAPAN, SCC, Iris.person("fumio-kishida"))) {
            String html = Http.get(base + iri.substring(Iris.BASE.length()), BROWSER).body();
            String href = "/explore?iri=" + java.net.URLEncoder.encode(iri, java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(html.contains("<a id=\"explore-link\" href=\"" + Templates.escape(href) + "\">"), iri + ": " + href);
        }
        String article = Http.get(base + "id/article/002-diplomat-tatsumi-new-vision", BROWSER).body();
        assertFalse(article.contains("id=\"explore-link\""), "articles are not nodes of the explorer");
        Matcher claim = Pattern.compile("href=\"(/id/claim/[^\"#]*)\"").matcher(article);
        assertTrue(claim.find(), "a claim link on the article page");
        assertFalse(Http.get(base + claim.group(1).substring(1), BROWSER).body().contains("id=\"explore-link\""),
                "claims are not nodes of the explorer");
    }

    @Test
    void ontologyPageHasAnAnchorPerTerm() {
        String html = Http.get(base + "ontology", BROWSER).body();
        for (String term : List.of("Meeting", "State", "participant", "namesThreat", "Claim")) {
            assertTrue(html.contains("<section class=\"term\" id=\"" + term + "\">"), "no anchor #" + term);
        }
        assertTrue(Http.get(base + "id/meeting/scc-2024-07-28", BROWSER).body().contains("href=\"/ontology#Meeting\""),
                "ontology terms link to their anchors");
    }

    @Test
    void headAnswersHeadersWithoutBody() {
        HttpResponse<String> r = Http.request("HEAD", base + "id/state/japan", Map.of("Accept", "application/ld+json"));
        assertEquals(200, r.statusCode());
        assertEquals("application/ld+json", mediaType(r));
        assertEquals("", r.body());
    }

    @Test
    void corsOnResourcesDescriptionsReconciliationAndTheQueryEndpoints() {
        for (String path : List.of("id/state/japan", "ontology", "ontology.ttl", "graph/entities", "kg/sparql",
                "kg/query", "void", ".well-known/void", "reconcile", "dumps/alliance-kg.nq.gz")) {
            HttpResponse<String> pre = Http.request("OPTIONS", base + path, Map.of("Origin", "https://yasgui.example",
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
            assertEquals(204, pre.statusCode(), path + " preflight");
            assertEquals("*", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
            assertTrue(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"), path);
            assertEquals("content-type", pre.headers().firstValue("Access-Control-Allow-Headers").orElse(""), path);
        }
        HttpResponse<String> q = Http.request("GET", base + "kg/sparql?query=" + Http.enc("ASK {}"),
                Map.of("Origin", "https://yasgui.example", "Accept", "application/sparql-results+json"));
        assertEquals(200, q.statusCode());
        assertEquals("*", q.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<String> page = Http.request("GET", base + "id/state/japan", Map.of("Origin", "https://x.example"));
        assertEquals("*", page.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    // ---------------------------------------------------------------------------------------------------------

    static String mediaType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    }

    static Model turtle(String path) {
        HttpResponse<String> r = Http.get(base + path, "text/turtle");
        assertEquals(200, r.statusCode(), path);
        return Http.parse(r, base + path);
    }

    /** A query with the project's prefixes and {@code ?s} bound to an IRI (parameterized, not pasted). */
    static String query(String body, String s) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(Namespaces.sparqlPrefixes() + body);
        pss.setIri("s", s);
        return pss.toString();
    }

    static Model construct(String body, String s) {
        try (QueryExecution qe = QueryExecutionHTTP.service(server.sparqlUrl()).query(query(body, s)).build()) {
            Model m = ModelFactory.createDefaultModel();
            m.add(qe.execConstruct());
            return m;
        }
    }

    static List<QuerySolution> rows(String body, String s) {
        try (QueryExecution qe = QueryExecutionHTTP.service(server.sparqlUrl()).query(query(body, s)).build()) {
            List<QuerySolution> out = new ArrayList<>();
            qe.execSelect().forEachRemaining(out::add);
            return out;
        }
    }
}
