package org.alliancekg.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * The {@link DatasetStatistics} of the served dataset, counted on first use and kept until the data changes: a
 * committed write (an ingest) or another database behind the service (a rebuild) moves the TDB2 data version, and
 * the next caller starts a new count. A dataset that is not TDB2 has no data version and is counted once.
 *
 * <p>Counting reads every quad index and decodes each distinct subject (some four minutes at 100,000 articles, a
 * second at 10,000 quads), so it runs on a thread of its own and pages wait for it only so long
 * ({@link #await(Duration)}): a page that asks too early says the counts are coming. While a new count runs after a
 * change, {@code await} answers the last counts made.
 */
public final class CachedStatistics implements Supplier<DatasetStatistics> {

    /** How long a page waits for a count before it answers without one. */
    public static final Duration PAGE_WAIT = Duration.ofSeconds(5);

    private record Counting(Object version, CompletableFuture<DatasetStatistics> counts) {
    }

    private final Supplier<DatasetGraph> dataset;
    private Counting current;
    private DatasetStatistics last;

    /** @param dataset the served dataset (asked on every call: a rebuild may put another one in its place) */
    public CachedStatistics(Supplier<DatasetGraph> dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /** The counts of the data as it is now, waiting for them however long counting takes. */
    @Override
    public DatasetStatistics get() {
        try {
            return counting().get();
        } catch (InterruptedException | ExecutionException e) {
            throw failed(e);
        }
    }

    /**
     * The counts of the data as it is now if they are ready within {@code wait}, else the last counts made (before
     * the latest change), else empty: counting goes on and a later call finds it done.
     */
    public Optional<DatasetStatistics> await(Duration wait) {
        try {
            return Optional.of(counting().get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            synchronized (this) {
                return Optional.ofNullable(last);
            }
        } catch (InterruptedException | ExecutionException e) {
            throw failed(e);
        }
    }

    private synchronized CompletableFuture<DatasetStatistics> counting() {
        DatasetGraph dsg = dataset.get();
        Object version = Store.dataVersion(dsg).orElse(null);
        Counting c = current;
        if (c != null && !c.counts().isCompletedExceptionally()
                && (version == null || version.equals(c.version()))) {
            return c.counts();
        }
        CompletableFuture<DatasetStatistics> counts = new CompletableFuture<>();
        Thread counter = new Thread(() -> {
            try {
                DatasetStatistics s = Txn.calculateRead(dsg, () -> DatasetStatistics.of(dsg));
                synchronized (this) {
                    last = s;
                }
                counts.complete(s);
            } catch (RuntimeException | Error e) {
                counts.completeExceptionally(e);
            }
        }, "akg-statistics");
        counter.setDaemon(true);
        counter.start();
        current = new Counting(version, counts);
        return counts;
    }

    private static RuntimeException failed(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted while counting the dataset", e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException("counting the dataset failed", cause);
    }
}
