package org.alliancekg.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.alliancekg.cli.ServerModules;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.testkit.ProjectFixture;
import org.alliancekg.tools.ToolsMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The load test against the project's graph, built into a temporary folder and served with every default module:
 * a few seconds with 4 clients give no error and no wrong answer; a mix with a wrong expected result is caught.
 */
class LoadTestHttpTest {

    @TempDir
    static Path dir;

    static ProjectLayout project;
    static KgServer server;

    @BeforeAll
    static void buildAndServe() {
        project = ProjectLayout.detect();
        server = ProjectFixture.serve(ServerModules.defaults());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void fourClientsForAFewSecondsGetOnlyRightAnswers() throws Exception {
        LoadTest test = LoadTest.builder().endpoint(URI.create(server.sparqlUrl())).mix(project.queriesDir())
                .clients(4).duration(Duration.ofSeconds(4)).build();
        assertTrue(test.mix().size() >= 10, "the mix is queries/cq: " + test.mix().size());
        LoadTest.Report r = test.run();
        System.out.print(r.summary());
        assertEquals(0, r.errors(), r.summary());
        assertEquals(0, r.wrongAnswers(), r.summary());
        assertTrue(r.requests() >= test.mix().size(), r.summary());
        assertTrue(r.p50Ms() <= r.p95Ms() && r.p95Ms() <= r.p99Ms() && r.p99Ms() <= r.maxMs(), r.summary());
    }

    @Test
    void commandPrintsTheFiguresAndExitsZero() {
        StringWriter out = new StringWriter();
        CommandLine cl = ToolsMain.commandLine();
        cl.setOut(new PrintWriter(out));
        int status = cl.execute("loadtest", "--clients", "2", "--seconds", "1", "--mix",
                project.queriesDir().toString(), "--url", server.sparqlUrl());
        assertEquals(0, status, out.toString());
        assertTrue(out.toString().contains("errors: 0  wrong answers: 0"), out.toString());
        assertTrue(out.toString().matches("(?s).*latency ms: p50 [0-9.]+  p95 [0-9.]+  p99 [0-9.]+.*"), out.toString());
    }

    @Test
    void wrongExpectedResultIsCountedAsAWrongAnswer() throws Exception {
        Path mix = Files.createDirectories(dir.resolve("mix"));
        Path cq = project.queriesDir().resolve("cq");
        Path query;
        try (Stream<Path> s = Files.list(cq)) {
            query = s.filter(p -> p.toString().endsWith(".rq")).sorted().findFirst().orElseThrow();
        }
        Files.copy(query, mix.resolve("q.rq"));
        List<String> tsv = Files.readAllLines(cq.resolve(query.getFileName().toString().replace(".rq", ".tsv")));
        Files.write(mix.resolve("q.tsv"), tsv.subList(0, Math.max(1, tsv.size() - 1)));
        LoadTest.Report r = LoadTest.builder().endpoint(URI.create(server.sparqlUrl())).mix(mix).clients(1)
                .duration(Duration.ofMillis(500)).build().run();
        assertEquals(0, r.errors(), r.summary());
        assertEquals(r.requests(), r.wrongAnswers(), r.summary());
        assertTrue(r.firstProblems().get("q.rq").startsWith("wrong answer: extra rows: 1"), r.summary());
    }

    @Test
    void onlyLoopbackEndpointsAndCompleteMixesAreAccepted(@TempDir Path empty) {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoadTest.builder()
                .endpoint(URI.create("http://192.0.2.1:3030/kg/sparql")).mix(project.queriesDir()).build())
                .getMessage().contains("loopback"));
        assertThrows(IllegalArgumentException.class, () -> LoadTest.builder().mix(empty).build());
        assertThrows(IllegalArgumentException.class, () -> LoadTest.builder().clients(0).mix(project.queriesDir())
                .build());
    }

    @Test
    void percentilesAreNearestRank() {
        long[] ms = new long[100];
        for (int i = 0; i < 100; i++) {
            ms[i] = (i + 1) * 1_000_000L;
        }
        assertEquals(50.0, LoadTest.percentile(ms, 50));
        assertEquals(95.0, LoadTest.percentile(ms, 95));
        assertEquals(99.0, LoadTest.percentile(ms, 99));
        assertEquals(0.0, LoadTest.percentile(new long[0], 99));
    }
}
