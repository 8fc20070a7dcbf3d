package org.alliancekg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.alliancekg.cli.ServerModules;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.testkit.ProjectFixture;
import org.junit.jupiter.api.Test;

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
                long expected = Files.readAllLines(cq.resolve(name + ".tsv")).stream()
                        .filter(l -> !l.isBlank()).count() - 1;
                assertEquals(expected, f.rows().get(name).longValue(), name);
            }
            assertTrue(f.p50Ms() > 0 && f.p50Ms() <= f.p99Ms(), f.toString());
            assertEquals(mix.names().size(), f.p50ByQueryMs().size());
            assertTrue(f.throughputRequests() > 0 && f.requestsPerSecond() > 0, f.toString());
        } finally {
            server.stop();
        }
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
