package org.alliancekg.publish;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.alliancekg.sources.ClaimsAbout;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;

/**
 * Builds the RDF descriptions that dereferencing answers, from the union of the named graphs of a dataset. Call
 * it inside a read transaction on the dataset.
 *
 * <p>The description of a resource (concise, in the spirit of a CBD) holds:
 * <ul>
 *   <li>every triple with the resource as subject;</li>
 *   <li>the labels ({@code rdfs:label}, {@code dcterms:title}) of the resources it links to;</li>
 *   <li>its claims: the {@code akg:Claim}s whose {@code rdf:subject} or {@code rdf:object} it is, at most
 *       {@link ClaimsAbout#PER_FACT} of each fact, with all their triples (quote, offsets, source article,
 *       characterization, date) and the labels of what they link to.</li>
 * </ul>
 *
 * <pre>{@code
 * Model m = Txn.calculateRead(dsg, () -> new Describer(dsg).describe(NodeFactory.createURI(iri)));
 * }</pre>
 */
public final class Describer {

    /** Properties that give a resource's name, in order of preference. */
    static final List<Node> LABEL_PROPERTIES = List.of(RDFS.label.asNode(), DCTerms.title.asNode(),
            NodeFactory.createURI(Namespaces.SKOS + "prefLabel"));

    private final DatasetGraph dataset;
    private final Graph union;

    /** A describer over the union of {@code dataset}'s named graphs. */
    public Describer(DatasetGraph dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.union = dataset.getUnionGraph();
    }

    /** The dataset described. */
    DatasetGraph dataset() {
        return dataset;
    }

    /** The union of the named graphs. */
    public Graph union() {
        return union;
    }

    /** Whether the IRI occurs in the data as subject, predicate or object of some triple. */
    public boolean exists(Node iri) {
        return union.contains(iri, Node.ANY, Node.ANY) || union.contains(Node.ANY, Node.ANY, iri)
                || union.contains(Node.ANY, iri, Node.ANY);
    }

    /** Whether the dataset has a named graph of that name with at least one triple. */
    public boolean hasGraph(Node graphName) {
        return dataset.contains(graphName, Node.ANY, Node.ANY, Node.ANY);
    }

    /** The triples of one named graph, with the project's prefixes. */
    public Model graph(Node graphName) {
        Model m = newModel();
        Graph g = m.getGraph();
        dataset.find(graphName, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> g.add(q.asTriple()));
        return m;
    }

    /** The concise description of a resource (see the class comment). */
    public Model describe(Node resource) {
        Model m = newModel();
        Graph g = m.getGraph();
        Set<Node> linked = new LinkedHashSet<>();
        union.find(resource, Node.ANY, Node.ANY).forEachRemaining(t -> {
            g.add(t);
            linked.add(t.getObject());
        });
        for (Node claim : claims(resource)) {
            union.find(claim, Node.ANY, Node.ANY).forEachRemaining(t -> {
                g.add(t);
                linked.add(t.getObject());
            });
        }
        linked.remove(resource);
        for (Node n : linked) {
            if (n.isURI() || n.isBlank()) {
                addLabels(g, n);
            }
        }
        return m;
    }

    /**
     * The {@code akg:Claim}s whose {@code rdf:subject} or {@code rdf:object} is the resource, sorted by IRI, read
     * through the fact nodes and at most {@link ClaimsAbout#PER_FACT} for each fact (see {@link #claimsAbout}).
     */
    public List<Node> claims(Node resource) {
        return claimsAbout(resource).claims();
    }

    /** The claims about the resource that a description shows, and the facts some of whose claims it leaves out. */
    public ClaimsAbout.Selection claimsAbout(Node resource) {
        return ClaimsAbout.of(union, resource);
    }

    /** The named graphs holding a triple, by name. */
    public List<Node> graphsOf(Triple t) {
        Set<Node> graphs = new LinkedHashSet<>();
        dataset.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()).forEachRemaining(q -> {
            if (!Quad.isDefaultGraph(q.getGraph())) {
                graphs.add(q.getGraph());
            }
        });
        return List.copyOf(graphs);
    }

    private void addLabels(Graph g, Node n) {
        for (Node p : LABEL_PROPERTIES) {
            union.find(n, p, Node.ANY).forEachRemaining(g::add);
        }
    }

    private static Model newModel() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Namespaces.PREFIXES);
        return m;
    }
}
