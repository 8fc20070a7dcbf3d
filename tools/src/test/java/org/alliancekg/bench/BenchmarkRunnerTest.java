package org.alliancekg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class BenchmarkRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void geometricMeanRatioWeighsEveryQueryAlikeAndSkipsWhatOneSideLacks() {
        ObjectNode ours = JSON.createObjectNode().put("P01", 2.0).put("P02", 50.0).put("P03", 7.0).put("P04", 0.0);
        ObjectNode stock = JSON.createObjectNode().put("P01", 1.0).put("P02", 100.0).put("P04", 3.0);
        // P01 twice as slow, P02 twice as fast: even; P03 missing on one side, P04 not measured on ours
        assertEquals(1.0, BenchmarkRunner.geometricMeanRatio(ours, stock).orElseThrow(), 1e-9);
        ObjectNode slower = JSON.createObjectNode().put("P01", 4.0).put("P02", 400.0);
        assertEquals(4.0, BenchmarkRunner.geometricMeanRatio(slower, stock).orElseThrow(), 1e-9);
        assertFalse(BenchmarkRunner.geometricMeanRatio(JSON.createObjectNode(), stock).isPresent());
    }

    @Test
    void jenaVersionComesFromItsMavenMetadata() {
        String v = BenchmarkRunner.jenaVersion();
        assertTrue(v.matches("\\d+\\.\\d+\\.\\d+.*"), v);
    }
}
