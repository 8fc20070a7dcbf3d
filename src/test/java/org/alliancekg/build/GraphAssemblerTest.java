package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.Corpus;
import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.ingest.TestProjects;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GraphAssemblerTest {

    private static final String ARTICLE = "t1-test-article";

    private static Corpus corpus;
    private static Dataset dataset;
    private static Model graph;
    private static Model facts;
    private static Article article;

    @BeforeAll
    static void assemble() {
        ProjectLayout layout = ProjectLayout.of(TestProjects.resource("fixtures/mini"));
        corpus = Corpus.read(layout);
        article = corpus.article(ARTICLE).orElseThrow();
        dataset = new GraphAssembler(GraphFactory.createDefaultGraph()).assemble(corpus).dataset();
        graph = dataset.getNamedModel(Iris.articleGraph(ARTICLE));
        facts = dataset.getNamedModel(Iris.FACTS_GRAPH);
    }

    private static String slice(String body, int begin, int end) {
        return body.codePoints().skip(begin).limit(end - begin)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static int intOf(Resource r, Property p) {
        return r.getRequiredProperty(p).getLiteral().getInt();
    }

    private static List<Resource> claims() {
        return graph.listResourcesWithProperty(RDF.type, AKG.Claim).toList();
    }

    @Test
    void graphsAreNamedAsDesigned() {
        Set<String> names = new java.util.HashSet<>();
        dataset.asDatasetGraph().listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        assertTrue(names.containsAll(Set.of(Iris.ENTITIES_GRAPH, Iris.FACTS_GRAPH, Iris.articleGraph(ARTICLE))),
                names.toString());
        assertEquals(0, dataset.getDefaultModel().size());
    }

    @Test
    void everyClaimOffsetSlicesTheBodyToItsQuote() {
        List<Resource> claims = claims();
        assertEquals(9, claims.size());
        for (Resource c : claims) {
            String quote = c.getRequiredProperty(AKG.quote).getString();
            Literal begin = c.getRequiredProperty(AKG.beginIndex).getLiteral();
            assertEquals(XSDDatatype.XSDnonNegativeInteger.getURI(), begin.getDatatypeURI());
            assertEquals(quote, slice(article.body(), begin.getInt(), intOf(c, AKG.endIndex)), c.getURI());
        }
    }

    @Test
    void secondOccurrenceAndAstralCharactersAreCountedInCodePoints() {
        Resource c = graph.listSubjectsWithProperty(RDF.predicate, AKG.pursuesCapability).next();
        String body = article.body();
        String quote = "Japan will acquire counterstrike capability";
        int utf16 = body.lastIndexOf(quote);
        assertTrue(body.indexOf(quote) < utf16, "the fixture has the quote twice");
        assertEquals(body.codePointCount(0, utf16), intOf(c, AKG.beginIndex));
        assertTrue(body.substring(0, utf16).codePoints().anyMatch(Character::isSupplementaryCodePoint),
                "the fixture has an astral character before the quote");
        assertTrue(intOf(c, AKG.beginIndex) < utf16);
    }

    @Test
    void plainTripleInTheFactsGraphAndClaimNodeInTheArticleGraph() {
        Resource meeting = graph.createResource(Iris.meeting("scc-2022-01-06"));
        Resource threat = graph.createResource(Iris.threat("nuclear-weapons"));
        assertTrue(facts.contains(meeting, AKG.namesThreat, threat));
        assertFalse(graph.contains(meeting, AKG.namesThreat, threat), "the article graph holds evidence only");
        Resource c = graph.listSubjectsWithProperty(RDF.object, threat).next();
        assertEquals(meeting, c.getPropertyResourceValue(RDF.subject));
        assertEquals(AKG.namesThreat, c.getPropertyResourceValue(RDF.predicate));
        assertEquals(Iris.article(ARTICLE),
                c.getPropertyResourceValue(graph.createProperty(Namespaces.PROV + "wasDerivedFrom")).getURI());
        String hash = Iris.claimHash("meeting/scc-2022-01-06", "namesThreat", "threat/nuclear-weapons",
                "“nuclear weapons”", 1);
        assertEquals(Iris.claim(ARTICLE, hash), c.getURI());
    }

    @Test
    void everyClaimNamesTheFactNodeOfItsTripleWhichCarriesWhatItsClaimsGive() {
        Model all = dataset.getUnionModel();
        List<Resource> claims = all.listResourcesWithProperty(RDF.type, AKG.Claim).toList();
        assertFalse(claims.isEmpty());
        for (Resource c : claims) {
            List<org.apache.jena.rdf.model.RDFNode> links = all.listObjectsOfProperty(c, AKG.fact).toList();
            assertEquals(1, links.size(), c + " names one fact node");
            Resource fact = links.get(0).asResource();
            assertEquals(Iris.fact(c.getPropertyResourceValue(RDF.subject).asNode(),
                    c.getPropertyResourceValue(RDF.predicate).asNode(), c.getRequiredProperty(RDF.object).getObject()
                            .asNode()), fact.getURI());
            assertTrue(facts.contains(fact, RDF.type, AKG.Fact), fact + " stands in the graph of facts");
            assertEquals(c.getRequiredProperty(RDF.subject).getObject(),
                    facts.getRequiredProperty(fact, AKG.factSubject).getObject());
            assertEquals(c.getRequiredProperty(RDF.predicate).getObject(),
                    facts.getRequiredProperty(fact, AKG.factPredicate).getObject());
            assertEquals(c.getRequiredProperty(RDF.object).getObject(),
                    facts.getRequiredProperty(fact, AKG.factObject).getObject());
        }
        // each fact node: the characterizations and modalities of its claims, each once, Stated for none
        for (Resource fact : facts.listResourcesWithProperty(RDF.type, AKG.Fact).toList()) {
            List<Resource> its = all.listResourcesWithProperty(AKG.fact, fact).toList();
            assertFalse(its.isEmpty(), fact + " is named by a claim");
            Set<org.apache.jena.rdf.model.RDFNode> characterizations = new java.util.HashSet<>();
            Set<org.apache.jena.rdf.model.RDFNode> modalities = new java.util.HashSet<>();
            for (Resource c : its) {
                characterizations.addAll(all.listObjectsOfProperty(c, AKG.characterization).toList());
                List<org.apache.jena.rdf.model.RDFNode> m = all.listObjectsOfProperty(c, AKG.modality).toList();
                modalities.addAll(m.isEmpty() ? List.of(org.alliancekg.vocab.Modality.STATED.resource()) : m);
            }
            assertEquals(characterizations, Set.copyOf(facts.listObjectsOfProperty(fact, AKG.factCharacterization)
                    .toList()), fact.getURI());
            assertEquals(modalities, Set.copyOf(facts.listObjectsOfProperty(fact, AKG.factModality).toList()),
                    fact.getURI());
        }
        // the IRI is published: a hash of the triple's terms in N-Triples syntax, pinned for one fact
        Resource c = graph.listSubjectsWithProperty(RDF.object, graph.createResource(Iris.threat("nuclear-weapons")))
                .next();
        assertEquals(Iris.ID + "fact/2e8d124500172643", c.getPropertyResourceValue(AKG.fact).getURI());
    }

    @Test
    void factsWhoseClaimsQuoteOverlappingSpansAreStatedWithEachOtherInThatArticleGraph() {
        String overlapping = """
                PREFIX akg: <https://w3id.org/alliance-kg/ontology#>
                SELECT DISTINCT ?g ?a ?b WHERE { GRAPH ?g {
                  ?c1 a akg:Claim ; akg:fact ?a ; akg:beginIndex ?b1 ; akg:endIndex ?e1 .
                  ?c2 a akg:Claim ; akg:fact ?b ; akg:beginIndex ?b2 ; akg:endIndex ?e2 .
                  FILTER (?a != ?b && ?b1 < ?e2 && ?b2 < ?e1) } }""";
        String linked = """
                PREFIX akg: <https://w3id.org/alliance-kg/ontology#>
                SELECT ?g ?a ?b WHERE { GRAPH ?g { ?a akg:statedWith ?b } }""";
        Set<List<String>> expected = rows(overlapping);
        assertFalse(expected.isEmpty(), "the fixture has claims quoting overlapping spans");
        // exactly those pairs, both ways, in the graph of the article whose claims overlap
        assertEquals(expected, rows(linked));
    }

    /** The rows of a query over the assembled dataset as lists of the values' strings, as a set. */
    private static Set<List<String>> rows(String query) {
        Set<List<String>> out = new java.util.HashSet<>();
        try (org.apache.jena.query.QueryExecution qe = org.apache.jena.query.QueryExecution.dataset(dataset)
                .query(query).build()) {
            qe.execSelect().forEachRemaining(row -> out.add(List.of(row.get("g").toString(), row.get("a").toString(),
                    row.get("b").toString())));
        }
        return out;
    }

    @Test
    void literalClaimsAreTyped() {
        Resource meeting = facts.createResource(Iris.meeting("scc-2022-01-06"));
        Literal date = meeting.getRequiredProperty(AKG.date).getLiteral();
        assertEquals("2022-01-06", date.getLexicalForm());
        assertEquals(XSDDatatype.XSDdate.getURI(), date.getDatatypeURI());
        assertEquals(XSDDatatype.XSDdate.getURI(), meeting.getRequiredProperty(AKG.localDate).getLiteral().getDatatypeURI());
        Literal format = meeting.getRequiredProperty(AKG.format).getLiteral();
        assertEquals("virtual", format.getLexicalForm());
        assertEquals(XSDDatatype.XSDstring.getURI(), format.getDatatypeURI());
        Resource participant = graph.listSubjectsWithProperty(RDF.predicate, AKG.participant).next();
        assertEquals(XSDDatatype.XSDdate.getURI(), participant.getRequiredProperty(AKG.date).getLiteral().getDatatypeURI());
    }

    @Test
    void characterizationIsEnglish() {
        Resource c = graph.listSubjectsWithProperty(RDF.predicate, AKG.posedBy).next();
        Literal ch = c.getRequiredProperty(AKG.characterization).getLiteral();
        assertEquals("imminent threat", ch.getLexicalForm());
        assertEquals("en", ch.getLanguage());
    }

    @Test
    void articleMetadata() {
        Resource a = graph.createResource(Iris.article(ARTICLE));
        assertTrue(graph.contains(a, RDF.type, AKG.Article));
        assertEquals(article.frontMatter().title(), a.getRequiredProperty(DCTerms.title).getString());
        assertEquals("en", a.getRequiredProperty(RDFS.label).getLanguage());
        assertEquals(article.textSha256(), a.getRequiredProperty(AKG.textSha256).getString());
        Literal date = a.getRequiredProperty(AKG.date).getLiteral();
        assertEquals(XSDDatatype.XSDgYearMonth.getURI(), date.getDatatypeURI());
        assertTrue(a.hasProperty(AKG.dateInferred));
        assertEquals("https://example.org/t1",
                a.getPropertyResourceValue(graph.createProperty(Namespaces.SCHEMA + "url")).getURI());
        // the publisher is in the catalogue; the author is not and is minted in the graph of facts
        assertEquals(Iris.organization("test-press"), a.getPropertyResourceValue(DCTerms.publisher).getURI());
        Resource author = facts.createResource(a.getPropertyResourceValue(DCTerms.creator).getURI());
        assertEquals(Iris.person("yuki-tester"), author.getURI());
        assertTrue(facts.contains(author, RDF.type, AKG.Person));
        assertEquals("Yuki Tester", author.getRequiredProperty(RDFS.label).getString());
        assertFalse(graph.contains(author, RDF.type));
        assertFalse(graph.contains(author, RDFS.label));
        for (Model m : List.of(graph, facts)) {
            assertFalse(m.contains(m.createResource(Iris.organization("test-press")), RDF.type));
        }
    }

    @Test
    void mentionsAreWholeLongestMatchesWithTheirSentence() {
        List<Resource> mentions = graph.listResourcesWithProperty(RDF.type, AKG.Mention).toList();
        Set<String> anchors = mentions.stream().map(m -> m.getRequiredProperty(AKG.anchorText).getString())
                .collect(Collectors.toSet());
        assertTrue(anchors.contains("U.S. Secretary of Defense"), anchors.toString());
        assertTrue(anchors.contains("Lloyd J. Austin III"), anchors.toString());
        assertFalse(anchors.contains("U.S."), "U.S. is inside the longer position name: " + anchors);
        for (Resource m : mentions) {
            String anchor = m.getRequiredProperty(AKG.anchorText).getString();
            int b = intOf(m, AKG.beginIndex);
            int e = intOf(m, AKG.endIndex);
            assertEquals(anchor, slice(article.body(), b, e));
            assertEquals(Iris.mention(ARTICLE, b, e), m.getURI());
            String sentence = m.getRequiredProperty(AKG.sentence).getString();
            assertTrue(sentence.contains(anchor), sentence);
            RDFNode target = m.getRequiredProperty(AKG.mentionOf).getObject();
            assertTrue(graph.contains(graph.createResource(Iris.article(ARTICLE)), AKG.mentions, target));
        }
        long japan = mentions.stream().filter(m -> m.getPropertyResourceValue(AKG.mentionOf).getURI()
                .equals(Iris.state("japan"))).count();
        assertEquals(Offsets.countWholeJapan(article.body()), japan);
    }

    /** The mentions of the fixture {@code fixtures/mentions} (an article of 2023), by anchor text and begin. */
    @Test
    void sharedNamesResolveByDateAndCountryOrStayCandidates() {
        String id = "m1-mention-context";
        Corpus c = Corpus.read(ProjectLayout.of(TestProjects.resource("fixtures/mentions")));
        Model g = new GraphAssembler(GraphFactory.createDefaultGraph()).assemble(c).dataset()
                .getNamedModel(Iris.articleGraph(id));
        String body = c.article(id).orElseThrow().body();
        Resource art = g.createResource(Iris.article(id));
        java.util.function.Function<String, Resource> mention = quote -> {
            int b = body.codePointCount(0, body.indexOf(quote));
            return g.createResource(Iris.mention(id, b, b + quote.codePointCount(0, quote.length())));
        };
        java.util.function.Function<Resource, Set<String>> candidates = m -> g.listObjectsOfProperty(m, AKG.candidate)
                .mapWith(n -> n.asResource().getURI()).toSet();
        // the sentence names only the United States (Washington): the U.S. strategy
        Resource usNds = mention.apply("National Defense Strategy");
        assertEquals(Iris.entity("document/us-nds-2022"), usNds.getPropertyResourceValue(AKG.mentionOf).getURI());
        // the adjacent "Japan's" wins over the "U.S." later in the sentence
        int jp = body.indexOf("Japan's National Defense Strategy") + "Japan's ".length();
        Resource jpNds = g.createResource(Iris.mention(id, body.codePointCount(0, jp),
                body.codePointCount(0, jp) + "National Defense Strategy".length()));
        assertEquals(Iris.entity("document/jp-nds-2022"), jpNds.getPropertyResourceValue(AKG.mentionOf).getURI());
        // the SCC of 2024 is after the article: never linked, so "SCC" is the one of 2022
        assertEquals(Iris.entity("meeting/scc-2022-01-06"),
                mention.apply("SCC").getPropertyResourceValue(AKG.mentionOf).getURI());
        assertFalse(g.contains(null, null, g.createResource(Iris.entity("meeting/scc-2024-07-28"))),
                "a meeting held after the article is never linked");
        assertFalse(g.contains(mention.apply("2024 SCC"), RDF.type, AKG.Mention));
        // the sentence writes the year of one of the two Japanese strategies ("of 2013"): that one
        Resource nss = mention.apply("National Security Strategy");
        assertEquals(Iris.entity("document/jp-nss-2013"), nss.getPropertyResourceValue(AKG.mentionOf).getURI());
        assertFalse(art.hasProperty(AKG.mentions, g.createResource(Iris.entity("document/jp-nss-2022"))));
        // a sentence naming both countries decides nothing
        int both = body.lastIndexOf("National Defense Strategy");
        Resource mixed = g.createResource(Iris.mention(id, body.codePointCount(0, both),
                body.codePointCount(0, both) + "National Defense Strategy".length()));
        assertFalse(mixed.hasProperty(AKG.mentionOf));
        assertEquals(Set.of(Iris.entity("document/jp-nds-2022"), Iris.entity("document/us-nds-2022")),
                candidates.apply(mixed));
        // every akg:mentions is backed by a resolved mention
        art.listProperties(AKG.mentions).forEachRemaining(st -> assertTrue(
                g.contains(null, AKG.mentionOf, st.getObject()), st.toString()));
    }

    @Test
    void entityGraphCarriesTheCatalogue() {
        Model e = dataset.getNamedModel(Iris.ENTITIES_GRAPH);
        Resource japan = e.createResource(Iris.state("japan"));
        assertTrue(e.contains(japan, RDF.type, AKG.State));
        assertTrue(e.contains(japan, OWL.sameAs, e.createResource(Namespaces.WD + "Q17")));
        assertTrue(e.contains(japan, e.createProperty(Namespaces.SKOS + "altLabel"), e.createLiteral("Japanese government", "en")));
        Resource pos = e.createResource(Iris.position("us-secretary-of-defense"));
        assertEquals(Iris.state("united-states"), pos.getPropertyResourceValue(AKG.forActor).getURI());
        for (Statement s : e.listStatements(null, RDFS.label, (RDFNode) null).toList()) {
            assertEquals("en", s.getLanguage());
        }
    }

    @Test
    void claimOnUnknownArticleIsRefused() {
        Corpus noArticle = new Corpus(List.of(), corpus.catalog(), corpus.claims());
        InputException e = assertThrows(InputException.class,
                () -> new GraphAssembler(GraphFactory.createDefaultGraph()).assemble(noArticle));
        assertEquals("data/claims/t1-test-article.yaml: article: 't1-test-article' has no article file "
                + "data/articles/t1-test-article.md", e.getMessage());
    }

    /** Independent count of whole-word "Japan" in a text. */
    private static final class Offsets {
        static long countWholeJapan(String body) {
            return java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])Japan(?![\\p{L}\\p{N}])").matcher(body)
                    .results().count();
        }
    }
}
