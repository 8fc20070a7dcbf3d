package org.alliancekg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.ingest.TestProjects;
import org.alliancekg.serve.KgServer;
import org.alliancekg.testkit.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code serve} on an existing database answers at once and only then checks, on a thread of its own, whether the
 * database was built from the project's input files now: an up-to-date one is served as it is; a stale one is
 * rebuilt while the old one answers, then the server switches to the new build; a rebuild that fails leaves the old
 * one served and says why. Run in-process; the tests wait for the log lines the check writes.
 */
class ServeStaleDatabaseHttpTest {

    private static final String LABEL_QUERY = "SELECT ?l WHERE { <https://w3id.org/alliance-kg/id/state/japan> "
            + "<http://www.w3.org/2000/01/rdf-schema#label> ?l }";
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    private ProjectLayout layout;
    private Path project;
    private Thread command;
    private final AtomicInteger exit = new AtomicInteger(-1);
    private final CompletableFuture<KgServer> started = new CompletableFuture<>();
    private final CompletableFuture<String> firstAnswer = new CompletableFuture<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void built() throws Exception {
        project = TestProjects.copy("fixtures/mini", tmp.resolve("p"));
        Path config = ProjectLayout.detect().fusekiConfig();
        Files.createDirectories(project.resolve("fuseki-config"));
        Files.copy(config, project.resolve("fuseki-config").resolve(config.getFileName()));
        layout = ProjectLayout.of(project).withDbRoot(tmp.resolve("db"));
        new GraphBuilder(layout).build();
    }

    @AfterEach
    void stop() throws Exception {
        if (started.isDone()) {
            started.get().stop();
        }
        if (command != null) {
            command.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(command.isAlive(), "serve did not return after the server stopped");
        }
    }

    /** Starts {@code serve --port 0} in-process; its first answer is taken as soon as it serves. */
    private void serve() {
        CommandLine cl = Main.commandLine();
        ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
        serve.onStarted = s -> {
            started.complete(s);
            try {
                firstAnswer.complete(label(s));
            } catch (Exception e) {
                firstAnswer.completeExceptionally(e);
            }
        };
        command = new Thread(() -> exit.set(cl.execute("serve", "--port", "0", "--project", project.toString(),
                "--db", layout.dbRoot().toString())), "test-serve");
        command.start();
    }

    private String label(KgServer server) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                + URLEncoder.encode(LABEL_QUERY, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().skip(1).findFirst().orElse("").strip();
    }

    private void relabelJapan() throws Exception {
        Path states = project.resolve("data/entities/states.yaml");
        Files.writeString(states, Files.readString(states).replace("label: Japan", "label: Nippon"));
    }

    @Test
    void aStaleDatabaseAnswersAtOnceAndIsRebuiltWhileItServes() throws Exception {
        Path oldDir = layout.currentDb().toRealPath();
        relabelJapan();
        try (LogCapture log = LogCapture.of("akg.serve")) {
            serve();
            assertEquals("Japan", firstAnswer.get(LIMIT.toSeconds(), TimeUnit.SECONDS),
                    "the first answer comes from the database as it was built, before any check or rebuild");
            String current = layout.display(layout.currentDb());
            log.await(l -> l.equals("INFO inputs changed since " + current + " was built: rebuilding"), LIMIT);
            log.await(l -> l.startsWith("INFO now serving "), LIMIT);
            KgServer server = started.get();
            Path newDir = layout.currentDb().toRealPath();
            assertFalse(newDir.equals(oldDir), "a new build");
            assertEquals(newDir, server.databaseDirectory(), "the server follows db/current");
            assertEquals("Nippon", label(server), "and answers from the new build");
            assertTrue(log.find(l -> l.startsWith("WARN")).isEmpty(), "no warning: " + log.lines());
        }
        assertTrue(command.isAlive(), "serve still runs");
    }

    @Test
    void anUpToDateDatabaseIsServedAsItIs() throws Exception {
        Path dir = layout.currentDb().toRealPath();
        try (LogCapture log = LogCapture.of("akg.serve")) {
            serve();
            assertEquals("Japan", firstAnswer.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
            log.await(l -> l.startsWith("INFO " + layout.display(layout.currentDb())
                    + " was built from the project's current input files"), LIMIT);
            assertTrue(log.find(l -> l.contains("rebuilding")).isEmpty(), "not rebuilt: " + log.lines());
        }
        assertEquals(dir, layout.currentDb().toRealPath());
        assertEquals(dir, started.get().databaseDirectory());
    }

    @Test
    void aFailedRebuildLeavesTheOldDatabaseServedAndSaysWhy() throws Exception {
        Path dir = layout.currentDb().toRealPath();
        relabelJapan();
        Path article = project.resolve("data/articles/t1-test-article.md");
        Files.writeString(article, "no front matter\n");
        try (LogCapture log = LogCapture.of("akg.serve")) {
            serve();
            assertEquals("Japan", firstAnswer.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
            log.await(l -> l.contains("rebuilding"), LIMIT);
            String warning = log.await(l -> l.startsWith("WARN the rebuild failed"), LIMIT);
            assertTrue(warning.contains("data/articles/t1-test-article.md"), "names the file: " + warning);
            assertEquals(dir, layout.currentDb().toRealPath(), "db/current untouched");
            assertEquals(dir, started.get().databaseDirectory());
            assertEquals("Japan", label(started.get()), "still answering from the old build");
        }
    }
}
