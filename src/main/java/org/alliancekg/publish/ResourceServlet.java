package org.alliancekg.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.serve.ProblemWriter;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;

/**
 * Dereferencing: answers {@code GET} and {@code HEAD} on the paths of the graph's IRIs with their descriptions.
 *
 * <ul>
 *   <li>{@code /id/{...}}: an individual, article, claim or mention — its {@link Describer#describe concise
 *       description};</li>
 *   <li>{@code /ontology} (and its version IRI, or a prior version's, such as {@code /ontology/2.0.0}, whose terms
 *       it keeps): the whole ontology graph. A term IRI
 *       {@code /ontology#State} reaches the server as {@code /ontology}; the HTML page has an anchor per term.
 *       {@code /ontology/State} describes the single term;</li>
 *   <li>{@code /graph/{...}}: the triples of that named graph.</li>
 * </ul>
 *
 * <p>The format follows the {@code Accept} header (Turtle, N-Triples, JSON-LD, RDF/XML, HTML; see {@link Format}
 * for the order of preference) with {@code Vary: Accept} and a {@code Content-Location} naming the format-specific
 * address, or a file extension ({@code .ttl .nt .jsonld .rdf .html}) that fixes it. A path that names nothing in
 * the data answers 404, an {@code Accept} the server cannot satisfy 406 — both as plain text.
 */
final class ResourceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Characters allowed in a resource path; anything else cannot be one of the graph's IRIs. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._~/-]+");
    /** A term's local name in {@code /ontology/{Term}}. */
    private static final Pattern TERM = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final transient Supplier<DatasetGraph> dataset;
    private final transient SiteLinks links;
    private final transient ArticleTexts texts;

    ResourceServlet(Supplier<DatasetGraph> dataset, SiteLinks links, ArticleTexts texts) {
        this.dataset = dataset;
        this.links = links;
        this.texts = texts;
    }

    /** What a path names. */
    private enum Kind { RESOURCE, ONTOLOGY, GRAPH }

    private record Target(Kind kind, Node node, String documentPath) {
    }

    /** The answer prepared inside the read transaction. */
    private record Answer(int status, byte[] body, String message) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        path = path.startsWith("/") ? path.substring(1) : path;
        if (path.isEmpty() || !PATH.matcher(path).matches() || path.contains("..") || path.contains("//")) {
            ProblemWriter.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found: no resource at this address\n");
            return;
        }
        Optional<Format> byExtension = Optional.empty();
        String documentPath = path;
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot > slash) {
            Optional<Format> f = Format.fromExtension(path.substring(dot + 1));
            if (f.isPresent()) {
                byExtension = f;
                documentPath = path.substring(0, dot);
            }
        }
        Optional<Target> target = target(documentPath);
        if (target.isEmpty()) {
            ProblemWriter.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found: " + links.iriForPath(documentPath));
            return;
        }
        Optional<Format> format = Responses.choose(req, byExtension, Format.all());
        Target t = target.get();
        DatasetGraph dsg = dataset.get();
        Answer answer = Txn.calculateRead(dsg, () -> answer(dsg, t, format));
        if (answer.status() == HttpServletResponse.SC_NOT_ACCEPTABLE) {
            Responses.notAcceptable(resp, Format.all());
            return;
        }
        if (answer.status() != HttpServletResponse.SC_OK) {
            ProblemWriter.text(resp, answer.status(), answer.message());
            return;
        }
        Format f = format.orElseThrow();
        Responses.alternates(resp, links, t.documentPath());
        Responses.ok(resp, f, answer.body(), byExtension.isEmpty(), links.page(t.documentPath() + "." + f.extension()));
    }

    /** Maps a document path (no extension) to what it names, without looking at the data. */
    private Optional<Target> target(String documentPath) {
        String iri = links.iriForPath(documentPath);
        if (documentPath.equals("ontology")) {
            return Optional.of(new Target(Kind.ONTOLOGY, NodeFactory.createURI(iri), documentPath));
        }
        if (documentPath.startsWith("ontology/")) {
            String rest = documentPath.substring("ontology/".length());
            if (TERM.matcher(rest).matches()) {
                return Optional.of(new Target(Kind.RESOURCE, NodeFactory.createURI(AKG.NS + rest), documentPath));
            }
            // a version IRI of the ontology, e.g. /ontology/0.1.0
            return Optional.of(new Target(Kind.ONTOLOGY, NodeFactory.createURI(iri), documentPath));
        }
        if (documentPath.startsWith("graph/") && documentPath.length() > "graph/".length()) {
            return Optional.of(new Target(Kind.GRAPH, NodeFactory.createURI(iri), documentPath));
        }
        if (documentPath.startsWith("id/") && documentPath.length() > "id/".length() && !documentPath.endsWith("/")) {
            return Optional.of(new Target(Kind.RESOURCE, NodeFactory.createURI(iri), documentPath));
        }
        return Optional.empty();
    }

    /** 404 if the target is not in the data, else 406 if no format is acceptable, else the body. */
    private Answer answer(DatasetGraph dsg, Target t, Optional<Format> format) {
        Describer d = new Describer(dsg);
        Node ontologyGraph = NodeFactory.createURI(Iris.ONTOLOGY_GRAPH);
        Node ontology = NodeFactory.createURI(Iris.BASE + "ontology");
        boolean exists = switch (t.kind()) {
            case ONTOLOGY -> d.hasGraph(ontologyGraph) && (t.node().equals(ontology)
                    || d.union().contains(ontology, OWL.versionIRI.asNode(), t.node())
                    || d.union().contains(ontology, OWL2.priorVersion.asNode(), t.node()));
            case GRAPH -> d.hasGraph(t.node());
            case RESOURCE -> d.exists(t.node());
        };
        if (!exists) {
            return notFound(t.node());
        }
        if (format.isEmpty()) {
            return new Answer(HttpServletResponse.SC_NOT_ACCEPTABLE, null, null);
        }
        Format f = format.get();
        switch (t.kind()) {
            case ONTOLOGY -> {
                if (f.isRdf()) {
                    return ok(Responses.rdf(d.graph(ontologyGraph), f));
                }
                return ok(new PageRenderer(d, links, texts).ontology(ontology, "ontology"));
            }
            case GRAPH -> {
                Model content = d.graph(t.node());
                if (f.isRdf()) {
                    return ok(Responses.rdf(content, f));
                }
                return ok(new PageRenderer(d, links, texts).graph(t.node(), content, t.documentPath()));
            }
            default -> {
                if (f.isRdf()) {
                    return ok(Responses.rdf(d.describe(t.node()), f));
                }
                return ok(new PageRenderer(d, links, texts).resource(t.node(), t.documentPath()));
            }
        }
    }

    private static Answer ok(byte[] body) {
        return new Answer(HttpServletResponse.SC_OK, body, null);
    }

    private static Answer ok(String html) {
        return ok(html.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer notFound(Node node) {
        return new Answer(HttpServletResponse.SC_NOT_FOUND, null, "Not found: " + node.getURI() + "\n");
    }
}
