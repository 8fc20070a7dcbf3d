package org.alliancekg.export;

import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One export: read the relation graph (all of it, or the subgraph a SPARQL CONSTRUCT query selects) and write it in
 * a format. Used by the {@code export} command and by {@code /export/graph.EXT}.
 *
 * <pre>{@code
 * RelationGraph written = GraphExporter.of(dataset)
 *         .construct(QueryFactory.create(text))   // optional
 *         .articles(false)
 *         .timeoutMs(10_000)
 *         .export(ExportFormat.GEXF, out);
 * }</pre>
 */
public final class GraphExporter {

    private static final Logger LOG = LoggerFactory.getLogger("akg.export");

    private final DatasetGraph dataset;
    private final Query construct;
    private final boolean articles;
    private final long timeoutMs;

    private GraphExporter(DatasetGraph dataset, Query construct, boolean articles, long timeoutMs) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.construct = construct;
        this.articles = articles;
        this.timeoutMs = timeoutMs;
    }

    /** An exporter of the whole graph of {@code dataset}, without articles, without timeout. */
    public static GraphExporter of(DatasetGraph dataset) {
        return new GraphExporter(dataset, null, false, 0);
    }

    /**
     * Selects the subgraph with a CONSTRUCT query (run with the union of the named graphs as default graph).
     *
     * @throws IllegalArgumentException if the query is not a CONSTRUCT query
     */
    public GraphExporter construct(Query query) {
        if (query != null && !query.isConstructType()) {
            throw new IllegalArgumentException("the subgraph query must be a CONSTRUCT query, not "
                    + query.queryType());
        }
        return new GraphExporter(dataset, query, articles, timeoutMs);
    }

    /** Whether articles are nodes (with their mentions, creators and publishers). */
    public GraphExporter articles(boolean include) {
        return new GraphExporter(dataset, construct, include, timeoutMs);
    }

    /** The timeout of the CONSTRUCT query in milliseconds; 0 for none. */
    public GraphExporter timeoutMs(long ms) {
        return new GraphExporter(dataset, construct, articles, ms);
    }

    /** The query selecting the subgraph, if any. */
    public Optional<Query> construct() {
        return Optional.ofNullable(construct);
    }

    /** Reads the graph this exporter selects. */
    public RelationGraph read() {
        GraphSelection selection = GraphSelection.all();
        if (construct != null) {
            Graph picked = RelationGraphReader.construct(dataset, construct, timeoutMs);
            selection = GraphSelection.triples(picked);
        }
        return RelationGraphReader.of(dataset).withArticles(articles).read(selection);
    }

    /** Reads the graph and writes it to {@code out} in {@code format}; returns the graph written. */
    public RelationGraph export(ExportFormat format, OutputStream out) {
        RelationGraph graph = read();
        format.writer(dataset).write(graph, out);
        LOG.debug("exported {} nodes, {} edges as {}{}", graph.nodes().size(), graph.edges().size(),
                format.extension(), construct != null ? " (CONSTRUCT subgraph)" : "");
        return graph;
    }
}
