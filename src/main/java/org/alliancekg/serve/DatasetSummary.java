package org.alliancekg.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.alliancekg.store.CachedStatistics;
import org.alliancekg.store.DatasetStatistics;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * What a served dataset holds, as the home page shows it ({@link DatasetStatistics}): statements in the named
 * graphs, distinct triples of their union (what a query without {@code GRAPH} sees on the served dataset, whose
 * default graph is that union), statements per named graph and distinct instances per class.
 *
 * <pre>{@code
 * DatasetSummary summary = DatasetSummary.of(server.dataset());
 * log.info("serving {} triples", summary.quads());
 * }</pre>
 *
 * @param quads           statements over all named graphs (a triple in two graphs counts twice)
 * @param defaultTriples  distinct triples a query without {@code GRAPH} sees
 * @param graphs          statements per named graph, ordered by graph IRI
 * @param classes         distinct instances per class in the union, largest first, then by class IRI
 */
public record DatasetSummary(long quads, long defaultTriples, List<GraphCount> graphs, List<ClassCount> classes) {

    /** The number of statements in one named graph. */
    public record GraphCount(Node graph, long statements) {
        public GraphCount {
            Objects.requireNonNull(graph, "graph");
        }
    }

    /** The number of distinct instances of one class. */
    public record ClassCount(Node type, long instances) {
        public ClassCount {
            Objects.requireNonNull(type, "type");
        }
    }

    public DatasetSummary {
        graphs = List.copyOf(graphs);
        classes = List.copyOf(classes);
    }

    /**
     * Counts what {@code dataset} holds, in one read transaction, as {@link DatasetStatistics#of(DatasetGraph)} does
     * (from the quad indexes of a TDB2 database, else with SPARQL).
     */
    public static DatasetSummary of(DatasetGraph dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return of(Txn.calculateRead(dataset, () -> DatasetStatistics.of(dataset)));
    }

    /**
     * The summary of counts already made (for instance by {@link CachedStatistics}), without counting again.
     */
    public static DatasetSummary of(DatasetStatistics statistics) {
        List<GraphCount> graphs = new ArrayList<>();
        long quads = 0;
        for (Map.Entry<String, Long> e : statistics.graphTriples().entrySet()) {
            graphs.add(new GraphCount(NodeFactory.createURI(e.getKey()), e.getValue()));
            quads += e.getValue();
        }
        List<ClassCount> classes = new ArrayList<>();
        statistics.classEntities().forEach((type, n) -> classes.add(new ClassCount(NodeFactory.createURI(type), n)));
        classes.sort(Comparator.comparingLong(ClassCount::instances).reversed()
                .thenComparing(c -> c.type().getURI()));
        return new DatasetSummary(quads, statistics.triples(), graphs, classes);
    }
}
