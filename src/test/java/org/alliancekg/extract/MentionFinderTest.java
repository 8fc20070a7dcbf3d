package org.alliancekg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.ingest.PartialDate;
import org.alliancekg.ingest.Source;
import org.alliancekg.vocab.EntityKind;
import org.junit.jupiter.api.Test;

class MentionFinderTest {

    private static Entity entity(String id, EntityKind kind, String label, String... aliases) {
        return new Entity(new Source("data/entities/t.yaml", 1, "entities[0]"), id, kind, label, List.of(aliases),
                null, null, null);
    }

    private static final EntityCatalog CATALOG = new EntityCatalog(List.of(
            entity("state/japan", EntityKind.STATE, "Japan"),
            entity("state/united-states", EntityKind.STATE, "United States", "U.S."),
            entity("position/us-secretary-of-defense", EntityKind.POSITION, "U.S. Secretary of Defense"),
            entity("alliance/us-japan-alliance", EntityKind.ALLIANCE, "U.S.-Japan Alliance"),
            entity("document/nss-a", EntityKind.DOCUMENT, "National Security Strategy of A", "NSS"),
            entity("document/nss-b", EntityKind.DOCUMENT, "National Security Strategy of B", "NSS"),
            entity("organization/usfj", EntityKind.ORGANIZATION, "U.S. Forces Japan"),
            entity("decision/usfj-jfhq", EntityKind.DECISION, "reconstitution of U.S. Forces Japan")));

    private static List<String> found(String text) {
        return new MentionFinder(CATALOG).find(text, List.of()).stream()
                .map(m -> String.join("|", m.candidates().stream().map(Entity::id).toList()) + "=" + m.anchorText())
                .toList();
    }

    @Test
    void namesInsideADecisionsDescriptiveNameAreMentionsToo() {
        assertEquals(List.of("decision/usfj-jfhq=reconstitution of U.S. Forces Japan", "organization/usfj=U.S. Forces Japan"),
                found("the reconstitution of U.S. Forces Japan"), "the decision, and the command it names");
        assertEquals(List.of("organization/usfj=U.S. Forces Japan"), found("U.S. Forces Japan"),
                "inside a proper name, no nested mention of Japan or the U.S.");
    }

    @Test
    void longestMatchWins() {
        assertEquals(List.of("position/us-secretary-of-defense=U.S. Secretary of Defense", "state/japan=Japan"),
                found("The U.S. Secretary of Defense visited Japan."));
        assertEquals(List.of("alliance/us-japan-alliance=U.S.-Japan Alliance"), found("the U.S.-Japan Alliance"));
    }

    @Test
    void wholeWordsOnlyAndCaseSensitive() {
        assertEquals(List.of(), found("Japanese officials, JAPAN, japan, Japanology"));
        assertEquals(List.of("state/japan=Japan"), found("Japan’s choice"));
        assertEquals(List.of("state/united-states=U.S.", "state/japan=Japan"), found("U.S.-Japan ties"));
    }

    @Test
    void sharedNamesWithoutContextBecomeCandidateMentions() {
        MentionFinder f = new MentionFinder(CATALOG);
        assertEquals(List.of("NSS"), List.copyOf(f.ambiguousNames().keySet()));
        assertEquals(List.of("document/nss-a|document/nss-b=NSS"), found("the NSS says"));
        Mention m = f.find("the NSS says", List.of()).get(0);
        assertFalse(m.resolved());
        assertNull(m.entity());
    }

    private static Entity document(String id, String label, String country, String issued, String... aliases) {
        return new Entity(new Source("data/entities/t.yaml", 1, "entities[0]"), id, EntityKind.DOCUMENT, label,
                List.of(aliases), null, null, null, country, issued == null ? null : PartialDate.parse(issued), null, null, List.of());
    }

    private static final EntityCatalog DOCUMENTS = new EntityCatalog(List.of(
            entity("state/japan", EntityKind.STATE, "Japan"),
            entity("state/united-states", EntityKind.STATE, "United States", "U.S."),
            document("document/jp-nss-2013", "NSS of Japan (2013)", "state/japan", "2013-12", "NSS"),
            document("document/jp-nss-2022", "NSS of Japan (2022)", "state/japan", "2022-12", "NSS", "new NSS"),
            document("document/us-nss-2022", "NSS of the U.S. (2022)", "state/united-states", "2022-10", "NSS"),
            document("document/undated", "Undated strategy", null, null, "NSS")));

