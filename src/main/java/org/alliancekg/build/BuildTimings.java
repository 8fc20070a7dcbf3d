package org.alliancekg.build;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.alliancekg.extract.ArticleExtractor;

/**
 * Time spent in each phase of a build, summed over the threads that ran it (so with two extraction threads the
 * extraction phases may add up to more than the wall time): elapsed time, and CPU time of those threads (which,
 * unlike elapsed time, does not grow when other processes compete for the cores); and the wall time of the whole
 * build. Safe to update from several threads.
 *
 * <pre>{@code
 * BuildTimings t = new BuildTimings();
 * List<Sentence> s = t.time(BuildTimings.Phase.SENTENCES, () -> splitter.split(body));
 * BuildTimings.Mark m = BuildTimings.mark();
 * work();
 * m = t.lap(BuildTimings.Phase.RDF, m);   // adds the time since the mark, returns a new mark
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

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private final Map<Phase, LongAdder> nanos = new EnumMap<>(Phase.class);
    private final Map<Phase, LongAdder> cpuNanos = new EnumMap<>(Phase.class);
    private volatile long wallNanos;

    /** Empty timings. */
    public BuildTimings() {
        for (Phase p : Phase.values()) {
            nanos.put(p, new LongAdder());
            cpuNanos.put(p, new LongAdder());
        }
    }

    /** A point in time on the current thread: elapsed and CPU nanoseconds. */
    public record Mark(long wall, long cpu) {
    }

    /** Now, on the current thread. */
    public static Mark mark() {
        return new Mark(System.nanoTime(), CPU ? THREADS.getCurrentThreadCpuTime() : 0);
    }

    /**
     * Times the steps of one article's extraction from now, on the current thread: sentences, mentions and
     * suggestions (with dates) each to its phase.
     */
    public ArticleExtractor.Laps extractionLaps() {
        Mark[] since = {mark()};
        return step -> since[0] = lap(switch (step) {
            case SENTENCES -> Phase.SENTENCES;
            case MENTIONS -> Phase.MENTIONS;
            case SUGGESTIONS -> Phase.SUGGESTIONS;
        }, since[0]);
    }

    /** Adds the time since {@code since} (taken on this thread) to the phase; returns the mark of now. */
    public Mark lap(Phase phase, Mark since) {
        Mark now = mark();
        nanos.get(phase).add(now.wall() - since.wall());
        cpuNanos.get(phase).add(now.cpu() - since.cpu());
        return now;
    }

    /** Runs {@code work}, adding its time to the phase, and returns its result. */
    public <T> T time(Phase phase, Supplier<T> work) {
        Mark t0 = mark();
        try {
            return work.get();
        } finally {
            lap(phase, t0);
        }
    }

    /** Runs {@code work}, adding its time to the phase. */
    public void run(Phase phase, Runnable work) {
        Mark t0 = mark();
        try {
            work.run();
        } finally {
            lap(phase, t0);
        }
    }

    /** Nanoseconds spent in a phase (summed over threads). */
    public long nanos(Phase phase) {
        return nanos.get(phase).sum();
    }

    /** CPU nanoseconds of the threads while in a phase (0 where the JVM cannot tell). */
    public long cpuNanos(Phase phase) {
        return cpuNanos.get(phase).sum();
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

    /** CPU seconds per phase, in phase order, keyed by {@link Phase#key()}. */
    public Map<String, Double> cpuSeconds() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            out.put(p.key(), cpuNanos(p) / 1e9);
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Phase p : Phase.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.key())
                    .append(String.format(Locale.ROOT, " %.2fs (cpu %.2fs)", nanos(p) / 1e9, cpuNanos(p) / 1e9));
        }
        return sb.append(String.format(Locale.ROOT, "; wall %.2fs", wallNanos / 1e9)).toString();
    }
}
