package org.alliancekg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alliance-kg serve} as a separate process over the project's data with a temporary database root: it
 * builds the missing database, logs what it serves, answers queries, reuses an up-to-date database (checked once
 * it answers), and stops on SIGTERM.
 */
class ServeCommandHttpTest {

    static final Pattern SERVING = Pattern.compile(
            "serving ([0-9,]+) triples: home page http://localhost:\\d+/, SPARQL (http://localhost:(\\d+)/kg/sparql); "
                    + "Ctrl-C stops");

    @TempDir
    Path dbRoot;

    @TempDir
    Path logs;

    Process process;
    Path log;

    /** The lines the process has written so far. */
    List<String> output() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    @AfterEach
    void kill() throws InterruptedException, IOException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void servesBuildsWhenMissingAndStopsOnSigterm() throws Exception {
        ProjectLayout project = ProjectLayout.detect();

        Matcher first = serve(project);
        assertTrue(output().stream().anyMatch(l -> l.contains("no database at")), "should build: " + output());
        long quads = new Store(project.withDbRoot(dbRoot)).buildInfo().orElseThrow().count("quads");
        assertEquals(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(quads), first.group(1));
        String endpoint = first.group(2);

        HttpClient http = HttpClient.newHttpClient();
        String ask = endpoint + "?query=" + URLEncoder.encode(
                "ASK { GRAPH ?g { ?s a <https://w3id.org/alliance-kg/ontology#Article> } }", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ask))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("true"), r.body());

        process.destroy(); // SIGTERM
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        assertTrue(output().stream().anyMatch(l -> l.contains("stopping the server")), String.join("\n", output()));
        assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(URI.create(ask)).build(),
                HttpResponse.BodyHandlers.ofString()), "still answering after SIGTERM");

        serve(project);
        // the check runs once the server answers: wait for its verdict
        awaitLine(l -> l.contains("was built from the project's current input files"));
        assertFalse(output().stream().anyMatch(l -> l.contains("building") || l.contains("rebuilding")),
                "an up-to-date database must be served as is: " + output());
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    }

    /** Starts {@code serve --port 0} and waits for its "serving" line. */
    private Matcher serve(ProjectLayout project) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        log = Files.createTempFile(logs, "serve-", ".log");
        process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.alliancekg.cli.Main", "serve", "--port", "0", "--project", project.root().toString(),
                "--db", dbRoot.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Matcher m = SERVING.matcher(awaitLine(l -> SERVING.matcher(l).find()));
        assertTrue(m.find());
        return m;
    }

    /** Waits until the process has written a line that matches (it writes to a file: read as it grows). */
    private String awaitLine(Predicate<String> matches) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Optional<String> line = output().stream().filter(matches).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("serve exited with " + process.exitValue() + ":\n"
                        + String.join("\n", output()));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no such line within 120 s:\n" + String.join("\n", output()));
    }
}
