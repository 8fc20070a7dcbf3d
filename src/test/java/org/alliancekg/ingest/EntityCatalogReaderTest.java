package org.alliancekg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.alliancekg.vocab.EntityKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityCatalogReaderTest {

    @TempDir
    Path dir;

    private Path entities() throws Exception {
        return Files.createDirectories(dir.resolve("data/entities"));
    }

    private EntityCatalog read() {
        return new EntityCatalogReader(ProjectLayout.of(dir)).readAll();
    }

    @Test
    void readsYamlAndJsonOfTheFixture() {
        EntityCatalog c = new EntityCatalogReader(ProjectLayout.of(TestProjects.resource("fixtures/mini"))).readAll();
        assertEquals(12, c.size());
        Entity cs = c.get("capability/counterstrike").orElseThrow();
        assertEquals(EntityKind.CAPABILITY, cs.kind());
        assertEquals(List.of("counter-strike capability"), cs.aliases());
        assertEquals("data/entities/capabilities.json", cs.source().file());
        Entity pos = c.get("position/us-secretary-of-defense").orElseThrow();
        assertEquals("state/united-states", pos.forActor());
        assertEquals(List.of(c.get("state/united-states").orElseThrow()), c.byName("U.S."));
        assertEquals("Q17", c.get("state/japan").orElseThrow().wikidata());
    }

    @Test
    void unknownFieldNamesLineAndColumn() throws Exception {
        Files.writeString(entities().resolve("a.yaml"),
                "entities:\n  - id: state/japan\n    type: State\n    label: Japan\n    lable: typo\n");
        InputException e = assertThrows(InputException.class, this::read);
        Problem p = e.problems().get(0);
        assertEquals("data/entities/a.yaml", p.file());
        assertEquals(5, p.line());
        assertEquals(5, p.column());
        assertEquals("entities[0].lable", p.field());
        assertTrue(p.rule().startsWith("unknown field; known fields: aliases, comment, country, forActor, id, issued, label"),
                p.rule());
    }

    @Test
    void unknownFieldInJsonNamesLineAndColumn() throws Exception {
        Files.writeString(entities().resolve("a.json"),
                "{\"entities\": [\n {\"id\": \"state/japan\", \"type\": \"State\",\n  \"label\": \"Japan\", \"x\": 1}]}\n");
        InputException e = assertThrows(InputException.class, this::read);
        assertTrue(e.getMessage().startsWith("data/entities/a.json:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("entities[0].x: unknown field"), e.getMessage());
    }

    @Test
    void duplicateIdsAcrossFilesAreRefused() throws Exception {
        Files.writeString(entities().resolve("a.yaml"), "entities:\n  - {id: state/japan, type: State, label: Japan}\n");
        Files.writeString(entities().resolve("b.yaml"),
                "entities:\n  - {id: place/tokyo, type: Place, label: Tokyo}\n  - {id: state/japan, type: State, label: Nippon}\n");
        InputException e = assertThrows(InputException.class, this::read);
        assertEquals("data/entities/b.yaml:3: entities[1].id: duplicate id 'state/japan': already defined at "
                + "data/entities/a.yaml:2", e.getMessage());
    }

    @Test
    void kindMustMatchType() throws Exception {
        Files.writeString(entities().resolve("a.yaml"),
                "entities:\n  - {id: state/tokyo, type: Place, label: Tokyo}\n  - {id: place/x, type: Country, label: X}\n");
        InputException e = assertThrows(InputException.class, this::read);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals("entities[0].type", e.problems().get(0).field());
        assertTrue(e.problems().get(0).rule().contains("does not match the id's kind 'state' (expected State)"));
        assertTrue(e.problems().get(1).rule().startsWith("unknown type 'Country'"));
    }

    @Test
    void forActorMustBeAKnownActorOnAPosition() throws Exception {
        Files.writeString(entities().resolve("a.yaml"), """
                entities:
                  - {id: position/pm, type: Position, label: PM, forActor: state/nowhere}
                  - {id: place/tokyo, type: Place, label: Tokyo, forActor: state/japan}
                  - {id: position/x, type: Position, label: X, forActor: place/tokyo}
                """);
        InputException e = assertThrows(InputException.class, this::read);
        String m = e.getMessage();
        assertTrue(m.contains("entities[1].forActor: only a Position has forActor"), m);
        assertTrue(m.contains("entities[2].forActor: 'place/tokyo' is not the id of an Actor"), m);
        Files.writeString(entities().resolve("a.yaml"),
                "entities:\n  - {id: position/pm, type: Position, label: PM, forActor: state/nowhere}\n");
        e = assertThrows(InputException.class, this::read);
        assertTrue(e.getMessage().contains("forActor: 'state/nowhere' is not in the catalogue"), e.getMessage());
    }

    @Test
    void fieldRulesAreCollected() throws Exception {
        Files.writeString(entities().resolve("a.yaml"), """
                entities:
                  - {id: State/Japan, type: State, label: Japan}
                  - {id: state/japan, type: State, label: " Japan", wikidata: "17", aliases: [Japan, ""]}
                """);
        InputException e = assertThrows(InputException.class, this::read);
        List<String> fields = e.problems().stream().map(Problem::field).toList();
        assertEquals(List.of("entities[0].id", "entities[1].label", "entities[1].aliases[1]", "entities[1].wikidata"),
                fields);
    }

    @Test
    void malformedYamlNamesLine() throws Exception {
        Files.writeString(entities().resolve("a.yaml"), "entities:\n  - id: state/japan\n    type: [State\n");
        InputException e = assertThrows(InputException.class, this::read);
        assertTrue(e.getMessage().startsWith("data/entities/a.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    }

    @Test
    void typeErrorInOneEntityDoesNotHideTheNext() throws Exception {
        Files.writeString(entities().resolve("a.yaml"), """
                entities:
                  - {id: state/japan, type: State, label: {text: Japan}}
                  - {id: place/tokyo, type: Place, label: Tokyo, extra: 1}
                """);
        InputException e = assertThrows(InputException.class, this::read);
        assertEquals(List.of("entities[0].label", "entities[1].extra"),
                e.problems().stream().map(Problem::field).toList(), e.getMessage());
    }

    @Test
    void countryAndIssuedAreReadForResolvingMentions() throws Exception {
        Files.writeString(entities().resolve("a.yaml"), """
                entities:
                  - {id: state/japan, type: State, label: Japan}
                  - {id: document/nss-2013, type: StrategyDocument, label: NSS 2013, country: state/japan, issued: 2013-12}
                  - {id: document/nss-2022, type: StrategyDocument, label: NSS 2022, issued: "2022-12-16"}
                  - {id: meeting/m, type: Meeting, label: M, issued: 2024}
                """);
        EntityCatalog c = read();
        Entity nss = c.get("document/nss-2013").orElseThrow();
        assertEquals("state/japan", nss.country());
        assertEquals(PartialDate.parse("2013-12"), nss.issued());
        assertEquals(PartialDate.parse("2022-12-16"), c.get("document/nss-2022").orElseThrow().issued());
        assertEquals(PartialDate.parse("2024"), c.get("meeting/m").orElseThrow().issued());
        assertEquals(null, c.get("state/japan").orElseThrow().issued());
    }

    @Test
    void countryAndIssuedAreChecked() throws Exception {
        Files.writeString(entities().resolve("a.yaml"), """
                entities:
                  - {id: place/tokyo, type: Place, label: Tokyo, country: place/tokyo, issued: 2020}
                  - {id: document/d, type: StrategyDocument, label: D, issued: 2022-13}
                  - {id: document/e, type: StrategyDocument, label: E, country: state/nowhere}
                """);
        InputException e = assertThrows(InputException.class, this::read);
        String m = e.getMessage();
        assertTrue(m.contains("entities[0].country: 'place/tokyo' is not the id of a State"), m);
        assertTrue(m.contains("entities[0].issued: only a StrategyDocument or a Meeting has issued"), m);
        assertTrue(m.contains("data/entities/a.yaml:3: entities[1].issued: '2022-13' is not a valid date"), m);
        Files.writeString(entities().resolve("a.yaml"),
                "entities:\n  - {id: document/e, type: StrategyDocument, label: E, country: state/nowhere}\n");
        e = assertThrows(InputException.class, this::read);
        assertTrue(e.getMessage().contains("entities[0].country: 'state/nowhere' is not in the catalogue"), e.getMessage());
    }
}
