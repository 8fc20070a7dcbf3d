package org.alliancekg.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.alliancekg.vocab.Namespaces;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes the RDF behind a {@link RelationGraph}, as Turtle (triples) or N-Quads (each statement in the named graph
 * it comes from): for every node its type, {@code owl:sameAs} and literals (label, aliases, dates); every edge's
 * triple; every statement node of the evidence with all it says (quote, offsets, article, date); and the type and
 * literals of the articles the evidence cites. An edge triple that is in no named graph (a CONSTRUCT can make one)
 * goes to the default graph.
 */
public final class RdfGraphWriter implements GraphWriter {

    private final DatasetGraph dataset;
    private final Lang lang;

    /**
     * @param dataset the dataset the graph was read from
     * @param lang    {@link Lang#TURTLE} or {@link Lang#NQUADS}
     */
    public RdfGraphWriter(DatasetGraph dataset, Lang lang) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        if (!Lang.TURTLE.equals(lang) && !Lang.NQUADS.equals(lang)) {
            throw new IllegalArgumentException("RDF export is Turtle or N-Quads, not " + lang);
        }
        this.lang = lang;
    }

    @Override
    public void write(RelationGraph graph, OutputStream out) {
        List<Quad> quads = Txn.calculateRead(dataset, () -> quads(graph));
        if (Lang.NQUADS.equals(lang)) {
            RDFDataMgr.writeQuads(out, quads.iterator());
        } else {
            Graph g = GraphFactory.createDefaultGraph();
            quads.forEach(q -> g.add(q.asTriple()));
            g.getPrefixMapping().setNsPrefixes(Namespaces.PREFIXES);
            RDFDataMgr.write(out, g, RDFFormat.TURTLE_PRETTY);
        }
    }

    /** The quads, sorted (graph, subject, predicate, object) for a stable output. */
    List<Quad> quads(RelationGraph graph) {
        Set<Quad> out = new LinkedHashSet<>();
        Set<String> articles = new LinkedHashSet<>();
        for (GraphNode n : graph.nodes()) {
            describe(NodeFactory.createURI(n.iri()), out);
        }
        for (GraphEdge e : graph.edges()) {
            Node s = NodeFactory.createURI(graph.requireNode(e.source()).iri());
            Node p = NodeFactory.createURI(e.predicate());
            Node o = NodeFactory.createURI(graph.requireNode(e.target()).iri());
            List<Quad> found = new ArrayList<>();
            dataset.find(Node.ANY, s, p, o).forEachRemaining(q -> {
                if (!q.isDefaultGraph() && RelationGraphReader.isCurated(q.getGraph())) {
                    found.add(q);
                }
            });
            if (found.isEmpty()) {
                found.add(Quad.create(Quad.defaultGraphIRI, s, p, o));
            }
            out.addAll(found);
            for (Evidence x : e.evidence()) {
                RelationGraphReader.quadsAbout(dataset, NodeFactory.createURI(x.iri())).forEach(out::add);
                x.article().ifPresent(articles::add);
            }
        }
        for (String a : articles) {
            describe(NodeFactory.createURI(a), out);
        }
        List<Quad> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing((Quad q) -> q.getGraph().toString())
                .thenComparing(q -> q.getSubject().toString())
                .thenComparing(q -> q.getPredicate().toString())
                .thenComparing(q -> q.getObject().toString()));
        return sorted;
    }

    private void describe(Node x, Set<Quad> out) {
        RelationGraphReader.quadsAbout(dataset, x)
                .filter(q -> q.getObject().isLiteral() || q.getPredicate().equals(RDF.type.asNode())
                        || q.getPredicate().equals(OWL.sameAs.asNode()))
                .forEach(out::add);
    }
}
