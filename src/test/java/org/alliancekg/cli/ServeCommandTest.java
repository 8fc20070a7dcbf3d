package org.alliancekg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.ingest.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * {@code serve} refuses an address it cannot use before it builds or switches the database: one line on stderr, no
 * stack trace; exit 2 for a port command.out() of range, 1 for a port in use. Run in-process, as {@code build/CommandLineTest}
 * runs the commands.
 */
class ServeCommandTest {

    @TempDir
    Path tmp;

    private final InProcessCommand command = new InProcessCommand();

    private int run(String... args) {
        return command.run(args);
    }

    private void assertOneLine(String expected) {
        command.assertOneLineError(expected);
    }

    @Test
    void portOutOfRangeIsAUsageErrorAndBuildsNothing() throws Exception {
        Path project = TestProjects.copy("fixtures/mini", tmp.resolve("p"));
        Path db = tmp.resolve("db");
        assertEquals(Main.EXIT_USAGE, run("serve", "--port", "99999", "--project", project.toString(),
                "--db", db.toString()));
        assertOneLine("serve: --port 99999: not a port");
        assertEquals(Main.EXIT_USAGE, run("serve", "--port", "-1", "--project", project.toString(),
                "--db", db.toString()));
        assertFalse(Files.exists(db), "nothing built");
    }

    @Test
    void aLimitBelowOneIsAUsageErrorAndBuildsNothing() throws Exception {
        Path project = TestProjects.copy("fixtures/mini", tmp.resolve("p"));
        Path db = tmp.resolve("db");
        assertEquals(Main.EXIT_USAGE, run("serve", "--max-rows", "0", "--project", project.toString(),
                "--db", db.toString()));
        assertOneLine("serve: --max-rows 0: must be at least 1");
        InProcessCommand again = new InProcessCommand();
        assertEquals(Main.EXIT_USAGE, again.run("serve", "--query-timeout", "-5", "--project", project.toString(),
                "--db", db.toString()));
        again.assertOneLineError("serve: --query-timeout -5: must be at least 1");
        assertFalse(Files.exists(db), "nothing built");
    }

    @Test
    void portInUseExitsOneBeforeBuilding() throws Exception {
        Path project = TestProjects.copy("fixtures/mini", tmp.resolve("p"));
        Path db = tmp.resolve("db");
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getByName("localhost"), 0));
            int port = busy.getLocalPort();
            assertEquals(Main.EXIT_INPUT, run("serve", "--port", Integer.toString(port), "--project",
                    project.toString(), "--db", db.toString()));
            assertOneLine("serve: cannot listen on localhost:" + port + ": the port is already in use");
        }
        assertFalse(Files.exists(db), "nothing built");
    }

    @Test
    void portInUseLeavesAStaleDatabaseAsItIs() throws Exception {
        Path project = TestProjects.copy("fixtures/mini", tmp.resolve("p"));
        Path db = tmp.resolve("db");
        ProjectLayout layout = ProjectLayout.of(project).withDbRoot(db);
        new GraphBuilder(layout).build();
        Path before = Files.readSymbolicLink(layout.currentDb());
        Path article = project.resolve("data/articles/t1-test-article.md");
        Files.writeString(article, Files.readString(article) + "\nOne more sentence.\n");
        assertTrue(new GraphBuilder(layout).isStale(), "the test needs a stale database");
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getByName("localhost"), 0));
            assertEquals(Main.EXIT_INPUT, run("serve", "--port", Integer.toString(busy.getLocalPort()), "--project",
                    project.toString(), "--db", db.toString()));
        }
        assertOneLine("already in use");
        assertEquals(before, Files.readSymbolicLink(layout.currentDb()), "db/current not switched");
        assertTrue(new GraphBuilder(layout).isStale(), "not rebuilt");
    }
}
