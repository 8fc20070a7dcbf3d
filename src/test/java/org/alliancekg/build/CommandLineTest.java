package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.alliancekg.cli.Main;
import org.alliancekg.ingest.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The command line's exit codes and output (build, validate, query), run in-process. */
class CommandLineTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void buildThenQuery() throws Exception {
        Path project = TestProjects.copy("fixtures/mini", tmp.resolve("p"));
        assertEquals(0, run("build", "--project", project.toString()), err.toString());
        assertTrue(out.toString().startsWith("built db/tdb2-"), out.toString());
        Path q = Files.writeString(tmp.resolve("q.rq"), """
                PREFIX akg: <https://w3id.org/alliance-kg/ontology#>
                SELECT ?claim WHERE { ?claim a akg:Claim } ORDER BY ?claim
                """);
        assertEquals(0, run("query", q.toString(), "--project", project.toString(), "--format", "tsv"), err.toString());
        String[] lines = out.toString().split("\n");
        assertEquals(1 + 1 + 9, lines.length, out.toString());
        assertEquals("?claim", lines[1]);
    }

    @Test
    void inputErrorsExitOneWithTheMessageAndNoStackTrace() {
        Path bad = TestProjects.resource("bad/quote-not-in-article");
        assertEquals(1, run("validate", "--project", bad.toString()));
        assertTrue(err.toString().contains("data/claims/a1.yaml:6: claims[0].quote: not found in article body"),
                err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void queryWithoutDatabaseOrWithBadSyntaxExitsOne() throws Exception {
        Path project = TestProjects.copy("fixtures/mini", tmp.resolve("p"));
        Path q = Files.writeString(tmp.resolve("q.rq"), "SELECT * WHERE { ?s ?p }\n");
        assertEquals(1, run("query", q.toString(), "--project", project.toString()));
        assertTrue(err.toString().contains("SPARQL syntax"), err.toString());
        Path good = Files.writeString(tmp.resolve("g.rq"), "ASK {}\n");
        assertEquals(1, run("query", good.toString(), "--project", project.toString()));
        assertTrue(err.toString().contains("db/current: no database: run 'alliance-kg build' first"), err.toString());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("build", "--no-such-option"));
        assertEquals(2, run());
        assertEquals(2, run("query"));
    }
}
