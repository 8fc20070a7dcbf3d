package org.alliancekg.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * The graph every export writes: entities as {@link GraphNode nodes}, the vocabulary's relations between them as
 * {@link GraphEdge edges} carrying their evidence. Nodes are ordered by id, edges by id; every edge's ends are
 * nodes of the graph. Immutable.
 *
 * <p>Read one with {@link RelationGraphReader}; write it with the writers of {@link ExportFormat}.
 *
 * <pre>{@code
 * RelationGraph g = RelationGraphReader.of(dataset).read(GraphSelection.all());
 * g.nodes().size(); g.edges().size();
 * }</pre>
 */
public final class RelationGraph {

    private final List<GraphNode> nodes;
    private final List<GraphEdge> edges;
    private final Map<String, GraphNode> byId;
    private final boolean articles;

    /**
     * @param nodes    the nodes (any order; sorted by id here); ids must be distinct
     * @param edges    the edges (any order; sorted by id here); ids distinct, ends among the nodes
     * @param articles whether article nodes were asked for
     * @throws IllegalArgumentException on a duplicate id or an edge whose end is not a node
     */
    public RelationGraph(List<GraphNode> nodes, List<GraphEdge> edges, boolean articles) {
        List<GraphNode> n = new ArrayList<>(nodes);
        n.sort(Comparator.comparing(GraphNode::id));
        List<GraphEdge> e = new ArrayList<>(edges);
        e.sort(Comparator.comparing(GraphEdge::id));
        Map<String, GraphNode> index = new LinkedHashMap<>();
        for (GraphNode node : n) {
            if (index.put(node.id(), node) != null) {
                throw new IllegalArgumentException("duplicate node id " + node.id());
            }
        }
        for (int i = 0; i < e.size(); i++) {
            GraphEdge edge = e.get(i);
            if (i > 0 && e.get(i - 1).id().equals(edge.id())) {
                throw new IllegalArgumentException("duplicate edge id " + edge.id());
            }
            if (!index.containsKey(edge.source()) || !index.containsKey(edge.target())) {
                throw new IllegalArgumentException("edge " + edge.id() + " has an end that is not a node");
            }
        }
        this.nodes = List.copyOf(n);
        this.edges = List.copyOf(e);
        this.byId = Map.copyOf(index);
        this.articles = articles;
    }

    /** The nodes, ordered by id. */
    public List<GraphNode> nodes() {
        return nodes;
    }

    /** The edges, ordered by id. */
    public List<GraphEdge> edges() {
        return edges;
    }

    /** Whether article nodes (and their {@code akg:mentions}, creator and publisher edges) were asked for. */
    public boolean includesArticles() {
        return articles;
    }

    /** The node with this id. */
    public Optional<GraphNode> node(String id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    /** The node with this id; fails if there is none. */
    public GraphNode requireNode(String id) {
        GraphNode n = byId.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return n;
    }

    /** The first day a node exists on a timeline: the first day of its date; empty if undated. */
    public static Optional<LocalDate> start(GraphNode node) {
        return node.date().map(DateSpan::first);
    }

    /** The earliest and latest day of any node date, node end date, edge start or evidence date. */
    public Optional<LocalDate[]> timeBounds() {
        List<LocalDate> days = Stream.concat(
                nodes.stream().flatMap(n -> Stream.concat(n.date().stream(), n.endDate().stream()))
                        .flatMap(d -> Stream.of(d.first(), d.last())),
                edges.stream().flatMap(e -> Stream.concat(e.start().stream(),
                        e.dates().stream().flatMap(d -> Stream.of(d.first(), d.last())))))
                .sorted().toList();
        return days.isEmpty() ? Optional.empty()
                : Optional.of(new LocalDate[] {days.get(0), days.get(days.size() - 1)});
    }

    /** The graph as a JGraphT directed pseudograph (parallel edges of different relations, loops allowed). */
    public Graph<GraphNode, GraphEdge> toJGraphT() {
        Graph<GraphNode, GraphEdge> g = new DirectedPseudograph<>(null, null, false);
        nodes.forEach(g::addVertex);
        for (GraphEdge e : edges) {
            g.addEdge(byId.get(e.source()), byId.get(e.target()), e);
        }
        return g;
    }
}
