package org.alliancekg.store;

import java.time.Instant;
import java.util.Map;

/**
 * What {@code build.json} in a database directory records: the SHA-256 of the inputs it was built from, when,
 * and counts (quads, graphs, articles, entities, claims, mentions).
 */
public record BuildInfo(String inputHash, Instant builtAt, Map<String, Long> counts) {

    /** Checks the hash and copies the counts. */
    public BuildInfo {
        if (inputHash == null || !inputHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("input hash must be 64 lower-case hex digits: " + inputHash);
        }
        if (builtAt == null) {
            throw new IllegalArgumentException("builtAt required");
        }
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }

    /** One count, 0 when absent. */
    public long count(String name) {
        return counts.getOrDefault(name, 0L);
    }
}
