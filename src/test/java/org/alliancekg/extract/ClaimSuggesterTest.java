package org.alliancekg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.ingest.PartialDate;
import org.alliancekg.vocab.EntityKind;
import org.junit.jupiter.api.Test;

class ClaimSuggesterTest {

    static final EntityCatalog CATALOG = new EntityCatalog(List.of(
            e("state/japan", EntityKind.STATE, "Japan", "Government of Japan"),
            e("state/united-states", EntityKind.STATE, "United States", "U.S.", "US"),
            e("state/china", EntityKind.STATE, "China"),
            e("state/north-korea", EntityKind.STATE, "North Korea"),
            e("state/australia", EntityKind.STATE, "Australia"),
            e("state/india", EntityKind.STATE, "India"),
            e("person/lloyd-austin", EntityKind.PERSON, "Lloyd J. Austin III", "Austin"),
            e("person/jane-roe", EntityKind.PERSON, "Jane Roe"),
            post("position/us-secretary-of-defense", "U.S. Secretary of Defense", "state/united-states"),
            post("position/example-senior-fellow", "Senior Fellow, Example Institute", "organization/example-institute"),
            e("organization/example-institute", EntityKind.ORGANIZATION, "Example Institute"),
            e("alliance/quad", EntityKind.ALLIANCE, "Quadrilateral Security Dialogue", "Quad"),
            e("alliance/us-japan-alliance", EntityKind.ALLIANCE, "U.S.-Japan Alliance", "US-Japan alliance"),
            e("series/us-japan-scc", EntityKind.SERIES, "U.S.-Japan Security Consultative Committee", "2+2"),
            e("meeting/scc-2024-07-28", EntityKind.MEETING,
                    "U.S.-Japan Security Consultative Committee meeting of 28 July 2024"),
            e("document/scc-statement-2024-07-28", EntityKind.DOCUMENT,
                    "Joint Statement of the U.S.-Japan Security Consultative Committee (2024-07-28)"),
            e("document/ndpg-2013", EntityKind.DOCUMENT, "National Defense Program Guidelines (2013)", "NDPG of 2013"),
            e("document/ndpg-2018", EntityKind.DOCUMENT, "National Defense Program Guidelines (2018)", "NDPG"),
            e("document/jp-nss-2022", EntityKind.DOCUMENT, "National Security Strategy of Japan (2022)",
                    "National Security Strategy"),
            e("capability/counterstrike", EntityKind.CAPABILITY, "counterstrike capability"),
            e("capability/aegis-ashore", EntityKind.CAPABILITY, "Aegis Ashore"),
            e("capability/amraam", EntityKind.CAPABILITY, "AMRAAM"),
            e("threat/ballistic-missiles", EntityKind.THREAT, "ballistic missiles"),
            e("threat/cruise-missiles", EntityKind.THREAT, "cruise missiles"),
            e("threat/china-challenge", EntityKind.THREAT, "China's challenge", "strategic challenge"),
            e("threat/north-korea-threat", EntityKind.THREAT, "North Korea's threat", "imminent threat"),
            e("place/tokyo", EntityKind.PLACE, "Tokyo")));

    static Entity e(String id, EntityKind kind, String label, String... aliases) {
        return new Entity(null, id, kind, label, List.of(aliases), null, null, null);
    }

    static Entity post(String id, String label, String actor) {
        return new Entity(null, id, EntityKind.POSITION, label, List.of(), null, null, actor);
    }

    /** Suggestions for a text, as "triple" to "rule"; every quote must slice the text at its offsets. */
    static Map<String, String> suggest(String text, String articleDate) {
        List<Sentence> sentences = SentenceSplitter.english().split(text);
        MentionFinder finder = new MentionFinder(CATALOG);
        List<Mention> mentions = finder.find(text, sentences);
        List<ResolvedDate> dates = new DateExtractor().extract(text,
                articleDate == null ? null : PartialDate.parse(articleDate));
        List<SuggestedClaim> found = new ClaimSuggester(CATALOG, finder).suggest(text, sentences, mentions, dates);
        for (SuggestedClaim s : found) {
            assertEquals(s.quote(), Offsets.slice(text, s.quoteSpan()), "quote offsets of " + s.triple());
            assertTrue(s.sentence().span().contains(s.quoteSpan()), "quote inside its sentence: " + s.triple());
            assertTrue(s.predicate().allowsSubject(s.subject().kind()), "domain of " + s.triple());
            assertTrue(s.object() == null || s.predicate().allowsObject(s.object().kind()), "range of " + s.triple());
            assertTrue(s.confidence() > 0 && s.confidence() <= 1);
        }
        return found.stream().collect(Collectors.toMap(SuggestedClaim::triple, SuggestedClaim::rule));
    }

    @Test
    void aMeetingRecognisedBySeriesAndDateGetsItsFacts() {
        Map<String, String> s = suggest("The U.S.-Japan Security Consultative Committee met in Tokyo on July 28, "
                + "2024. During the meeting, U.S. Secretary of Defense Lloyd J. Austin III welcomed the co-production "
                + "of AMRAAM.\n", "2024");
        assertEquals("date:meeting", s.get("meeting/scc-2024-07-28 date \"2024-07-28\""), s.toString());
        assertTrue(s.containsKey("meeting/scc-2024-07-28 partOfSeries series/us-japan-scc"), s.toString());
        assertTrue(s.containsKey("meeting/scc-2024-07-28 location place/tokyo"), s.toString());
        assertTrue(s.containsKey("meeting/scc-2024-07-28 participant person/lloyd-austin"), s.toString());
        assertEquals("participant:post", s.get("meeting/scc-2024-07-28 participant state/united-states"));
        assertEquals("holdsPosition:title", s.get("person/lloyd-austin holdsPosition position/us-secretary-of-defense"));
        assertTrue(s.containsKey("meeting/scc-2024-07-28 concernsCapability capability/amraam"), s.toString());
    }

