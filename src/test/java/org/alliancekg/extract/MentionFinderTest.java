package org.alliancekg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
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
            entity("document/nss-b", EntityKind.DOCUMENT, "National Security Strategy of B", "NSS")));

    private static List<String> found(String text) {
        return new MentionFinder(CATALOG).find(text, List.of()).stream()
                .map(m -> m.entity().id() + "=" + m.anchorText()).toList();
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
    void ambiguousNamesAreNotMatched() {
        MentionFinder f = new MentionFinder(CATALOG);
        assertEquals(List.of("NSS"), List.copyOf(f.ambiguousNames().keySet()));
        assertEquals(List.of(), found("the NSS says"));
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
