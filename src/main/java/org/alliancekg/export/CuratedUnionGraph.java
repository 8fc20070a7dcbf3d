package org.alliancekg.export;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.NiceIterator;

/**
 * The union of a dataset's named graphs without the graphs of suggested claims, read-only: each lookup is one quad
 * lookup over all named graphs (any graph name), keeping the quads of curated graphs and each triple once. Unlike a
 * union of the graphs one by one, a lookup does not search every article graph, so it costs the same with five or
 * 100,000 articles. Read it in a read transaction on the dataset.
 */
final class CuratedUnionGraph extends GraphBase {

    private final DatasetGraph dataset;

    CuratedUnionGraph(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    private static Node any(Node n) {
        return n == null ? Node.ANY : n;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Node s = pattern.getMatchSubject();
        Node p = pattern.getMatchPredicate();
        Node o = pattern.getMatchObject();
        Set<Triple> seen = new HashSet<>();
        Iter<Triple> triples = Iter.iter(dataset.find(Node.ANY, any(s), any(p), any(o)))
                .filter(q -> !Quad.isDefaultGraph(q.getGraph()) && RelationGraphReader.isCurated(q.getGraph()))
                .map(Quad::asTriple).filter(seen::add);
        return new NiceIterator<>() {
            @Override
            public boolean hasNext() {
                return triples.hasNext();
            }

            @Override
            public Triple next() {
                return triples.next();
            }

            @Override
            public void close() {
                Iter.close(triples);
            }
        };
    }
}