    @Test
    void aStatementIssuedAfterTheMeetingNamesThreatsForBoth() {
        Map<String, String> s = suggest("The 2+2 met on July 28, 2024. The two governments issued a joint statement "
                + "following the meeting. The joint statement names ballistic and cruise missiles as threats.\n",
                "2024");
        assertTrue(s.containsKey("meeting/scc-2024-07-28 produced document/scc-statement-2024-07-28"), s.toString());
        assertTrue(s.containsKey("document/scc-statement-2024-07-28 namesThreat threat/ballistic-missiles"),
                "coordinated modifier: " + s);
        assertTrue(s.containsKey("document/scc-statement-2024-07-28 namesThreat threat/cruise-missiles"));
        assertEquals("namesThreat:statement-of-meeting",
                s.get("meeting/scc-2024-07-28 namesThreat threat/cruise-missiles"));
    }

    @Test
    void threatsArePosedByPossessorsAndByRespectivePairs() {
        Map<String, String> s = suggest("The National Security Strategy identifies China and North Korea as posing, "
                + "respectively, a strategic challenge and an imminent threat. North Korea’s ballistic and cruise "
                + "missiles worry Japan.\n", null);
        assertEquals("posedBy:respectively", s.get("threat/china-challenge posedBy state/china"));
        assertEquals("posedBy:respectively", s.get("threat/north-korea-threat posedBy state/north-korea"));
        assertFalse(s.containsKey("threat/china-challenge posedBy state/north-korea"), s.toString());
        assertEquals("namesThreat:cue", s.get("document/jp-nss-2022 namesThreat threat/china-challenge"));
        assertEquals("posedBy:possessive", s.get("threat/ballistic-missiles posedBy state/north-korea"));
        assertEquals("posedBy:possessive", s.get("threat/cruise-missiles posedBy state/north-korea"));
        assertFalse(s.containsKey("threat/cruise-missiles posedBy state/japan"), s.toString());
    }

    @Test
    void capabilitiesArePursuedAbandonedAndConcerned() {
        Map<String, String> s = suggest("The Government of Japan announced that it will abandon its plan to install "
                + "Aegis Ashore. Japan’s call for a counterstrike capability grew. The National Security Strategy "
                + "proposes a counterstrike capability.\n", null);
        assertEquals("abandonedCapability:cue", s.get("state/japan abandonedCapability capability/aegis-ashore"));
        assertFalse(s.containsKey("state/japan pursuesCapability capability/aegis-ashore"));
        assertEquals("pursuesCapability:cue", s.get("state/japan pursuesCapability capability/counterstrike"));
        assertEquals("concernsCapability:cue",
                s.get("document/jp-nss-2022 concernsCapability capability/counterstrike"));
    }

    @Test
    void membershipsAndCooperation() {
        Map<String, String> s = suggest("The Quad comprising the U.S., Japan, India and Australia is active. Japan "
                + "has also increased security cooperation with Australia and India. The US-Japan alliance "
                + "endures.\n", null);
        for (String state : List.of("united-states", "japan", "india", "australia")) {
            assertEquals("memberOf:cue", s.get("state/" + state + " memberOf alliance/quad"), s.toString());
        }
        assertEquals("cooperatesWith:with", s.get("state/japan cooperatesWith state/australia"));
        assertEquals("cooperatesWith:with", s.get("state/japan cooperatesWith state/india"));
        assertFalse(s.containsKey("state/australia cooperatesWith state/india"), s.toString());
        assertEquals("memberOf:name", s.get("state/united-states memberOf alliance/us-japan-alliance"));
        assertEquals("memberOf:name", s.get("state/japan memberOf alliance/us-japan-alliance"));
    }

    @Test
    void documentsRevisedIssuedAndDated() {
        Map<String, String> s = suggest("The NDPG of 2013 had been replaced in December 2018. The Government of "
                + "Japan established the National Security Strategy in December 2022.\n", null);
        assertEquals("revises:versions", s.get("document/ndpg-2018 revises document/ndpg-2013"), s.toString());
        assertEquals("issuedBy:cue", s.get("document/jp-nss-2022 issuedBy state/japan"), s.toString());
        assertEquals("date:document", s.get("document/jp-nss-2022 date \"2022-12\""), s.toString());
        assertFalse(s.containsKey("document/ndpg-2013 date \"2018-12\""), "the date disagrees with the label: " + s);
    }

    @Test
    void aRoleAtAnOrganizationIsAPost() {
        Map<String, String> s = suggest("Jane Roe is a senior fellow at the Example Institute.\n", null);
        assertEquals("holdsPosition:role", s.get("person/jane-roe holdsPosition position/example-senior-fellow"));
    }

    @Test
    void noCueNoSuggestion() {
        assertEquals(Map.of(), suggest("Japan and Australia. Aegis Ashore and Japan. China, ballistic missiles.\n",
                null));
    }
}
