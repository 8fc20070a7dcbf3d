package org.alliancekg.store;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.vocabulary.RDF;

/**
 * The {@link DatasetStatistics} of a TDB2 database, counted from its quad indexes instead of with SPARQL: a few
 * ordered scans of node ids, where the SPARQL counts hash every distinct triple in memory. The same figures: distinct
 * triples, subjects and predicates from one pass over SPOG (distinct triples are runs of equal S, P, O whatever the
 * graph), distinct objects from OSPG, triples per graph from GSPO, instances per class and {@code owl:sameAs} links
 * from the rdf:type and owl:sameAs ranges of POSG. Node ids are decoded only for what is reported by name (graphs,
 * classes, predicates) or tested by IRI (subjects under {@value Iris#ID}, sameAs objects). At 100,000 articles
 * (72.5 million quads) each full scan takes some 5 to 8 seconds, but decoding every distinct subject to test its IRI
 * brings the whole count to some four minutes (one node-table read per subject); at 10,000 quads it is well under a
 * second. Call inside a read transaction.
 */
final class IndexStatistics {

    private static final Node SAME_AS = NodeFactory.createURI(Namespaces.OWL + "sameAs");

    private final DatasetGraphTDB tdb;
    private final NodeTable nodes;
    private final Map<String, TupleIndex> indexes = new HashMap<>();

    private IndexStatistics(DatasetGraphTDB tdb) {
        this.tdb = tdb;
        this.nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
        for (TupleIndex index : tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()) {
            indexes.put(index.getName(), index);
        }
    }

    /** Counts the quads of {@code tdb} (its named graphs). */
    static DatasetStatistics of(DatasetGraphTDB tdb) {
        return new IndexStatistics(tdb).count();
    }

    private DatasetStatistics count() {
        // SPOG: tuples come in (G, S, P, O) order, sorted by S, P, O, G.
        long triples = 0;
        long subjects = 0;
        long entities = 0;
        Map<NodeId, Long> perPredicate = new HashMap<>();
        NodeId s0 = null;
        NodeId p0 = null;
        NodeId o0 = null;
        for (Iterator<Tuple<NodeId>> it = index("SPOG").all(); it.hasNext(); ) {
            Tuple<NodeId> t = it.next();
            NodeId s = t.get(1);
            NodeId p = t.get(2);
            NodeId o = t.get(3);
            boolean newSubject = !s.equals(s0);
            if (newSubject || !p.equals(p0) || !o.equals(o0)) {
                triples++;
                perPredicate.merge(p, 1L, Long::sum);
            }
            if (newSubject) {
                subjects++;
                Node subject = nodes.getNodeForNodeId(s);
                if (subject.isURI() && subject.getURI().startsWith(Iris.ID)) {
                    entities++;
                }
            }
            s0 = s;
            p0 = p;
            o0 = o;
        }

        long objects = 0;
        NodeId last = null;
        for (Iterator<Tuple<NodeId>> it = index("OSPG").all(); it.hasNext(); ) {
            NodeId o = it.next().get(3);
            if (!o.equals(last)) {
                objects++;
                last = o;
            }
        }

        Map<NodeId, Long> perGraph = new HashMap<>();
        NodeId g0 = null;
        long run = 0;
        for (Iterator<Tuple<NodeId>> it = index("GSPO").all(); it.hasNext(); ) {
            NodeId g = it.next().get(0);
            if (!g.equals(g0)) {
                if (g0 != null) {
                    perGraph.put(g0, run);
                }
                g0 = g;
                run = 0;
            }
            run++;
        }
        if (g0 != null) {
            perGraph.put(g0, run);
        }

        Map<NodeId, Long> perClass = new HashMap<>();
        forEachDistinctPair(RDF.type.asNode(), (instance, c) -> perClass.merge(c, 1L, Long::sum));

        long[] sameAsWikidata = {0};
        forEachDistinctPair(SAME_AS, (a, b) -> {
            Node object = nodes.getNodeForNodeId(b);
            if (object.isURI() && object.getURI().startsWith(Namespaces.WD)) {
                sameAsWikidata[0]++;
            }
        });

        return new DatasetStatistics(triples, entities, perClass.size(), perPredicate.size(), subjects, objects,
                sameAsWikidata[0], byIri(perGraph), byIri(perClass), byIri(perPredicate));
    }

    /**
     * Calls {@code each} once per distinct (subject, object) of the triples whose predicate is {@code predicate},
     * whatever the graphs that hold them: POSG sorts by object, then subject, then graph, so the copies of a triple
     * in several graphs are consecutive.
     */
    private void forEachDistinctPair(Node predicate, BiConsumer<NodeId, NodeId> each) {
        NodeId p = nodes.getNodeIdForNode(predicate);
        if (NodeId.isDoesNotExist(p)) {
            return;
        }
        Tuple<NodeId> pattern = TupleFactory.tuple(NodeId.NodeIdAny, NodeId.NodeIdAny, p, NodeId.NodeIdAny);
        NodeId s0 = null;
        NodeId o0 = null;
        for (Iterator<Tuple<NodeId>> it = index("POSG").find(pattern); it.hasNext(); ) {
            Tuple<NodeId> t = it.next();
            NodeId s = t.get(1);
            NodeId o = t.get(3);
            if (!o.equals(o0) || !s.equals(s0)) {
                each.accept(s, o);
                s0 = s;
                o0 = o;
            }
        }
    }

    private TupleIndex index(String name) {
        TupleIndex index = indexes.get(name);
        if (index == null) {
            throw new IllegalStateException("the TDB2 database at " + tdb.getLocation() + " has no " + name
                    + " quad index (it has " + indexes.keySet() + ")");
        }
        return index;
    }

    /** Counts keyed by IRI, in IRI order; counts of nodes that are not IRIs are left out (as the SPARQL counts do). */
    private Map<String, Long> byIri(Map<NodeId, Long> counts) {
        TreeMap<String, Long> sorted = new TreeMap<>();
        counts.forEach((id, n) -> {
            Node node = nodes.getNodeForNodeId(id);
            if (node.isURI()) {
                sorted.put(node.getURI(), n);
            }
        });
        return new LinkedHashMap<>(sorted);
    }
}
