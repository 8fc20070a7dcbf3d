package org.alliancekg.publish;

import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * The {@link DatasetStatistics} of the served dataset, counted once on first use and kept: the server serves one
 * database directory for its whole life (a rebuild swaps {@code current} for the next start), so the counts stay
 * those of the live data, without recounting a large graph on every VoID or service-description request.
 */
final class CachedStatistics implements Supplier<DatasetStatistics> {

    private final Supplier<DatasetGraph> dataset;
    private volatile DatasetStatistics value;

    CachedStatistics(Supplier<DatasetGraph> dataset) {
        this.dataset = dataset;
    }

    @Override
    public DatasetStatistics get() {
        DatasetStatistics v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    DatasetGraph dsg = dataset.get();
                    v = Txn.calculateRead(dsg, () -> DatasetStatistics.of(dsg));
                    value = v;
                }
            }
        }
        return v;
    }
}
