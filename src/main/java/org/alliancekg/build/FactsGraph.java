package org.alliancekg.build;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Modality;
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
 * publisher that front matter minted (not in the entity graph), kept while some article names that agent. Beside
 * them stands the fact node ({@code akg:Fact}, {@link Iris#fact}) of every claimed triple, asserted or not, which its
 * claims name with {@code akg:fact}: its triple's terms, and the characterizations and modalities its claims give,
 * each kept while some claim gives it ({@link #factOf}). Two facts that one passage of an article states together are
 * linked with {@code akg:statedWith} in that article's graph ({@link #linkStatedWith}).
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
    private static final Node FACT = AKG.Fact.asNode();
    private static final Node FACT_LINK = AKG.fact.asNode();
    private static final Node FACT_SUBJECT = AKG.factSubject.asNode();
    private static final Node FACT_PREDICATE = AKG.factPredicate.asNode();
    private static final Node FACT_OBJECT = AKG.factObject.asNode();
    private static final Node FACT_CHARACTERIZATION = AKG.factCharacterization.asNode();
    private static final Node FACT_MODALITY = AKG.factModality.asNode();
    private static final Node CHARACTERIZATION = AKG.characterization.asNode();
    private static final Node MODALITY = AKG.modality.asNode();
    private static final Node STATED = Modality.STATED.resource().asNode();
    private static final Node STATED_WITH = AKG.statedWith.asNode();
    private static final Node BEGIN = AKG.beginIndex.asNode();
    private static final Node END = AKG.endIndex.asNode();

    private FactsGraph() {
    }

    /**
     * The facts of the graph of facts that an article graph gives evidence for, in a dataset: the triples of its
     * asserted claims, and what the graph of facts states about the minted agents it names. Read in a transaction.
     */
    static Set<Triple> statedBy(DatasetGraph dsg, Node articleGraph) {
        Graph g = dsg.getGraph(articleGraph);
        Set<Triple> out = assertedBy(g);
        g.find(Node.ANY, TYPE, CLAIM).forEachRemaining(t -> factOf(g, t.getSubject(), out));
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
     * The fact node of a claim of {@code g}, and into {@code out} what its claim says of it: its type, its triple's
     * three terms, the claim's characterization and its modalities ({@code akg:Stated} when it gives none). Null
     * (nothing added) when the claim lacks a term of its triple.
     */
    static Node factOf(Graph g, Node claim, Collection<Triple> out) {
        Node s = one(g, claim, SUBJECT);
        Node p = one(g, claim, PREDICATE);
        Node o = one(g, claim, OBJECT);
        if (s == null || p == null || o == null) {
            return null;
        }
        Node fact = NodeFactory.createURI(Iris.fact(s, p, o));
        out.add(Triple.create(fact, TYPE, FACT));
        out.add(Triple.create(fact, FACT_SUBJECT, s));
        out.add(Triple.create(fact, FACT_PREDICATE, p));
        out.add(Triple.create(fact, FACT_OBJECT, o));
        g.find(claim, CHARACTERIZATION, Node.ANY)
                .forEachRemaining(t -> out.add(Triple.create(fact, FACT_CHARACTERIZATION, t.getObject())));
        g.find(claim, MODALITY, Node.ANY)
                .forEachRemaining(t -> out.add(Triple.create(fact, FACT_MODALITY, t.getObject())));
        if (!g.contains(claim, MODALITY, Node.ANY)) {
            out.add(Triple.create(fact, FACT_MODALITY, STATED));
        }
        return fact;
    }

    /**
     * Adds to an article graph {@code fact akg:statedWith other}, both ways, for every two claims of the graph that
     * name different fact nodes and quote overlapping spans of the article (a claim's {@code akg:beginIndex} before
     * the other's {@code akg:endIndex}, and the other way round): the two facts are stated in one passage. The links
     * stand in the article graph, so they come and go with it. Call once the graph holds its claims.
     */
    static void linkStatedWith(Graph g) {
        List<Quoted> quoted = new ArrayList<>();
        g.find(Node.ANY, TYPE, CLAIM).forEachRemaining(t -> {
            Node claim = t.getSubject();
            Node begin = one(g, claim, BEGIN);
            Node end = one(g, claim, END);
            Node fact = one(g, claim, FACT_LINK);
            if (fact != null && offset(begin) >= 0 && offset(end) >= 0) {
                quoted.add(new Quoted(offset(begin), offset(end), fact));
            }
        });
        quoted.sort(Comparator.comparingLong(Quoted::begin));
        Set<Triple> links = new LinkedHashSet<>();
        for (int i = 0; i < quoted.size(); i++) {
            Quoted a = quoted.get(i);
            // sorted by begin: the claims after this one overlap it while they begin before it ends
            for (int j = i + 1; j < quoted.size() && quoted.get(j).begin() < a.end(); j++) {
                Node other = quoted.get(j).fact();
                if (!other.equals(a.fact())) {
                    links.add(Triple.create(a.fact(), STATED_WITH, other));
                    links.add(Triple.create(other, STATED_WITH, a.fact()));
                }
            }
        }
        links.forEach(g::add);
    }

    /** A claim's quoted span and the fact node it names. */
    private record Quoted(long begin, long end, Node fact) {
    }

    /** The value of an offset literal, or -1 when it is missing or not a number. */
    private static long offset(Node n) {
        return n != null && n.isLiteral() && n.getLiteralValue() instanceof Number v ? v.longValue() : -1;
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
        Node s = t.getSubject();
        if (Iris.isFact(s)) {
            // a triple of a fact node stays while a claim elsewhere gives it, as factOf defines what a claim gives
            return claimElsewhere(dsg, s, except, (g, claim) -> {
                List<Triple> given = new ArrayList<>();
                factOf(dsg.getGraph(g), claim, given);
                return given.contains(t);
            });
        }
        if (namedByAnotherArticle(dsg, s, except)) {
            return true;
        }
        Node fact = NodeFactory.createURI(Iris.fact(s, t.getPredicate(), t.getObject()));
        return claimElsewhere(dsg, fact, except, (g, claim) -> !dsg.contains(g, claim, ASSERTED, FALSE));
    }

    /**
     * Whether a claim of an article graph other than {@code except} names {@code fact} and passes {@code test}; reads
     * the fact's claims only (its {@code akg:fact} links), up to the first that passes.
     */
    private static boolean claimElsewhere(DatasetGraph dsg, Node fact, Node except, BiPredicate<Node, Node> test) {
        Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, FACT_LINK, fact);
        try {
            while (it.hasNext()) {
                Quad q = it.next();
                if (!q.getGraph().equals(except) && test.test(q.getGraph(), q.getSubject())) {
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
