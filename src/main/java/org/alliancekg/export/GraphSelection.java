package org.alliancekg.export;

import java.util.Objects;
import java.util.Set;

import org.apache.jena.graph.Graph;

/**
 * Which part of the data a {@link RelationGraph} holds.
 *
 * <ul>
 *   <li>{@link #all()}: every entity, and every relation triple between two entities;</li>
 *   <li>{@link #triples(Graph)}: the entities named in a graph (typically the result of a SPARQL CONSTRUCT query)
 *       and exactly that graph's relation triples between them;</li>
 *   <li>{@link #around(Set)}: the given entities, every relation triple touching one of them, and the entities at
 *       their other ends (the neighbourhood the explorer expands).</li>
 * </ul>
 *
 * Node attributes and edge evidence always come from the whole dataset.
 */
public sealed interface GraphSelection {

    /** Every entity and relation. */
    static GraphSelection all() {
        return new All();
    }

    /** The entities and relation triples of {@code graph}. */
    static GraphSelection triples(Graph graph) {
        return new Triples(graph);
    }

    /** The given entity IRIs and their direct neighbours. */
    static GraphSelection around(Set<String> iris) {
        return new Around(iris);
    }

    /** Every entity and relation. */
    record All() implements GraphSelection {
    }

    /** The entities and relation triples of a graph. @param graph the graph, e.g. a CONSTRUCT result */
    record Triples(Graph graph) implements GraphSelection {
        public Triples {
            Objects.requireNonNull(graph, "graph");
        }
    }

    /** Entities and their neighbours. @param iris the entity IRIs at the centre */
    record Around(Set<String> iris) implements GraphSelection {
        public Around {
            iris = Set.copyOf(iris);
        }
    }
}
