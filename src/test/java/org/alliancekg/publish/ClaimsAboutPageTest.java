package org.alliancekg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancekg.sources.ClaimsAbout;
import org.alliancekg.testkit.TrigFixture;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page shows at most {@link ClaimsAbout#PER_FACT} claims of each fact about its resource, and names the facts it
 * shows in part: on {@code src/test/resources/sources/fixture.trig} (four claims about capability/strike, two of
 * them of one fact), with {@code PER_FACT + 5} more claims of that fact added in an article graph of their own.
 */
class ClaimsAboutPageTest {

    private static final String ID = Iris.ID;
    private static final Node STRIKE = NodeFactory.createURI(ID + "capability/strike");
    private static final Node JAPAN = NodeFactory.createURI(ID + "state/japan");
    /** The fact "Japan pursues the strike capability", which two claims of the fixture state. */
    private static final Node PURSUES = NodeFactory.createURI(Iris.fact(JAPAN, AKG.pursuesCapability.asNode(), STRIKE));
    private static final int ADDED = ClaimsAbout.PER_FACT + 5;

    private static DatasetGraph fixture;
    private static DatasetGraph crowded;

    @BeforeAll
    static void load() {
        fixture = TrigFixture.inMemory("sources/fixture.trig");
        crowded = TrigFixture.inMemory("sources/fixture.trig");
        Node graph = NodeFactory.createURI(Iris.articleGraph("900-crowd"));
        Node article = NodeFactory.createURI(Iris.article("900-crowd"));
        for (int i = 0; i < ADDED; i++) {
            Node claim = NodeFactory.createURI(ID + "claim/900-crowd/" + String.format("%012d", i));
            crowded.add(graph, claim, RDF.type.asNode(), AKG.Claim.asNode());
            crowded.add(graph, claim, RDF.subject.asNode(), JAPAN);
            crowded.add(graph, claim, RDF.predicate.asNode(), AKG.pursuesCapability.asNode());
            crowded.add(graph, claim, RDF.object.asNode(), STRIKE);
            crowded.add(graph, claim, AKG.fact.asNode(), PURSUES);
            crowded.add(graph, claim, AKG.quote.asNode(), NodeFactory.createLiteralString("Japan pursues " + i));
            crowded.add(graph, claim, NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"), article);
        }
    }

    @Test
    void everyClaimOfAFactWithFewClaimsIsShown() {
        ClaimsAbout.Selection s = ClaimsAbout.of(fixture.getUnionGraph(), STRIKE);
        assertEquals(4, s.claims().size(), s.claims().toString());
        assertEquals(List.of(), s.factsWithMore());
        // one claim of each fact when only one is shown, and the fact with two is named
        ClaimsAbout.Selection one = ClaimsAbout.of(fixture.getUnionGraph(), STRIKE, 1);
        assertEquals(3, one.claims().size(), one.claims().toString());
        assertEquals(List.of(PURSUES), one.factsWithMore());
    }

    @Test
    void aFactWithManyClaimsShowsAtMostPerFactOfThem() {
        ClaimsAbout.Selection s = ClaimsAbout.of(crowded.getUnionGraph(), STRIKE);
        long pursues = s.claims().stream().filter(c -> crowded.getUnionGraph().contains(c, AKG.fact.asNode(),
                PURSUES)).count();
        assertEquals(ClaimsAbout.PER_FACT, pursues);
        assertEquals(ClaimsAbout.PER_FACT + 2, s.claims().size(), "the other two facts' claims are all shown");
        assertEquals(List.of(PURSUES), s.factsWithMore());
        assertEquals(Set.copyOf(s.claims()).size(), s.claims().size(), "each claim once");
    }

    @Test
    void thePageNumbersTheShownClaimsAndLinksTheFactWithMore() {
        String html = page(crowded);
        Matcher heading = Pattern.compile("<h2 id=\"claims\">Claims \\((\\d+)\\)</h2>").matcher(html);
        assertTrue(heading.find(), "a claims section");
        assertEquals(ClaimsAbout.PER_FACT + 2, Integer.parseInt(heading.group(1)));
        assertTrue(html.contains("id=\"more-claims\""), "the page says some facts have more claims");
        String more = html.substring(html.indexOf("id=\"more-claims\""));
        assertTrue(more.contains("/id/fact/" + PURSUES.getURI().substring(PURSUES.getURI().lastIndexOf('/') + 1)),
                "a link to the fact's own page");
        // "What the articles say" shows the same claims: the crowd's article with at most PER_FACT of them
        assertTrue(html.split("Japan pursues ", -1).length - 1 <= 2 * ClaimsAbout.PER_FACT,
                "quotes of the crowded fact in the claims and the sources sections");
        assertFalse(page(fixture).contains("id=\"more-claims\""), "no note when every claim is shown");
    }

    @Test
    void incomingLinksStopReadingAtMaxScanAndSaySo() {
        DatasetGraph many = TrigFixture.inMemory("sources/fixture.trig");
        Node graph = NodeFactory.createURI(Iris.articleGraph("901-many"));
        for (int i = 0; i < PageRenderer.MAX_SCAN + 10; i++) {
            many.add(graph, NodeFactory.createURI(ID + "mention/901-many/" + i), AKG.mentionOf.asNode(), STRIKE);
        }
        String html = page(many);
        assertTrue(html.contains("The first " + PageRenderer.MAX_SCAN + " statements with this resource as object"),
                "the page says it stopped reading");
        assertFalse(page(fixture).contains("statements with this resource as object were read"));
    }

    private static String page(DatasetGraph dsg) {
        return org.apache.jena.system.Txn.calculateRead(dsg, () -> new PageRenderer(new Describer(dsg),
                new SiteLinks("http://localhost/", "kg"), null).resource(STRIKE, "id/capability/strike"));
    }
}
