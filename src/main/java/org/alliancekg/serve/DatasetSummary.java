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
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

/**
 * What a served dataset holds, counted by live SPARQL queries in one read transaction: statements in the named
 * graphs, distinct triples of the default graph (the union of the named graphs when the dataset is configured so),
 * statements per named graph and distinct instances per class.
 *
 * <pre>{@code
 * DatasetSummary summary = DatasetSummary.of(server.dataset());
 * log.info("serving {} triples", summary.quads());
 * }</pre>
 *
 * @param quads           statements over all named graphs (a triple in two graphs counts twice)
 * @param defaultTriples  distinct triples a query without {@code GRAPH} sees
 * @param graphs          statements per named graph, ordered by graph IRI
 * @param classes         distinct instances per class in the default graph, largest first, then by class IRI
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

    static final String GRAPHS_QUERY =
            "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";
    static final String DEFAULT_TRIPLES_QUERY =
            "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";
    static final String CLASSES_QUERY =
            "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class";

    public DatasetSummary {
        graphs = List.copyOf(graphs);
        classes = List.copyOf(classes);
    }

    /** Counts what {@code dataset} holds, in one read transaction. */
    public static DatasetSummary of(DatasetGraph dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return Txn.calculateRead(dataset, () -> {
            List<GraphCount> graphs = new ArrayList<>();
            long quads = 0;
            for (Binding row : select(dataset, GRAPHS_QUERY)) {
                long n = count(row, "n");
                graphs.add(new GraphCount(row.get("g"), n));
                quads += n;
            }
            long defaultTriples = count(select(dataset, DEFAULT_TRIPLES_QUERY).get(0), "n");
            List<ClassCount> classes = new ArrayList<>();
            for (Binding row : select(dataset, CLASSES_QUERY)) {
                classes.add(new ClassCount(row.get("class"), count(row, "n")));
            }
            return new DatasetSummary(quads, defaultTriples, graphs, classes);
        });
    }

    /**
     * The summary of counts already made ({@link CachedStatistics}): the same figures as {@link #of(DatasetGraph)}
     * for a dataset whose default graph is the union of its named graphs, without counting again.
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

    private static List<Binding> select(DatasetGraph dataset, String queryString) {
        Query query = QueryFactory.create(queryString);
        try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
            RowSet rows = exec.select();
            List<Binding> result = new ArrayList<>();
            rows.forEachRemaining(result::add);
            return result;
        }
    }

    private static long count(Binding row, String var) {
        Node n = row.get(var);
        return ((Number) n.getLiteralValue()).longValue();
    }
}
