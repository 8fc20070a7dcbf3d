package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.alliancekg.ingest.Corpus;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.ingest.TestProjects;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Vocabulary 2 on a small project ({@code fixtures/qualifiers}): modality, attribution, rank and time span reach the
 * claim node, and only claims that assert (stated, decided, planned, reported; not deprecated) state their triple.
 */
class ClaimQualifiersTest {

    private static Model article;
    private static Model facts;
    private static Model entities;

    @BeforeAll
    static void assemble() {
        Corpus corpus = Corpus.read(ProjectLayout.of(TestProjects.resource("fixtures/qualifiers")));
        Dataset ds = new GraphAssembler(GraphFactory.createDefaultGraph()).assemble(corpus).dataset();
        article = ds.getNamedModel(Iris.articleGraph("q1"));
        facts = ds.getNamedModel(Iris.FACTS_GRAPH);
        entities = ds.getNamedModel(Iris.ENTITIES_GRAPH);
    }

    private static Resource r(String id) {
        return article.createResource(Iris.entity(id));
    }

    /** The claim nodes whose quote starts with this text. */
    private static Resource claim(String quoteStart) {
        List<Resource> found = article.listResourcesWithProperty(RDF.type, AKG.Claim).toList().stream()
                .filter(c -> c.getRequiredProperty(AKG.quote).getString().startsWith(quoteStart)).toList();
        assertEquals(1, found.size(), "claims quoting '" + quoteStart + "'");
        return found.get(0);
    }

    /** The claim node of this predicate whose quote starts with this text. */
    private static Resource claim(String quoteStart, org.apache.jena.rdf.model.Property predicate) {
        List<Resource> found = article.listResourcesWithProperty(RDF.predicate, predicate).toList().stream()
                .filter(c -> c.getRequiredProperty(AKG.quote).getString().startsWith(quoteStart)).toList();
        assertEquals(1, found.size(), "claims of " + predicate.getLocalName() + " quoting '" + quoteStart + "'");
        return found.get(0);
    }

    private static Set<String> modalities(Resource claim) {
        return claim.listProperties(AKG.modality).toList().stream()
                .map(s -> s.getResource().getLocalName()).collect(Collectors.toSet());
    }

    private static boolean asserted(Resource claim) {
        return claim.getRequiredProperty(AKG.asserted).getBoolean();
    }

    @Test
    void aConsideredClaimKeepsItsNodeButNotItsTriple() {
        Resource c = claim("Reportedly");
        assertEquals(Set.of("Considered", "Reported"), modalities(c));
        assertEquals("Reportedly", c.getRequiredProperty(AKG.attribution).getString());
        assertEquals(r("state/japan"), c.getRequiredProperty(AKG.accordingTo).getResource());
        assertFalse(asserted(c));
        for (Model m : List.of(facts, article)) {
            assertFalse(m.contains(r("state/japan"), AKG.pursuesCapability, r("capability/enemy-base-strike")),
                    "neither the considered nor the normative claim may assert that Japan pursues the capability");
        }
        assertEquals(Set.of("Normative"), modalities(claim("Japan should")));
    }

    @Test
    void aDecisionIsANodeWithAgentFigureDurationAndStatus() {
        Resource d = r("decision/jp-spending-2020");
        assertTrue(facts.contains(d, AKG.decidedBy, r("state/japan")));
        assertTrue(facts.contains(d, AKG.hasQuantity, r("quantity/spending-2pct")));
        RDFNode duration = facts.getRequiredProperty(d, AKG.duration).getObject();
        assertEquals("P5Y", duration.asLiteral().getLexicalForm());
        assertEquals("http://www.w3.org/2001/XMLSchema#duration", duration.asLiteral().getDatatypeURI());
        assertEquals(AKG.iri("StatusAnnounced"), facts.getRequiredProperty(d, AKG.status).getResource().getURI());
        assertTrue(asserted(claim("Japan decided", AKG.decidedBy)));
    }

    @Test
    void aQuantityCarriesValueUnitAndWhatItMeasures() {
        Resource q = entities.createResource(Iris.entity("quantity/spending-2pct"));
        Literal value = entities.getRequiredProperty(q, AKG.value).getLiteral();
        assertEquals(0, new BigDecimal("2").compareTo(new BigDecimal(value.getLexicalForm())));
        assertEquals(AKG.iri("PercentOfGDP"), entities.getRequiredProperty(q, AKG.unit).getResource().getURI());
        assertEquals("defence spending", entities.getRequiredProperty(q, AKG.measures).getString());
        assertTrue(entities.contains(q, RDF.type, AKG.Quantity));
    }

    @Test
    void timeSpansAndEndedPostsAreQualifiers() {
        Resource span = claim("The former Prime Minister Abe Shinzo served", AKG.holdsPosition);
        assertEquals("2012", span.getRequiredProperty(AKG.startDate).getLiteral().getLexicalForm());
        assertEquals("2020", span.getRequiredProperty(AKG.endDate).getLiteral().getLexicalForm());
        Resource ended = article.listResourcesWithProperty(AKG.ended).toList().get(0);
        assertEquals("The former Prime Minister Abe Shinzo", ended.getRequiredProperty(AKG.quote).getString());
        assertTrue(ended.getRequiredProperty(AKG.ended).getBoolean());
        assertTrue(asserted(ended));
    }

    @Test
    void aDeprecatedClaimSaysWhyAndAssertsNothing() {
        Resource c = claim("In 2012");
        assertEquals(AKG.iri("DeprecatedRank"), c.getRequiredProperty(AKG.rank).getResource().getURI());
        assertTrue(c.getRequiredProperty(AKG.rankReason).getString().contains("December 2013"));
        assertFalse(asserted(c));
        for (Model m : List.of(facts, article)) {
            assertFalse(m.contains(r("document/jp-nss-2013"), AKG.date, (RDFNode) null));
        }
    }

    @Test
    void aRetiredEntityKeepsItsIriAsDeprecatedWithItsReplacement() {
        Resource beijing = entities.createResource(Iris.entity("place/beijing"));
        assertTrue(entities.getRequiredProperty(beijing, org.apache.jena.vocabulary.OWL2.deprecated).getBoolean());
        assertEquals(Iris.entity("state/japan"), entities.getRequiredProperty(beijing,
                org.apache.jena.vocabulary.DCTerms.isReplacedBy).getResource().getURI());
        assertTrue(entities.contains(beijing, RDF.type, AKG.Place), "still typed, so its IRI still answers");
    }
}
