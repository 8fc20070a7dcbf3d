package org.alliancekg.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.alliancekg.cli.Main;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.Store;
import org.alliancekg.ingest.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * Broken input files make {@code alliance-kg build} stop with exit status 1 and a message naming the file and the
 * problem, and leave the live database exactly as it was. The cases: each folder of {@code bad-input/} laid over a
 * copy of the project (mistakes the loaders' own tests do not cover: truncated articles, bytes that are not UTF-8 in
 * entity and claims files), an article over the size limit made here, and each small project of {@code bad/} (the
 * loaders' cases, from {@code build/BadInputTest}), built against the same live database.
 */
class BadInputBuildTest {

    @TempDir
    static Path dir;

    static Path project;
    static Path db;
    static DatabaseState built;
    static Path live;

    @BeforeAll
    static void buildTheProject() {
        Path root = ProjectLayout.detect().root();
        project = dir.resolve("project");
        for (String d : List.of("data", "ontology", "queries", "fuseki-config")) {
            DatabaseState.copyTree(root.resolve(d), project.resolve(d));
        }
        db = dir.resolve("db");
        Result r = build(project);
        assertEquals(0, r.status, r.err);
        built = DatabaseState.of(ProjectLayout.of(project).withDbRoot(db));
        live = current();
    }

    record Result(int status, String out, String err) {
    }

    static Result build(Path projectDir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("build", "--project", projectDir.toString(), "--db", db.toString());
        return new Result(status, out.toString(), err.toString());
    }

    static Path current() {
        try {
            return db.resolve("current").toRealPath();
        } catch (IOException e) {
            throw new AssertionError("no live database", e);
        }
    }

    /** Builds the project with the case's files laid over it; checks the refusal and the unchanged database. */
    static void refused(String name, Path overlay, String expected) {
        Path copy = dir.resolve("case-" + name);
        Store.deleteTree(copy);
        DatabaseState.copyTree(project, copy);
        if (overlay != null) {
            DatabaseState.copyTree(overlay, copy);
        }
        Result r = build(copy);
        assertEquals(1, r.status, name + ": expected exit status 1, got " + r.status + "\nout: " + r.out + "\nerr: "
                + r.err);
        assertTrue(r.err.contains(expected), name + ": expected the message to contain\n  " + expected + "\ngot:\n"
                + r.err);
        assertFalse(r.err.contains("\tat "), name + ": a stack trace instead of a message:\n" + r.err);
        assertEquals(live, current(), name + ": the live database was switched");
        assertEquals(built, DatabaseState.of(ProjectLayout.of(copy).withDbRoot(db)), name + ": the data changed");
    }

    @TestFactory
    Stream<DynamicTest> brokenFilesAreRefusedAndTheDataKept() throws IOException {
        Path cases = TestProjects.resource("bad-input");
        List<Path> folders;
        try (Stream<Path> s = Files.list(cases)) {
            folders = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(folders.isEmpty());
        return folders.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Path overlay = Files.createTempDirectory(dir, "overlay");
            DatabaseState.copyTree(f, overlay);
            Files.delete(overlay.resolve("expected.txt"));
            String expected = Files.readString(f.resolve("expected.txt"), StandardCharsets.UTF_8).strip();
            refused(f.getFileName().toString(), overlay, expected);
        }));
    }

    /** The loaders' cases: each folder of {@code bad/} is a project of its own, with {@code expected-message.txt}. */
    @TestFactory
    Stream<DynamicTest> loaderCasesLeaveTheDataAlone() throws IOException {
        Path cases = TestProjects.resource("bad");
        List<Path> folders;
        try (Stream<Path> s = Files.list(cases)) {
            folders = s.filter(Files::isDirectory).sorted().toList();
        }
        return folders.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Path copy = dir.resolve("loader-" + f.getFileName());
            Store.deleteTree(copy);
            DatabaseState.copyTree(f, copy);
            Result r = build(copy);
            assertEquals(1, r.status, f.getFileName() + ": " + r.err);
            for (String line : Files.readAllLines(f.resolve("expected-message.txt"), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    assertTrue(r.err.contains(line.strip()), f.getFileName() + ": expected " + line + " in\n" + r.err);
                }
            }
            assertEquals(live, current(), f.getFileName() + ": the live database was switched");
            assertEquals(built, DatabaseState.of(ProjectLayout.of(project).withDbRoot(db)),
                    f.getFileName() + ": the data changed");
        }));
    }

    @Test
    void articleOverTheSizeLimitIsRefused() throws IOException {
        Path overlay = dir.resolve("oversized");
        Path file = Files.createDirectories(overlay.resolve("data/articles")).resolve("992-oversized.md");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("---\ntitle: Far too long\n---\n".getBytes(StandardCharsets.UTF_8));
            byte[] line = ("All work and no play makes a very large article. ".repeat(20) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written <= 8L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        refused("oversized", overlay, "data/articles/992-oversized.md: file is ");
    }
}
