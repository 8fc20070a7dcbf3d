package org.alliancekg.build;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Time spent in each phase of a build, summed over the threads that ran it (so with two extraction threads the
 * extraction phases may add up to more than the wall time), and the wall time of the whole build. Safe to update
 * from several threads.
 *
 * <pre>{@code
 * BuildTimings t = new BuildTimings();
 * List<Sentence> s = t.time(BuildTimings.Phase.SENTENCES, () -> splitter.split(body));
 * t.seconds(); // {read=0.41, sentences=1.2, ...}
 * }</pre>
 */
public final class BuildTimings {

    /** The phases of a build. */
    public enum Phase {
        /** Listing, reading and parsing the input files (articles, claims, entities, ontology, input hash). */
        READ,
        /** Splitting article bodies into sentences. */
        SENTENCES,
        /** Matching catalogue names in the bodies. */
        MENTIONS,
        /** Checking claims (subjects, objects, quotes) and adding them to the graph. */
        CLAIMS,
        /** Building the rest of the article graphs (metadata, mention nodes). */
        RDF,
        /** Suggesting claims from the sentences and mentions (graphs of suggestions). */
        SUGGESTIONS,
        /** Handing quads to the TDB2 loader and waiting for it to finish its indexes. */
        STORE,
        /** SHACL shapes and check queries. */
        SHACL,
        /** Writing the TriG and N-Quads dumps. */
        DUMPS;

        /** Lower-case name, as in the figures. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Phase, LongAdder> nanos = new EnumMap<>(Phase.class);
    private volatile long wallNanos;

    /** Empty timings. */
    public BuildTimings() {
        for (Phase p : Phase.values()) {
            nanos.put(p, new LongAdder());
        }
    }

    /** Adds time to a phase. */
    public void add(Phase phase, long elapsedNanos) {
        nanos.get(phase).add(elapsedNanos);
    }

    /** Runs {@code work}, adding its time to the phase, and returns its result. */
    public <T> T time(Phase phase, Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(phase, System.nanoTime() - t0);
        }
    }

    /** Runs {@code work}, adding its time to the phase. */
    public void run(Phase phase, Runnable work) {
        long t0 = System.nanoTime();
        try {
            work.run();
        } finally {
            add(phase, System.nanoTime() - t0);
        }
    }

    /** Nanoseconds spent in a phase (summed over threads). */
    public long nanos(Phase phase) {
        return nanos.get(phase).sum();
    }

    /** Sets the wall time of the whole build. */
    void wall(long elapsedNanos) {
        this.wallNanos = elapsedNanos;
    }

    /** Wall time of the whole build in nanoseconds (0 until the build ends). */
    public long wallNanos() {
        return wallNanos;
    }

    /** Seconds per phase, in phase order, keyed by {@link Phase#key()}. */
    public Map<String, Double> seconds() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            out.put(p.key(), nanos(p) / 1e9);
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        seconds().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k)
                .append(String.format(Locale.ROOT, " %.2fs", v)));
        return sb.append(String.format(Locale.ROOT, "; wall %.2fs", wallNanos / 1e9)).toString();
    }
}
