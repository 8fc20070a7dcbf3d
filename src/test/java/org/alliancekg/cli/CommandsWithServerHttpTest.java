package org.alliancekg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancekg.serve.guard.PasswordFile;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.ingest.TestProjects;
import org.alliancekg.store.ServerStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands as a user meets them, each run as a child process ({@code java ... Main ARGS}) against a real
 * {@code serve} (also a child process, on a free port) on the same project: read commands answer what the server
 * serves, a build is served at once, an ingest after that build shows on the live server, the client's password has
 * its own option (the old one still works, saying it is deprecated), and mistakes get one line, no stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsWithServerHttpTest {

    private static final Pattern START = Pattern.compile(
            "serving [0-9,]+ triples: home page (http://localhost:(\\d+)/), SPARQL (http://localhost:\\d+/kg/sparql); "
                    + "Ctrl-C stops");
    private static final String LABEL_QUERY = "SELECT ?l WHERE { <https://w3id.org/alliance-kg/id/state/japan> "
            + "<http://www.w3.org/2000/01/rdf-schema#label> ?l }";

    private Path tmp;
    private Path project;
    private Path db;
    private Path serveLog;
    private Process serve;
    private String home;
    private String sparql;
    private Path passwords;
    private final HttpClient http = HttpClient.newHttpClient();

    /** What a child command printed and returned. */
    record Run(int status, String out, String err) {
        void assertOneLineError(String expected) {
            String text = err.strip();
            assertEquals(1, text.lines().count(), "one line: " + err);
            assertTrue(text.contains(expected), "expected '" + expected + "' in: " + err);
            assertFalse(text.contains("\tat ") || text.contains("Exception"), "no stack trace: " + err);
        }
    }

    @BeforeAll
    void startServer(@TempDir Path dir) throws Exception {
        tmp = dir;
        project = TestProjects.copy("fixtures/mini", tmp.resolve("p"));
        Path config = ProjectLayout.detect().fusekiConfig();
        Files.createDirectories(project.resolve("fuseki-config"));
        Files.copy(config, project.resolve("fuseki-config").resolve(config.getFileName()));
        db = tmp.resolve("db");
        passwords = tmp.resolve("users");
        PasswordFile.setPassword(passwords, "alice", "s3cret".toCharArray());
        serveLog = tmp.resolve("serve.log");
        // the server logs as the jar does (src/main/resources/logback.xml), not as the tests do
        serve = child("-Dlogback.configurationFile=logback.xml", "serve", "--port", "0",
                "--password-file", passwords.toString(), "--project",
                project.toString(), "--db", db.toString()).redirectErrorStream(true)
                .redirectOutput(serveLog.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (home == null) {
            for (String line : Files.readAllLines(serveLog)) {
                Matcher m = START.matcher(line);
                if (m.find()) {
                    home = m.group(1);
                    sparql = m.group(3);
                }
            }
            if (!serve.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("serve did not start:\n" + Files.readString(serveLog));
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    void stopServer() throws Exception {
        if (serve != null) {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
            serve.destroyForcibly();
        }
    }

    /** {@code java -cp CLASSPATH [-Dproperty=value...] Main ARGS}. */
    private static ProcessBuilder child(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty() && rest.get(0).startsWith("-D")) {
            cmd.add(rest.remove(0));
        }
        cmd.add(Main.class.getName());
        cmd.addAll(rest);
        return new ProcessBuilder(cmd);
    }

    /** Runs {@code alliance-kg ARGS --project P --db D} in a child process. */
    private Run run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project", project.toString(), "--db", db.toString()));
        return runExactly(all.toArray(String[]::new));
    }

    private Run runExactly(String... args) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = child(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "command did not end: " + List.of(args));
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private String served(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sparql + "?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    @Order(1)
    void startsWithOneLineNamingTheHomePageTheSparqlUrlAndHowToStop() throws Exception {
        List<String> lines = Files.readAllLines(serveLog);
        assertEquals(1, lines.stream().filter(l -> START.matcher(l).find()).count(), String.join("\n", lines));
        assertFalse(lines.stream().anyMatch(l -> l.contains("Start Fuseki")), "one start line: " + lines);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(home)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        served("ASK {}");
        Thread.sleep(1000);
        int before = Files.readAllLines(serveLog).size();
        for (int i = 0; i < 3; i++) {
            served("SELECT * { ?s ?p ?o } LIMIT " + (i + 1));
        }
        // one access-log line per request, nothing else
        long deadline = System.currentTimeMillis() + 5_000;
        while (Files.readAllLines(serveLog).size() < before + 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        List<String> added = Files.readAllLines(serveLog);
        added = added.subList(before, added.size());
        assertEquals(3, added.size(), String.join("\n", added));
        assertTrue(added.stream().allMatch(l -> l.contains("akg.access") && l.contains("path=/kg/sparql")),
                String.join("\n", added));
    }

    @Test
    @Order(2)
    void queryAndExportGoThroughTheRunningServer() throws Exception {
        Path q = tmp.resolve("label.rq");
        Files.writeString(q, LABEL_QUERY);
        Run query = run("query", q.toString(), "--format", "csv");
        assertEquals(0, query.status(), query.err());
        assertEquals(served(LABEL_QUERY).replace("\r", ""), query.out().replace("\r", ""));
        assertFalse(query.err().contains("Exception"), query.err());

        Run export = run("export", "--format", "nq");
        assertEquals(0, export.status(), export.err());
        HttpResponse<String> byServer = http.send(HttpRequest.newBuilder(URI.create(home + "export/graph.nq")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, byServer.statusCode());
        assertEquals(new java.util.TreeSet<>(byServer.body().lines().toList()),
                new java.util.TreeSet<>(export.out().lines().toList()), "the command exports what the server serves");
        String count = served("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }").lines().skip(1).findFirst()
                .orElseThrow().strip();
        assertTrue(export.err().contains("read " + count + " quads from the running server"), export.err());
    }

    @Test
    @Order(3)
    void aBuildIsServedAtOnceAndAnIngestAfterItShowsOnTheLiveServer() throws Exception {
        String oldDb = ServerStatus.running(ProjectLayout.of(project).withDbRoot(db)).orElseThrow().database();
        Path states = project.resolve("data/entities/states.yaml");
        Files.writeString(states, Files.readString(states).replace("label: Japan", "label: Japan (rebuilt)"));
        Run build = run("build");
        assertEquals(0, build.status(), build.err());
        assertTrue(build.out().contains("now serves it"), build.out());
        assertTrue(served(LABEL_QUERY).contains("Japan (rebuilt)"), "the server serves the new build");
        String newDb = ServerStatus.running(ProjectLayout.of(project).withDbRoot(db)).orElseThrow().database();
        assertFalse(oldDb.equals(newDb), "server.json names the new database");
        long deadline = System.currentTimeMillis() + 10_000;
        while (Files.exists(Path.of(oldDb)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(Files.exists(Path.of(oldDb)), "the replaced database is closed and deleted");

        Path article = tmp.resolve("t2-second-article.md");
        Files.writeString(article, """
                ---
                title: "A second test article"
                authors: []
                date: "2022-02"
                ---
                North Korea poses a threat to Japan, the ministers said again in February.
                """);
        Path client = tmp.resolve("client-password");
        Files.writeString(client, "s3cret\n");
        Run ingest = run("ingest", article.toString(), "--user", "alice", "--client-password-file", client.toString());
        assertEquals(0, ingest.status(), ingest.err());
        assertTrue(ingest.out().contains("answered 201"), ingest.out());
        assertTrue(served("ASK { GRAPH <https://w3id.org/alliance-kg/graph/article/t2-second-article> { ?s ?p ?o } }")
                .contains("true"), "the live server shows the ingested article");
    }

    @Test
    @Order(4)
    void theOldClientPasswordOptionStillWorksAndSaysItIsDeprecated() throws Exception {
        Path article = tmp.resolve("t3-third-article.md");
        Files.writeString(article, """
                ---
                title: "A third test article"
                authors: []
                date: "2022-03"
                ---
                Japan and the United States met again in March.
                """);
        Path client = tmp.resolve("client-password-old");
        Files.writeString(client, "s3cret\n");
        Run ingest = run("ingest", article.toString(), "--user", "alice", "--password-file", client.toString());
        assertEquals(0, ingest.status(), ingest.err());
        ingest.assertOneLineError("--password-file is deprecated");
        assertTrue(ingest.err().contains("--client-password-file"), ingest.err());
    }

    @Test
    @Order(5)
    void mistakesGetOneLineAndTheRightExitStatus() throws Exception {
        // the server's hashed password file given as the client's password
        Path article = tmp.resolve("t4-fourth-article.md");
        Files.writeString(article, "---\ntitle: \"Four\"\nauthors: []\ndate: \"2022\"\n---\nJapan.\n");
        Run hashed = run("ingest", article.toString(), "--user", "alice", "--client-password-file",
                passwords.toString());
        assertEquals(Main.EXIT_INPUT, hashed.status());
        hashed.assertOneLineError("is a server password file");

        Run missing = runExactly("query");
        assertEquals(Main.EXIT_USAGE, missing.status());
        missing.assertOneLineError("alliance-kg query: Missing required parameter");

        Run badOption = run("export", "--format", "nq", "--no-such-option");
        assertEquals(Main.EXIT_USAGE, badOption.status());
        badOption.assertOneLineError("Unknown option: '--no-such-option'");

        Path broken = tmp.resolve("broken.rq");
        Files.writeString(broken, "SELECT * WHERE {");
        Run syntax = run("query", broken.toString());
        assertEquals(Main.EXIT_INPUT, syntax.status());
        syntax.assertOneLineError("broken.rq");

        Run noFile = run("query", tmp.resolve("absent.rq").toString());
        assertEquals(Main.EXIT_INPUT, noFile.status());
        noFile.assertOneLineError("absent.rq");
    }

    @Test
    @Order(6)
    void aSecondServeOnTheSameDatabaseNeitherBuildsNorSwitches() throws Exception {
        Path states = project.resolve("data/entities/states.yaml");
        Files.writeString(states, Files.readString(states).replace("label: North Korea", "label: DPRK"));
        Path current = db.resolve("current");
        Path before = Files.readSymbolicLink(current);
        Run second = run("serve", "--port", "0");
        assertEquals(Main.EXIT_INPUT, second.status(), second.err());
        second.assertOneLineError("serve: a server (process " + serve.pid() + ") already serves this database");
        assertEquals(before, Files.readSymbolicLink(current), "db/current not switched");
    }
}
