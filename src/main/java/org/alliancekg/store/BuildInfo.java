package org.alliancekg.store;

import java.time.Instant;
import java.util.Map;

/**
 * What {@code build.json} in a database directory records: the SHA-256 of the inputs it was built from, when,
 * counts (quads, graphs, articles, entities, claims, mentions), and the {@link InputHash#stamp stamp} of the input
 * files taken before they were read (null in older builds).
 */
public record BuildInfo(String inputHash, Instant builtAt, Map<String, Long> counts, String inputStamp) {

    /** Without a stamp. */
    public BuildInfo(String inputHash, Instant builtAt, Map<String, Long> counts) {
        this(inputHash, builtAt, counts, null);
    }

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
