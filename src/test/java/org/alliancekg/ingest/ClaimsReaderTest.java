package org.alliancekg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.alliancekg.vocab.ClaimPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsReaderTest {

    @TempDir
    Path dir;

    private ClaimsFile read(String name, String yaml) throws Exception {
        Path f = Files.createDirectories(dir.resolve("data/claims")).resolve(name);
        Files.writeString(f, yaml);
        return new ClaimsReader(ProjectLayout.of(dir)).read(f);
    }

    @Test
    void readsTheFixtureClaims() {
        List<ClaimsFile> files = new ClaimsReader(ProjectLayout.of(TestProjects.resource("fixtures/mini"))).readAll();
        assertEquals(1, files.size());
        ClaimsFile f = files.get(0);
        assertEquals("t1-test-article", f.article());
        assertEquals(9, f.claims().size());
        Claim date = f.claims().get(0);
        assertEquals(ClaimPredicate.date, date.predicate());
        assertEquals("2022-01-06", date.value());
        assertNull(date.object());
        assertEquals(1, date.occurrence());
        assertEquals(3, date.source().line());
        assertEquals("claims[0]", date.source().path());
        Claim second = f.claims().get(6);
        assertEquals(2, second.occurrence());
        assertEquals("2022-01-06", f.claims().get(7).date().lexical());
    }

    @Test
    void unknownPredicateIsNamed() throws Exception {
        InputException e = assertThrows(InputException.class, () -> read("a.yaml", """
                article: a
                claims:
                  - subject: state/japan
                    predicate: PursuesCapability
                    object: capability/counterstrike
                    quote: "Japan"
                """));
        assertTrue(e.getMessage().startsWith("data/claims/a.yaml:4: claims[0].predicate: unknown predicate "
                + "'PursuesCapability' (did you mean 'pursuesCapability'?)"), e.getMessage());
    }

    @Test
    void claimRulesAreCollectedAcrossClaims() throws Exception {
        InputException e = assertThrows(InputException.class, () -> read("a.yaml", """
                article: a
                claims:
                  - subject: state/japan
                    predicate: memberOf
                    object: alliance/quad
                    value: "x"
                    quote: "Japan"
                  - subject: meeting/m
                    predicate: date
                    object: place/tokyo
                    quote: "in 2022"
                  - subject: threat/t
                    predicate: posedBy
                    object: state/x
                    quote: "a threat"
                    characterization: "grave danger"
                    occurrence: 0
                  - subject: nowhere
                    predicate: posedBy
                    object: state/x
                    quote: ""
                    date: 2022-02-30
                """));
        List<String> fields = e.problems().stream().map(Problem::field).toList();
        assertEquals(List.of("claims[0].value", "claims[1].object", "claims[1].value", "claims[2].occurrence",
                "claims[2].characterization", "claims[3].date"), fields, e.getMessage());
        assertEquals(16, e.problems().get(4).line(), "the line of the characterization field");
        assertEquals(17, e.problems().get(3).line(), "occurrence: the line of the field");
    }

    @Test
    void characterizationMatchesIgnoringCase() throws Exception {
        ClaimsFile f = read("a.yaml", """
                article: a
                claims:
                  - subject: threat/t
                    predicate: posedBy
                    object: state/x
                    quote: "an Imminent Threat to Japan"
                    characterization: imminent threat
                """);
        assertEquals("imminent threat", f.claims().get(0).characterization());
    }

    @Test
    void articleMustMatchTheFileName() throws Exception {
        InputException e = assertThrows(InputException.class, () -> read("b.yaml", "article: a\nclaims: []\n"));
        assertEquals("data/claims/b.yaml:1: article: 'a' does not match the file name 'b'", e.getMessage());
    }

    @Test
    void unknownTopLevelAndClaimFieldsAreNamed() throws Exception {
        InputException e = assertThrows(InputException.class, () -> read("a.yaml", """
                article: a
                source: somewhere
                claims:
                  - subject: state/japan
                    predicate: memberOf
                    object: alliance/quad
                    quote: "Japan"
                    note: "why"
                """));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("data/claims/a.yaml:2:1: source: unknown field; known fields: article, claims"),
                e.getMessage());
        assertTrue(e.getMessage().contains("data/claims/a.yaml:8:5: claims[0].note: unknown field"), e.getMessage());
    }

    @Test
    void articleSubjectIsAccepted() throws Exception {
        ClaimsFile f = read("a.yaml", """
                article: a
                claims:
                  - subject: article/a
                    predicate: namesThreat
                    object: threat/t
                    quote: "threat"
                """);
        assertTrue(f.claims().get(0).subjectIsArticle());
        assertEquals("a", f.claims().get(0).subjectArticleId());
    }

    @Test
    void yamlBombIsRefused() throws Exception {
        InputException e = assertThrows(InputException.class, () -> read("a.yaml", """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                article: a
                claims: *c
                """));
        assertTrue(e.getMessage().contains("YAML anchors (&a) are not allowed"), e.getMessage());
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        String deep = "[".repeat(200) + "]".repeat(200);
        Path f = Files.createDirectories(dir.resolve("data/claims")).resolve("a.json");
        Files.writeString(f, "{\"article\": \"a\", \"claims\": " + deep + "}");
        InputException e = assertThrows(InputException.class, () -> new ClaimsReader(ProjectLayout.of(dir)).read(f));
        assertTrue(e.getMessage().startsWith("data/claims/a.json:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }
}
