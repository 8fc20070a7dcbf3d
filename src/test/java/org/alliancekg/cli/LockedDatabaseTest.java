package org.alliancekg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.ingest.TestProjects;
import org.alliancekg.build.HoldDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read command on a database another process holds (a running server, here a child process that opens it as a
 * server does) says so in one line and exits 1, with no stack trace; and a command run outside a project names
 * the {@code --project} option.
 */
class LockedDatabaseTest {

    @TempDir
    Path tmp;

    private final InProcessCommand command = new InProcessCommand();

    private void assertOneLine(String expected) {
        command.assertOneLineError(expected);
    }

    @Test
    void queryOnADatabaseAnotherProcessHoldsIsOneLine() throws Exception {
        Path project = TestProjects.copy("fixtures/mini", tmp.resolve("p"));
        ProjectLayout layout = ProjectLayout.of(project).withDbRoot(tmp.resolve("db"));
        new GraphBuilder(layout).build();
        Path live = Files.readSymbolicLink(layout.currentDb());
        Path db = live.isAbsolute() ? live : layout.currentDb().resolveSibling(live);
        Path query = tmp.resolve("q.rq");
        Files.writeString(query, "SELECT * { ?s ?p ?o } LIMIT 1");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try {
            String first = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertEquals("ready", first);
            assertEquals(Main.EXIT_INPUT, command.run("query", query.toString(), "--project", project.toString(),
                    "--db", tmp.resolve("db").toString()));
            assertOneLine("query: the database is locked by another process (process " + holder.pid() + ")");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCommandOutsideAProjectNamesTheProjectOption() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("not-a-project"));
        assertEquals(Main.EXIT_INPUT, command.run("validate", "--project", empty.toString()));
        assertTrue(command.err().contains("or pass --project DIR"), command.err());
    }
}
