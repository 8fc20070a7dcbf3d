package org.alliancekg.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.Store;
import org.alliancekg.ingest.TestProjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the commands that write the database: the real {@code build} and {@code ingest} run in a child
 * JVM and are killed with SIGKILL ({@link Process#destroyForcibly()}) at random points while they write; after
 * each kill the database is reopened (TDB2 recovers from its journal) and must hold exactly the state before the
 * command or exactly the state after it, compared by quad count and content hash.
 *
 * <p>"While they write": a watcher notes when the command first changes a file under the database root (a new
 * build directory, index or node files of the live database; not TDB2's lock file), and the kill comes at a
 * random time from then to the end of the command's write phase, measured on an uninterrupted run. Each command is
 * killed {@value #DEFAULT_KILLS} times (system property {@code akg.crash.kills}); kills that come after the child
 * has exited do not count. The outcome is printed and written to {@code target/crash-report.txt}.
 */
class CrashSafetyTest {

    static final int DEFAULT_KILLS = 10;
    static final int KILLS = Integer.getInteger("akg.crash.kills", DEFAULT_KILLS);

    /** The unseen article of the ingestion tests. */
    static final String ARTICLE = "ingestion/articles/005-hegseth-nakatani-tokyo-2025.md";

    @TempDir
    static Path dir;

    static Path project;
    static Path snapshot;
    static DatabaseState before;
    static final Random RANDOM = new Random();
    static final StringBuilder REPORT = new StringBuilder();

    /** Copies the project's inputs and builds them (in a child JVM) into a database kept as a snapshot. */
    @BeforeAll
    static void buildBase() throws Exception {
        Path root = ProjectLayout.detect().root();
        project = Files.createDirectories(dir.resolve("project"));
        for (String d : List.of("data", "ontology", "queries", "fuseki-config")) {
            DatabaseState.copyTree(root.resolve(d), project.resolve(d));
        }
        Path db = dir.resolve("db-base");
        ChildProcess.run(dir.resolve("base.log"), "build", "--project", project.toString(), "--db", db.toString());
        before = DatabaseState.of(layout(db));
        snapshot = db;
    }

    @AfterAll
    static void report() throws IOException {
        System.out.print(REPORT);
        Path target = ProjectLayout.detect().root().resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("crash-report.txt"), REPORT.toString());
    }

    static ProjectLayout layout(Path db) {
        return ProjectLayout.of(project).withDbRoot(db);
    }

    @Test
    void killedBuildLeavesTheOldOrTheNewDatabase() throws Exception {
        // the new inputs: one more entity
        Path extra = project.resolve("data/entities/crash-test.yaml");
        Files.writeString(extra, "entities:\n- {id: place/crash-test-harbour, type: Place, label: Crash Test Harbour}\n");
        try {
            String[] args = {"build", "--project", project.toString(), "--db", "%DB%"};
            Outcome o = killRepeatedly("build", args, () -> { });
            assertTrue(o.after.quads() > before.quads(), "the new build adds the entity");

            // after the last kill, the command still works on the same database
            ChildProcess.run(dir.resolve("build-after-kill.log"), with(args, o.lastDb));
            assertEquals(o.after, DatabaseState.of(layout(o.lastDb)));
        } finally {
            Files.deleteIfExists(extra);
        }
    }

    @Test
    void killedIngestLeavesTheOldOrTheNewDatabase() throws Exception {
        Path article = TestProjects.resource(ARTICLE);
        Path copied = project.resolve("data/articles").resolve(article.getFileName());
        String[] args = {"ingest", article.toString(), "--project", project.toString(), "--db", "%DB%"};
        Outcome o = killRepeatedly("ingest", args, () -> {
            try {
                Files.deleteIfExists(copied);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertTrue(o.after.quads() > before.quads(), "ingesting adds the article's graphs");
        Files.deleteIfExists(copied);
    }

    record Outcome(DatabaseState after, int old, int updated, Path lastDb) {
    }

    /**
     * Measures an uninterrupted run of the command on a copy of the base database (its state is the "after"
     * state), then kills it {@link #KILLS} times, each time on a fresh copy of the base, and checks the state.
     */
    static Outcome killRepeatedly(String name, String[] args, Runnable resetInputs) throws Exception {
        Path ref = restore("db-" + name + "-ref");
        resetInputs.run();
        long[] window = timedRun(dir.resolve(name + "-ref.log"), with(args, ref), ref);
        DatabaseState after = DatabaseState.of(layout(ref));
        assertNotEquals(before, after, name + " must change the database for the test to tell the states apart");

        int kills = 0;
        int old = 0;
        int updated = 0;
        int finished = 0;
        int attempts = 0;
        long span = window[1] - window[0];
        Path db = null;
        while (kills < KILLS) {
            if (++attempts > 6 * KILLS) {
                fail(name + ": only " + kills + " of " + attempts + " runs could be killed while writing");
            }
            db = restore("db-" + name + "-run");
            resetInputs.run();
            Path log = dir.resolve(name + "-kill-" + attempts + ".log");
            WriteWatch watch = new WriteWatch(db);
            Process p = ChildProcess.start(log, with(args, db));
            if (!watch.awaitFirstWrite(p, 120_000)) {
                p.destroyForcibly().waitFor();
                fail(name + ": the child ended without writing:\n" + ChildProcess.read(log));
            }
            // a third of the kills anywhere in the write phase, the others in its last part and at its very end
            // (where a build swaps the live database and an ingest commits)
            double from = new double[] {0.0, 0.6, 0.9}[attempts % 3];
            long delayMs = (long) ((from + RANDOM.nextDouble() * (1.05 - from)) * span);
            long waitStart = System.nanoTime();
            boolean alive = !p.waitFor(delayMs, TimeUnit.MILLISECONDS);
            if (!alive) {
                // the run wrote faster than the reference run (a busy machine makes the reference slow): aim the
                // next kills within the write phase this run showed
                span = Math.max(1, Math.min(span, (System.nanoTime() - waitStart) / 1_000_000));
            }
            if (alive) {
                p.destroyForcibly();
                p.waitFor();
                kills++;
            } else if (p.exitValue() != 0) {
                fail(name + " failed by itself:\n" + ChildProcess.read(log));
            }
            DatabaseState state = DatabaseState.of(layout(db));
            if (!alive) {
                finished++;
                if (!state.equals(after)) {
                    fail(name + " finished but the database is " + state + ", not " + after);
                }
            } else if (state.equals(before)) {
                old++;
            } else if (state.equals(after)) {
                updated++;
            } else {
                fail(name + (alive ? " killed " : " finished ") + delayMs + " ms after its first write left the "
                        + "database in between: " + state + ", neither the old " + before + " nor the new " + after
                        + "\n" + ChildProcess.read(log));
            }
        }
        String line = String.format("%s: killed %d times (SIGKILL) 0-%d ms after its first write to the database; "
                        + "after the kill the database was the old one (%s) %d times and the new one (%s) %d times, "
                        + "never anything else (%d more runs ended before their kill)%n", name, kills,
                (long) ((window[1] - window[0]) * 1.05), before, old, after, updated, finished);
        REPORT.append(line);
        return new Outcome(after, old, updated, db);
    }

    /** A fresh copy of the base database under {@code name}. */
    static Path restore(String name) {
        Path db = dir.resolve(name);
        Store.deleteTree(db);
        DatabaseState.copyTree(snapshot, db);
        return db;
    }

    /** Runs to the end; returns {first write, end} in ms since the start. */
    static long[] timedRun(Path log, String[] args, Path db) throws Exception {
        WriteWatch watch = new WriteWatch(db);
        long start = System.nanoTime();
        Process p = ChildProcess.start(log, args);
        if (!watch.awaitFirstWrite(p, 120_000)) {
            fail("the command did not write:\n" + ChildProcess.read(log));
        }
        long first = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int status = p.waitFor();
        long end = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (status != 0) {
            fail("exit " + status + ":\n" + ChildProcess.read(log));
        }
        return new long[] {first, end};
    }

    static String[] with(String[] args, Path db) {
        return Stream.of(args).map(a -> a.equals("%DB%") ? db.toString() : a).toArray(String[]::new);
    }

    /** Notices the first change to a file under a database root (other than TDB2's lock files). */
    static final class WriteWatch {
        private final Path root;
        private final Map<Path, String> initial;

        WriteWatch(Path root) {
            this.root = root;
            this.initial = snapshot();
        }

        /** Polls until a file changes (true) or the process ends or the time runs out (false). */
        boolean awaitFirstWrite(Process p, long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (System.nanoTime() < deadline) {
                if (!snapshot().equals(initial)) {
                    return true;
                }
                if (!p.isAlive()) {
                    return !snapshot().equals(initial);
                }
                Thread.sleep(2);
            }
            return false;
        }

        private Map<Path, String> snapshot() {
            Map<Path, String> files = new HashMap<>();
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(f -> !f.getFileName().toString().equals("tdb.lock")).forEach(f -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class,
                                java.nio.file.LinkOption.NOFOLLOW_LINKS);
                        files.put(f, a.size() + ":" + a.lastModifiedTime().toMillis() + ":" + a.isDirectory());
                    } catch (IOException e) {
                        files.put(f, "gone");
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                files.put(root, "changing: " + e);
            }
            return files;
        }
    }
}
