package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.alliancekg.cli.InProcessCommand;
import org.alliancekg.ingest.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** The command line's exit codes and output (build, validate, query), run in-process. */
class CommandLineTest {

    @TempDir
    Path tmp;

    private final InProcessCommand command = new InProcessCommand();

    private int run(String... args) {
        return command.run(args);
    }

    @Test
    void buildThenQuery() throws Exception {
        Path project = TestProjects.copy("fixtures/mini", tmp.resolve("p"));
        assertEquals(0, run("build", "--project", project.toString()), command.err());
        assertTrue(command.out().startsWith("built db/tdb2-"), command.out());
        Path q = Files.writeString(tmp.resolve("q.rq"), """
                PREFIX akg: <https://w3id.org/alliance-kg/ontology#>
                SELECT ?claim WHERE { ?claim a akg:Claim } ORDER BY ?claim
                """);
        assertEquals(0, run("query", q.toString(), "--project", project.toString(), "--format", "tsv"), command.err());
        String[] lines = command.out().split("\n");
        assertEquals(1 + 1 + 9, lines.length, command.out());
        assertEquals("?claim", lines[1]);
    }

    @Test
    void inputErrorsExitOneWithTheMessageAndNoStackTrace() {
        Path bad = TestProjects.resource("bad/quote-not-in-article");
        assertEquals(1, run("validate", "--project", bad.toString()));
        assertTrue(command.err().contains("data/claims/a1.yaml:6: claims[0].quote: not found in article body"),
                command.err());
        assertFalse(command.err().contains("\tat "), "no stack trace: " + command.err());
    }

    @Test
    void queryWithoutDatabaseOrWithBadSyntaxExitsOne() throws Exception {
        Path project = TestProjects.copy("fixtures/mini", tmp.resolve("p"));
        Path q = Files.writeString(tmp.resolve("q.rq"), "SELECT * WHERE { ?s ?p }\n");
        assertEquals(1, run("query", q.toString(), "--project", project.toString()));
        assertTrue(command.err().contains("SPARQL syntax"), command.err());
        Path good = Files.writeString(tmp.resolve("g.rq"), "ASK {}\n");
        assertEquals(1, run("query", good.toString(), "--project", project.toString()));
        assertTrue(command.err().contains("db/current: no database: run 'alliance-kg build' first"), command.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("build", "--no-such-option"));
        assertEquals(2, run());
        assertEquals(2, run("query"));
    }
}