    /** What each mention of the text resolves to, as id (or ids joined by |) = anchor. */
    private static List<String> resolved(String text, String written) {
        return new MentionFinder(DOCUMENTS).find(text, SentenceSplitter.english().split(text),
                        written == null ? null : PartialDate.parse(written)).stream()
                .filter(m -> m.anchorText().contains("NSS"))
                .map(m -> String.join("|", m.candidates().stream().map(Entity::id).toList()) + "=" + m.anchorText())
                .toList();
    }

    @Test
    void documentsIssuedCertainlyAfterTheArticleAreDropped() {
        assertEquals(List.of("document/jp-nss-2013|document/undated=NSS"), resolved("The NSS was cited.", "2020"));
        assertEquals(List.of(), resolved("The new NSS was cited.", "2020"), "no fallback to the shorter name");
        assertEquals(List.of("document/jp-nss-2022=new NSS"), resolved("The new NSS was cited.", "2022"));
        assertEquals(List.of("document/jp-nss-2013|document/jp-nss-2022|document/us-nss-2022|document/undated=NSS"),
                resolved("The NSS was cited.", "2022"), "2022-12 is not certainly after 2022");
        assertEquals(List.of("document/jp-nss-2013|document/us-nss-2022|document/undated=NSS"),
                resolved("The NSS was cited.", "2022-11"));
        assertEquals(List.of("document/jp-nss-2013=NSS"), resolved("Japan’s NSS was cited.", "2020"),
                "the country then keeps Japan's document only");
        assertEquals(4, new MentionFinder(DOCUMENTS).find("NSS", List.of()).get(0).candidates().size(),
                "without an article date nothing is dropped");
    }

    @Test
    void theAdjacentQualifierWinsOverTheSentence() {
        assertEquals(List.of("document/us-nss-2022=NSS"), resolved("Japan watched the U.S. NSS closely.", "2023"));
        assertEquals(List.of("document/jp-nss-2013|document/jp-nss-2022=NSS"),
                resolved("Unlike the U.S., Japan’s revised NSS is long.", "2023"));
        assertEquals(List.of("document/us-nss-2022=NSS"),
                resolved("In Washington, officials say the NSS will be short.", "2023"));
        assertEquals(List.of("document/us-nss-2022=NSS"),
                resolved("Officials say that the NSS will be short, Biden said.", "2023"), "after the match too");
    }

    @Test
    void aSentenceNamingTwoCountriesDecidesNothing() {
        assertEquals(List.of("document/jp-nss-2013|document/jp-nss-2022|document/us-nss-2022|document/undated=NSS"),
                resolved("Both Tokyo and Washington will have published their NSS by then.", "2023"));
    }

    @Test
    void aCountryNoCandidateHasChangesNothing() {
        EntityCatalog c = new EntityCatalog(List.of(
                document("document/a", "A", "state/japan", null, "Plan"),
                document("document/b", "B", "state/japan", null, "Plan"),
                entity("state/japan", EntityKind.STATE, "Japan")));
        assertEquals(2, new MentionFinder(c).find("The U.S. Plan.", List.of(), PartialDate.parse("2020")).get(0)
                .candidates().size());
    }

    @Test
    void offsetsAreCodePointsAndSentencesAttached() {
        String text = "🌸 Tokyo.\n𝕏 The U.S. and Japan agreed.";
        List<Sentence> sentences = SentenceSplitter.english().split(text);
        List<Mention> ms = new MentionFinder(CATALOG).find(text, sentences);
        assertEquals(2, ms.size());
        Mention japan = ms.get(1);
        assertEquals("Japan", Offsets.slice(text, japan.span()));
        assertEquals(text.codePointCount(0, text.indexOf("Japan")), japan.span().begin());
        assertNotNull(japan.sentence());
        assertEquals("𝕏 The U.S. and Japan agreed.", japan.sentence().text());
        assertTrue(japan.sentence().span().contains(japan.span()));
    }
}
