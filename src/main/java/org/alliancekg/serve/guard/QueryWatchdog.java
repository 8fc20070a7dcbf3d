package org.alliancekg.serve.guard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels queries that outlive their deadline, from a thread of its own: the backstop behind ARQ's own timeouts.
 *
 * <p>ARQ's timeouts are alarms that cancel the query's iterators, and a first-row timeout does not cover work
 * done after the first row; some operators have at times not checked for cancellation while they compute (sorting,
 * grouping, aggregates over large joins). The watchdog looks at every running query a few times a second and
 * calls {@link Abortable#abort()} on any that runs past its deadline (the query timeout plus a grace period),
 * logging a warning. A query that does not stop even then is reported once more, as a bug to look at: a Java
 * thread cannot be stopped from outside.
 *
 * <pre>{@code
 * QueryWatchdog watchdog = new QueryWatchdog(Duration.ofSeconds(1).toMillis());
 * QueryWatchdog.Ticket t = watchdog.track(queryExecution::abort, 10_000, "SELECT ...");
 * try { ... } finally { t.close(); }
 * }</pre>
 */
public final class QueryWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("akg.guard");

    /** Something that can be told to stop, e.g. {@code QueryExecution::abort}. */
    @FunctionalInterface
    public interface Abortable {
        void abort();
    }

    private final long graceMs;
    private final Map<Long, Ticket> running = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong aborts = new AtomicLong();
    private final ScheduledExecutorService timer;

    /**
     * A watchdog that checks every {@code periodMs} and aborts queries {@code graceMs} after their timeout.
     */
    public QueryWatchdog(long graceMs, long periodMs) {
        this.graceMs = graceMs;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "akg-query-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** A watchdog checking four times a second. */
    public QueryWatchdog(long graceMs) {
        this(graceMs, 250);
    }

    /** A running query under watch; {@link #close()} it when the query has finished. */
    public final class Ticket implements AutoCloseable {
        private final long id;
        private final Abortable target;
        private final long startNanos;
        private final long deadlineNanos;
        private final String description;
        private final AtomicBoolean aborted = new AtomicBoolean();
        private final AtomicBoolean reportedStuck = new AtomicBoolean();

        private Ticket(long id, Abortable target, long timeoutMs, String description) {
            this.id = id;
            this.target = target;
            this.startNanos = System.nanoTime();
            this.deadlineNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(timeoutMs + graceMs);
            this.description = description;
        }

        /** Whether the watchdog aborted this query. */
        public boolean aborted() {
            return aborted.get();
        }

        /** Milliseconds since the query started. */
        public long elapsedMs() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        }

        @Override
        public void close() {
            running.remove(id);
        }
    }

    /** Starts watching a query that must end within {@code timeoutMs} (plus the grace period). */
    public Ticket track(Abortable target, long timeoutMs, String description) {
        Ticket t = new Ticket(ids.incrementAndGet(), target, timeoutMs, description);
        running.put(t.id, t);
        return t;
    }

    /** How many queries are being watched now. */
    public int running() {
        return running.size();
    }

    /** How many queries the watchdog has aborted so far. */
    public long aborts() {
        return aborts.get();
    }

    /** Looks at every running query once; called by the timer. */
    void check() {
        long now = System.nanoTime();
        for (Ticket t : running.values()) {
            if (now - t.deadlineNanos < 0) {
                continue;
            }
            if (t.aborted.compareAndSet(false, true)) {
                aborts.incrementAndGet();
                LOG.warn("aborting a query still running {} ms after it started, past its timeout: {}", t.elapsedMs(),
                        t.description);
                try {
                    t.target.abort();
                } catch (RuntimeException e) {
                    LOG.warn("aborting the query failed: {}", e.toString());
                }
            } else if (now - t.deadlineNanos > TimeUnit.MILLISECONDS.toNanos(10 * Math.max(graceMs, 1000))
                    && t.reportedStuck.compareAndSet(false, true)) {
                LOG.warn("a query aborted by the watchdog is still running after {} ms and cannot be stopped: {}",
                        t.elapsedMs(), t.description);
            }
        }
    }

    /** Stops the watchdog's thread. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
