package org.alliancekg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.alliancekg.vocab.AKG;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Name keys and the reconciler's scores over the fixture in memory. */
class ReconcilerTest {

    static Reconciler reconciler;

    @BeforeAll
    static void index() {
        DatasetGraph dsg = PublishFixture.inMemory();
        reconciler = Txn.calculateRead(dsg, () -> Reconciler.index(dsg));
    }

    static List<Reconciler.Candidate> q(String text, String... types) {
        return reconciler.reconcile(new Reconciler.Query(text, List.of(types), 0, List.of()));
    }

    @Test
    void nameKeysIgnoreCaseAccentsApostrophesAndPunctuation() {
        assertEquals("agustin maciel padilla", NameKey.of("  Agustín  MACIEL-Padilla "));
        assertEquals(NameKey.of("People's Republic"), NameKey.of("People’s republic"));
        assertEquals("peoples republic", NameKey.of("People’s Republic"));
        assertEquals("", NameKey.of("—!"));
        assertEquals(List.of("u", "s", "japan"), NameKey.tokens("U.S.-Japan"));
    }

    @Test
    void indexHoldsTypedIndividualsButNotClaimsMentionsOrArticlesOfOtherSpaces() {
        assertEquals(4, reconciler.size(), "testland, otherland, test meeting, test article");
        assertTrue(reconciler.lookup("state/testland").isPresent());
        assertTrue(reconciler.lookup("claim/900-test-article/0123456789ab").isEmpty());
        assertTrue(reconciler.lookup("mention/900-test-article/10-18").isEmpty());
        List<String> types = reconciler.defaultTypes().stream().map(Reconciler.Type::id).toList();
        assertTrue(types.containsAll(List.of(AKG.NS + "State", AKG.NS + "Actor", AKG.NS + "Meeting")), types.toString());
        assertFalse(types.contains(AKG.NS + "Claim"));
    }

    @Test
    void exactLabelBeatsExactAliasBeatsPartial() {
        List<Reconciler.Candidate> label = q("Otherland");
        assertEquals("state/otherland", label.get(0).id());
        assertEquals(100.0, label.get(0).score());
        assertTrue(label.get(0).match());

        List<Reconciler.Candidate> alias = q("republique de test");
        assertEquals("state/testland", alias.get(0).id());
        assertEquals(95.0, alias.get(0).score());
        assertTrue(alias.get(0).match());

        List<Reconciler.Candidate> partial = q("Test");
        assertTrue(partial.size() >= 2, partial.toString());
        assertTrue(partial.stream().allMatch(c -> c.score() < 95 && !c.match()), partial.toString());
    }

    @Test
    void typesFilterBySubclassToo() {
        assertEquals(List.of(), q("meeting", "State"));
        assertEquals("meeting/test-meeting", q("meeting").get(0).id());
        assertEquals("meeting/test-meeting", q("Test meeting", "akg:Meeting").get(0).id());
        assertEquals("state/otherland", q("Otherland", AKG.NS + "Actor").get(0).id(), "State is an Actor");
    }

    @Test
    void propertyConstraintsRaiseTheScore() {
        double plain = q("Test").stream().filter(c -> c.id().equals("meeting/test-meeting")).findFirst()
                .orElseThrow().score();
        List<Reconciler.Candidate> constrained = reconciler.reconcile(new Reconciler.Query("Test", List.of(), 0,
                List.of(new Reconciler.PropertyValue("participant", "state/testland"))));
        Reconciler.Candidate meeting = constrained.get(0);
        assertEquals("meeting/test-meeting", meeting.id());
        assertEquals(plain + 5, meeting.score(), 0.001);
    }

    @Test
    void limitAndEmptyQueries() {
        assertEquals(1, reconciler.reconcile(new Reconciler.Query("Test", List.of(), 1, List.of())).size());
        assertEquals(List.of(), q("   "));
        assertEquals(List.of(), q("zzzz"));
    }
}
