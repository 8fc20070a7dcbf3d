package org.alliancekg.build;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * The graph of facts ({@link Iris#FACTS_GRAPH}) as a live database keeps it when one article changes: each asserted
 * fact stands there once, for as long as at least one article graph gives evidence for it. A fact is the plain triple
 * of an asserted {@code akg:Claim} (one without {@code akg:asserted false}), or a statement about an author or
 * publisher that front matter minted (not in the entity graph), kept while some article names that agent.
 *
 * <pre>{@code
 * Set<Triple> before = FactsGraph.statedBy(dsg.getGraph(articleGraph));
 * // ... replace the article graph, add the new facts ...
 * FactsGraph.removeUnsupported(dsg, before, articleGraph);
 * }</pre>
 */
final class FactsGraph {

    static final Node NAME = NodeFactory.createURI(Iris.FACTS_GRAPH);

    private static final Node ENTITIES = NodeFactory.createURI(Iris.ENTITIES_GRAPH);
    private static final Node TYPE = RDF.type.asNode();
    private static final Node CLAIM = AKG.Claim.asNode();
    private static final Node SUBJECT = RDF.subject.asNode();
    private static final Node PREDICATE = RDF.predicate.asNode();
    private static final Node OBJECT = RDF.object.asNode();
    private static final Node ASSERTED = AKG.asserted.asNode();
    private static final Node FALSE = NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean);
    private static final Node CREATOR = DCTerms.creator.asNode();
    private static final Node PUBLISHER = DCTerms.publisher.asNode();

    private FactsGraph() {
    }

    /**
     * The facts of the graph of facts that an article graph gives evidence for, in a dataset: the triples of its
     * asserted claims, and what the graph of facts states about the minted agents it names. Read in a transaction.
     */
    static Set<Triple> statedBy(DatasetGraph dsg, Node articleGraph) {
        Graph g = dsg.getGraph(articleGraph);
        Set<Triple> out = assertedBy(g);
        Graph entities = dsg.getGraph(ENTITIES);
        Graph facts = dsg.getGraph(NAME);
        for (Node link : new Node[] {CREATOR, PUBLISHER}) {
            g.find(Node.ANY, link, Node.ANY).forEachRemaining(t -> {
                Node agent = t.getObject();
                if (agent.isURI() && !entities.contains(agent, Node.ANY, Node.ANY)) {
                    facts.find(agent, Node.ANY, Node.ANY).forEachRemaining(out::add);
                }
            });
        }
        return out;
    }

    /** The triples that the asserted claims of a graph name (its claims without {@code akg:asserted false}). */
    static Set<Triple> assertedBy(Graph g) {
        Set<Triple> out = new HashSet<>();
        g.find(Node.ANY, TYPE, CLAIM).forEachRemaining(t -> {
            Node claim = t.getSubject();
            if (!g.contains(claim, ASSERTED, FALSE)) {
                Node s = one(g, claim, SUBJECT);
                Node p = one(g, claim, PREDICATE);
                Node o = one(g, claim, OBJECT);
                if (s != null && p != null && o != null) {
                    out.add(Triple.create(s, p, o));
                }
            }
        });
        return out;
    }

    /**
     * Removes from the graph of facts each of {@code candidates} that no article graph but {@code except} gives
     * evidence for any more (call after {@code except} was replaced; the new version's facts are kept by the caller).
     * Each lookup stops at the first other article that supports the fact. Returns how many were removed.
     */
    static int removeUnsupported(DatasetGraph dsg, Set<Triple> candidates, Node except) {
        int removed = 0;
        for (Triple t : candidates) {
            if (!supportedElsewhere(dsg, t, except)) {
                dsg.delete(NAME, t.getSubject(), t.getPredicate(), t.getObject());
                removed++;
            }
        }
        return removed;
    }

    private static boolean supportedElsewhere(DatasetGraph dsg, Triple t, Node except) {
        if (namedByAnotherArticle(dsg, t.getSubject(), except)) {
            return true;
        }
        Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, OBJECT, t.getObject());
        try {
            while (it.hasNext()) {
                Quad q = it.next();
                Node g = q.getGraph();
                Node claim = q.getSubject();
                if (!g.equals(except) && dsg.contains(g, claim, PREDICATE, t.getPredicate())
                        && dsg.contains(g, claim, SUBJECT, t.getSubject()) && dsg.contains(g, claim, TYPE, CLAIM)
                        && !dsg.contains(g, claim, ASSERTED, FALSE)) {
                    return true;
                }
            }
            return false;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    /** Whether a minted agent is still named as creator or publisher by an article graph other than {@code except}. */
    private static boolean namedByAnotherArticle(DatasetGraph dsg, Node agent, Node except) {
        if (dsg.getGraph(ENTITIES).contains(agent, Node.ANY, Node.ANY)) {
            return false;
        }
        for (Node link : new Node[] {CREATOR, PUBLISHER}) {
            Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, link, agent);
            try {
                while (it.hasNext()) {
                    if (!it.next().getGraph().equals(except)) {
                        return true;
                    }
                }
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(it);
            }
        }
        return false;
    }

    private static Node one(Graph g, Node s, Node p) {
        Iterator<Triple> it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }
}
