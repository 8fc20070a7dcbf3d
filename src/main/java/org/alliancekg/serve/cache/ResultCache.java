package org.alliancekg.serve.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Answers to SPARQL requests kept in memory, least recently used first out, bounded in bytes. Each answer is
 * stored with the version of the data it was computed from; when the data version changes (a build swapped in a
 * new database, an ingest committed a write) every entry is dropped at the next lookup.
 *
 * <pre>{@code
 * ResultCache cache = new ResultCache(64 << 20, 4 << 20, () -> currentDataVersion());
 * Object v = cache.version();
 * ResultCache.Answer a = cache.get(key, v);
 * }</pre>
 */
public final class ResultCache {

    /** A stored answer: status, headers (name, value pairs) and body. */
    public record Answer(int status, List<String[]> headers, byte[] body) {
        /** Bytes the answer takes, roughly. */
        long weight() {
            long w = body.length + 64;
            for (String[] h : headers) {
                w += h[0].length() + h[1].length() + 16;
            }
            return w;
        }
    }

    private record Entry(Answer answer, long weight) {
    }

    private final long maxBytes;
    private final int maxEntryBytes;
    private final Supplier<Object> versions;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private Object storedVersion;
    private long bytes;

    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong bypasses = new AtomicLong();
    private final AtomicLong invalidations = new AtomicLong();

    /**
     * @param maxBytes      bound on the bytes of all entries
     * @param maxEntryBytes the largest answer body kept
     * @param versions      the current data version; null means the data is changing now (nothing is cached)
     */
    public ResultCache(long maxBytes, int maxEntryBytes, Supplier<Object> versions) {
        if (maxBytes <= 0 || maxEntryBytes <= 0) {
            throw new IllegalArgumentException("cache sizes must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxEntryBytes = maxEntryBytes;
        this.versions = Objects.requireNonNull(versions, "versions");
    }

    /** The current data version, or null while the data is changing. */
    public Object version() {
        return versions.get();
    }

    /** The largest body kept. */
    public int maxEntryBytes() {
        return maxEntryBytes;
    }

    /** The answer stored for the key at this data version; a changed version empties the cache first. */
    public synchronized Answer get(String key, Object version) {
        if (version == null) {
            bypasses.incrementAndGet();
            return null;
        }
        checkVersion(version);
        Entry e = entries.get(key);
        if (e == null) {
            misses.incrementAndGet();
            return null;
        }
        hits.incrementAndGet();
        return e.answer();
    }

    /**
     * Stores an answer computed at {@code version}, unless the data version is another one now (the answer may
     * predate or straddle a change) or the answer is too large.
     */
    public synchronized void put(String key, Object version, Answer answer) {
        Object now = versions.get();
        if (version == null || !version.equals(now) || answer.body().length > maxEntryBytes) {
            return;
        }
        checkVersion(version);
        long w = answer.weight() + key.length();
        Entry old = entries.put(key, new Entry(answer, w));
        bytes += w - (old == null ? 0 : old.weight());
        var it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            Map.Entry<String, Entry> eldest = it.next();
            bytes -= eldest.getValue().weight();
            it.remove();
        }
    }

    /** Drops every entry. */
    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    private void checkVersion(Object version) {
        if (!version.equals(storedVersion)) {
            if (!entries.isEmpty()) {
                invalidations.incrementAndGet();
            }
            clear();
            storedVersion = version;
        }
    }

    /** Counts since the cache was made. */
    public record Stats(long hits, long misses, long bypasses, long invalidations, int entries, long bytes) {
    }

    /** The counts now. */
    public synchronized Stats stats() {
        return new Stats(hits.get(), misses.get(), bypasses.get(), invalidations.get(), entries.size(), bytes);
    }

    /** Counts a request that could not use the cache (not a cacheable request, or the data was changing). */
    void bypassed() {
        bypasses.incrementAndGet();
    }
}
