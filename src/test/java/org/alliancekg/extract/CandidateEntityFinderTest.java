package org.alliancekg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.vocab.EntityKind;
import org.junit.jupiter.api.Test;

class CandidateEntityFinderTest {

    private static final EntityCatalog CATALOG = new EntityCatalog(List.of(
            entity("state/japan", EntityKind.STATE, "Japan"),
            entity("state/united-states", EntityKind.STATE, "United States", "U.S."),
            entity("person/lloyd-austin", EntityKind.PERSON, "Lloyd J. Austin III"),
            entity("position/us-secretary-of-defense", EntityKind.POSITION, "U.S. Secretary of Defense"),
            entity("place/indo-pacific", EntityKind.PLACE, "Indo-Pacific"),
            entity("organization/jsdf", EntityKind.ORGANIZATION, "Japan Self-Defense Forces",
                    "Self-Defense Forces")));

    private static Entity entity(String id, EntityKind kind, String label, String... aliases) {
        return new Entity(null, id, kind, label, List.of(aliases), null, null, null);
    }

    private static List<Candidate> candidates(String text) {
        List<Sentence> sentences = SentenceSplitter.english().split(text);
        List<Mention> mentions = new MentionFinder(CATALOG).find(text, sentences);
        List<Candidate> found = new CandidateEntityFinder(CATALOG).find(text, sentences, mentions);
        for (Candidate c : found) {
            for (Span s : c.spans()) {
                assertEquals(c.name(), Offsets.slice(text, s), "offsets must slice the text to the name");
            }
        }
        return found;
    }

    private static Map<String, String> names(List<Candidate> found) {
        return found.stream().collect(Collectors.toMap(Candidate::name, c -> c.count() + " " + c.kindHint(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void unknownNamesAreCandidatesWithCountsAndKindHints() {
        String text = "Defense Minister Gen Nakatani met U.S. Secretary of Defense Lloyd J. Austin III at Yokota Air "
                + "Base. The ministers praised the Japan Coast Guard. Later, Gen Nakatani flew to Manila with the "
                + "U.S. Indo-Pacific Command chief. Nakatani’s aides stayed behind.\n";
        Map<String, String> found = names(candidates(text));
        assertEquals("2 person", found.get("Gen Nakatani"));
        assertEquals("1 place", found.get("Yokota Air Base"));
        assertEquals("1 organization", found.get("Japan Coast Guard"), "partly known names stay whole");
        assertEquals("1 place", found.get("Manila"));
        assertEquals("1 organization", found.get("U.S. Indo-Pacific Command"));
        assertTrue(found.containsKey("Nakatani"), "a possessive ends the name: " + found);
    }

    @Test
    void knownMentionsTitlesAndSentenceOpenersAreNotCandidates() {
        String text = "However, U.S. Secretary of Defense Lloyd J. Austin III visited Japan. Reportedly the "
                + "Self-Defense Forces will grow. Moreover, the United States agreed. In December the team met.\n";
        assertEquals(Map.of(), names(candidates(text)));
    }

    @Test
    void aKnownNameInOtherCaseIsNotACandidate() {
        assertFalse(names(candidates("The report praised the japan Self-Defense forces and JAPAN again.\n"))
                .containsKey("JAPAN"));
    }

    @Test
    void commonNounsCapitalisedOnceAreNotCandidates() {
        String text = "The Alliance visions matter. An alliance is a promise between Japan and its partner.\n";
        assertFalse(names(candidates(text)).containsKey("Alliance"));
    }

    @Test
    void headingsCaptionsAndFieldLabelsAreSkipped() {
        String text = "The Evolution of the Security Partnership in Northeast Asia\n\nDoD, Lisa Ferdinando\n\n"
                + "**Conference Title :** The meeting was held.\n";
        assertEquals(Map.of(), names(candidates(text)));
        assertTrue(CandidateEntityFinder.isHeadingOrCaption("Historical Context and Transformation"));
        assertFalse(CandidateEntityFinder.isHeadingOrCaption("The Quad met in Tokyo on Monday."));
    }

    @Test
    void mostFrequentFirst() {
        List<Candidate> found = candidates("Anna Berg met Carl Dahl. Later, Carl Dahl left and Carl Dahl came "
                + "back.\n");
        assertEquals("Carl Dahl", found.get(0).name());
        assertEquals(3, found.get(0).count());
        assertEquals("Anna Berg", found.get(1).name());
    }
}
