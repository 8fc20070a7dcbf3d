package org.alliancekg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.alliancekg.cli.ServerModules;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.testkit.ProjectFixture;
import org.alliancekg.tools.ToolsMain;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The benchmark's query mix against our server: every competency question answers its expected rows. */
class QueryMixTest {

    @Test
    void theMixAnswersTheExpectedRowsAndMeasures() throws Exception {
        ProjectLayout layout = ProjectFixture.layout();
        KgServer server = ProjectFixture.serve(ServerModules.defaults());
        try {
            Path cq = layout.queriesDir().resolve("cq");
            QueryMix mix = QueryMix.of(cq);
            QueryMix.Figures f = mix.run(server.sparqlUrl(), 2 * mix.names().size(), 2, Duration.ofSeconds(1),
                    Map.of());
            assertEquals(0, f.errors(), f.failures().toString());
            for (String name : mix.names()) {
                assertEquals(expectedRows(cq, name), f.rows().get(name).longValue(), name);
            }
            assertTrue(f.p50Ms() > 0 && f.p50Ms() <= f.p99Ms(), f.toString());
            assertEquals(mix.names().size(), f.p50ByQueryMs().size());
            assertTrue(f.throughputRequests() > 0 && f.requestsPerSecond() > 0, f.toString());
        } finally {
            server.stop();
        }
    }

    @Test
    void benchQueriesPrintsEachQuestionWithItsRowsAndFailsOnAnError() throws Exception {
        ProjectLayout layout = ProjectFixture.layout();
        KgServer server = ProjectFixture.serve(ServerModules.defaults());
        try {
            Path cq = layout.queriesDir().resolve("cq");
            StringWriter printed = new StringWriter();
            CommandLine cl = ToolsMain.commandLine();
            cl.setOut(new PrintWriter(printed, true));
            assertEquals(0, cl.execute("bench", "queries", "--url", server.sparqlUrl(), "--mix", cq.toString(),
                    "--requests", "15", "--clients", "2", "--throughput-seconds", "1", "--warmup-seconds", "0"));
            String out = printed.toString();
            assertTrue(out.contains("15 requests: p50 "), out);
            assertTrue(out.contains("0 errors"), out);
            for (String name : QueryMix.of(cq).names()) {
                long expected = expectedRows(cq, name);
                assertTrue(out.lines().anyMatch(l -> l.startsWith(name + " ") && l.endsWith("rows " + expected)),
                        name + " with " + expected + " rows in:\n" + out);
            }
            // a question the endpoint cannot answer makes the command fail, naming it
            Path bad = Files.createTempDirectory("mix");
            Files.writeString(bad.resolve("X01-broken.rq"), "SELECT * WHERE { ?s ?p }");
            StringWriter failed = new StringWriter();
            cl.setOut(new PrintWriter(failed, true));
            assertEquals(1, cl.execute("bench", "queries", "--url", server.sparqlUrl(), "--mix", bad.toString(),
                    "--requests", "1", "--clients", "1", "--throughput-seconds", "1", "--warmup-seconds", "0"));
            assertTrue(failed.toString().contains("X01-broken failed: "), failed.toString());
        } finally {
            server.stop();
        }
    }

    /** The rows of a question's expected answer: the lines of its .tsv but the header. */
    private static long expectedRows(Path cq, String name) throws java.io.IOException {
        return Files.readAllLines(cq.resolve(name + ".tsv")).stream().filter(l -> !l.isBlank()).count() - 1;
    }

    @Test
    void percentilesAreNearestRank() {
        double[] v = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
        assertEquals(5, QueryMix.percentile(v, 50));
        assertEquals(10, QueryMix.percentile(v, 99));
        assertEquals(1, QueryMix.percentile(v, 1));
        assertEquals(0, QueryMix.percentile(new double[0], 50));
    }
}
