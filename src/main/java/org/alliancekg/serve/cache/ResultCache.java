package org.alliancekg.serve.cache;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers to SPARQL requests kept in memory (a Caffeine cache bounded by weight, the bytes of the answers). Each
 * answer is stored with the version of the data it was computed from; when the data version changes (a build
 * swapped in a new database, an ingest committed a write) every entry is dropped at the next lookup.
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

    private final int maxEntryBytes;
    private final Supplier<Object> versions;
    private final Cache<String, Answer> entries;
    private Object storedVersion;

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
        this.maxEntryBytes = maxEntryBytes;
        this.versions = Objects.requireNonNull(versions, "versions");
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Answer a) -> (int) Math.min(Integer.MAX_VALUE, a.weight() + key.length()))
                .executor(Runnable::run)
                .build();
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
    public Answer get(String key, Object version) {
        if (version == null) {
            bypasses.incrementAndGet();
            return null;
        }
        checkVersion(version);
        Answer a = entries.getIfPresent(key);
        (a == null ? misses : hits).incrementAndGet();
        return a;
    }

    /**
     * Stores an answer computed at {@code version}, unless the data version is another one now (the answer may
     * predate or straddle a change) or the answer is too large.
     */
    public void put(String key, Object version, Answer answer) {
        Object now = versions.get();
        if (version == null || !version.equals(now) || answer.body().length > maxEntryBytes) {
            return;
        }
        synchronized (this) {
            checkVersion(version);
            entries.put(key, answer);
        }
    }

    /** Drops every entry. */
    public void clear() {
        entries.invalidateAll();
        entries.cleanUp();
    }

    private synchronized void checkVersion(Object version) {
        if (!version.equals(storedVersion)) {
            if (entries.estimatedSize() > 0) {
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
        entries.cleanUp();
        long bytes = entries.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        return new Stats(hits.get(), misses.get(), bypasses.get(), invalidations.get(),
                (int) entries.estimatedSize(), bytes);
    }

    /** Counts a request that could not use the cache (not a cacheable request, or the data was changing). */
    void bypassed() {
        bypasses.incrementAndGet();
    }
}
