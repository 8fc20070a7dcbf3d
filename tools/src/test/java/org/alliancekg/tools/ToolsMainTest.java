package org.alliancekg.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;

import org.alliancekg.cli.Main;
import org.alliancekg.ingest.ProjectLayout;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * {@code alliance-kg-tools evaluate --details} prints the figures of the project's articles: overall, per article,
 * and what the extraction missed. The tools are commands of this command line, not of the product's.
 */
class ToolsMainTest {

    @Test
    void evaluatePrintsTheFigures() {
        ProjectLayout layout = ProjectLayout.detect();
        CommandLine cl = ToolsMain.commandLine();
        StringWriter figures = new StringWriter();
        cl.setOut(new PrintWriter(figures, true));
        assertEquals(0, cl.execute("evaluate", "--project", layout.root().toString(), "--details"));
        assertTrue(figures.toString().contains("overall"), figures.toString());
        assertTrue(figures.toString().contains("004-us-japan-security-partnership"), figures.toString());
        assertTrue(figures.toString().contains("missed "), figures.toString());
    }

    @Test
    void theToolsAreCommandsOfTheToolsOnly() {
        assertEquals(Set.of("bench", "evaluate", "loadtest", "push", "help"),
                ToolsMain.commandLine().getSubcommands().keySet());
        for (String tool : List.of("bench", "evaluate", "loadtest", "push")) {
            assertFalse(Main.commandLine().getSubcommands().containsKey(tool),
                    "the product's command line has no " + tool);
        }
    }
}
