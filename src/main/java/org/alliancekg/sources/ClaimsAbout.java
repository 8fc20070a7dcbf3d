package org.alliancekg.sources;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.alliancekg.vocab.AKG;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The claims about a resource that a page shows, read through the fact nodes: every fact whose subject or object
 * the resource is ({@code akg:factSubject}, {@code akg:factObject}), and for each at most {@link #PER_FACT} of the
 * claims that name it ({@code ?claim akg:fact ?fact}). A page then grows with the distinct facts about its
 * resource, not with the number of articles that state them. The facts that have more claims than that are
 * listed, so that a page can say so and link to them.
 *
 * <pre>{@code
 * ClaimsAbout.Selection s = ClaimsAbout.of(dsg.getUnionGraph(), NodeFactory.createURI(Iris.entity("state/japan")));
 * s.claims();       // sorted by IRI
 * s.factsWithMore(); // facts with more than PER_FACT claims
 * }</pre>
 */
public final class ClaimsAbout {

    /** The claims of one fact that a page shows at most (twice as many as any fact of the seed articles has). */
    public static final int PER_FACT = 20;

    private static final Node FACT = AKG.fact.asNode();

    private ClaimsAbout() {
    }

    /**
     * The claims shown for a resource, sorted by IRI, and the facts some of whose claims are left out.
     */
    public record Selection(List<Node> claims, List<Node> factsWithMore) {
    }

    /** The selection for a resource, read from a graph holding the fact nodes and the claims (the union graph). */
    public static Selection of(Graph union, Node resource) {
        return of(union, resource, PER_FACT);
    }

    /** As {@link #of(Graph, Node)}, with at most {@code perFact} claims of each fact. */
    public static Selection of(Graph union, Node resource, int perFact) {
        Set<Node> facts = new LinkedHashSet<>();
        for (Node p : List.of(AKG.factSubject.asNode(), AKG.factObject.asNode())) {
            union.find(Node.ANY, p, resource).forEachRemaining(t -> facts.add(t.getSubject()));
        }
        Set<Node> claims = new LinkedHashSet<>();
        List<Node> more = new ArrayList<>();
        for (Node fact : facts) {
            Iterator<Triple> it = union.find(Node.ANY, FACT, fact);
            try {
                int n = 0;
                while (it.hasNext()) {
                    Node claim = it.next().getSubject();
                    if (n == perFact) {
                        more.add(fact);
                        break;
                    }
                    claims.add(claim);
                    n++;
                }
            } finally {
                Iter.close(it);
            }
        }
        List<Node> sorted = new ArrayList<>(claims);
        sorted.sort((a, b) -> a.toString().compareTo(b.toString()));
        more.sort((a, b) -> a.toString().compareTo(b.toString()));
        return new Selection(List.copyOf(sorted), List.copyOf(more));
    }
}
