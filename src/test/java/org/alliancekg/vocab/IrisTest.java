package org.alliancekg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class IrisTest {

    @Test
    void entityIrisFollowTheDesign() {
        assertEquals("https://w3id.org/alliance-kg/id/state/japan", Iris.entity("state/japan"));
        assertEquals(Iris.entity("document/jp-nss-2022"), Iris.document("jp-nss-2022"));
        assertEquals("https://w3id.org/alliance-kg/graph/article/002-x", Iris.articleGraph("002-x"));
        assertEquals("https://w3id.org/alliance-kg/graph/suggested/002-x", Iris.suggestedGraph("002-x"));
        assertEquals("https://w3id.org/alliance-kg/id/article/002-x", Iris.article("002-x"));
        assertEquals("https://w3id.org/alliance-kg/id/mention/002-x/3-9", Iris.mention("002-x", 3, 9));
        assertEquals("https://w3id.org/alliance-kg/graph/ontology", Iris.ONTOLOGY_GRAPH);
        assertEquals("https://w3id.org/alliance-kg/graph/entities", Iris.ENTITIES_GRAPH);
    }

    @Test
    void badIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Iris.entity("country/japan"));
        assertThrows(IllegalArgumentException.class, () -> Iris.entity("state/Japan"));
        assertThrows(IllegalArgumentException.class, () -> Iris.entity("state/japan/x"));
        assertThrows(IllegalArgumentException.class, () -> Iris.article("Bad Id"));
        assertThrows(IllegalArgumentException.class, () -> Iris.mention("a", 5, 4));
        assertThrows(IllegalArgumentException.class, () -> Iris.claim("a", "XYZ"));
    }

    @Test
    void entityIdRoundTrips() {
        assertEquals("place/tokyo", Iris.entityId(Iris.place("tokyo")));
        assertNull(Iris.entityId(Iris.article("a")));
        assertNull(Iris.entityId("http://example.org/x"));
    }

    @Test
    void claimHashIsFirstTwelveHexOfSha1OverTheFields() throws Exception {
        String key = "state/japan|pursuesCapability|capability/counterstrike|Japan will|2";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        String hash = Iris.claimHash("state/japan", "pursuesCapability", "capability/counterstrike", "Japan will", 2);
        assertEquals(expected, hash);
        assertTrue(Iris.claim("a-1", hash).endsWith("/claim/a-1/" + hash));
    }

    @Test
    void slugsDropDiacriticsAndPunctuation() {
        assertEquals("agustin-maciel-padilla", Iris.slug("Agustín Maciel-Padilla"));
        assertEquals("icisss-2024-international-conference", Iris.slug("ICISSS 2024: International Conference"));
        assertThrows(IllegalArgumentException.class, () -> Iris.slug("“…”"));
    }

    @Test
    void kindsMapSegmentsToClasses() {
        assertEquals(AKG.StrategyDocument, EntityKind.fromSegment("document").orElseThrow().type());
        assertEquals(EntityKind.SERIES, EntityKind.fromClassName("MeetingSeries").orElseThrow());
        assertTrue(EntityKind.ofId("unknown/x").isEmpty());
    }

    @Test
    void claimPredicatesKnowDomainAndRange() {
        ClaimPredicate p = ClaimPredicate.fromName("namesThreat").orElseThrow();
        assertTrue(p.allowsSubject(EntityKind.MEETING) && p.allowsArticleSubject());
        assertTrue(p.allowsObject(EntityKind.THREAT));
        assertTrue(!p.allowsObject(EntityKind.PLACE));
        assertEquals(ClaimPredicate.LiteralKind.DATE, ClaimPredicate.date.literal());
        assertEquals(AKG.holdsPosition, ClaimPredicate.holdsPosition.property());
        assertTrue(ClaimPredicate.fromName("NamesThreat").isEmpty());
    }

    @Test
    void namespacesHoldEveryDesignPrefix() {
        for (String p : new String[] {"akg", "akr", "prov", "schema", "sem", "nif", "skos", "dcterms", "org", "owl",
                "rdfs", "rdf", "xsd", "sh", "void", "sd", "wd"}) {
            assertTrue(Namespaces.PREFIXES.getNsPrefixURI(p) != null, p);
        }
        assertEquals(Iris.ID, Namespaces.PREFIXES.getNsPrefixURI("akr"));
        assertTrue(Namespaces.sparqlPrefixes().contains("PREFIX akg: <" + AKG.NS + ">"));
    }
}
