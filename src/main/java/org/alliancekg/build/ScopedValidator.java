package org.alliancekg.build;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.EntityKind;
import org.alliancekg.vocab.Iris;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Validates a build one article graph at a time, so that a corpus far larger than memory can be checked, with
 * the same shapes and check queries as {@link Validator}.
 *
 * <p>Two kinds of nodes are told apart by their IRI. <em>Shared</em> nodes are the catalogue entities and the
 * agents minted from front matter ({@code kind/slug} under {@link Iris#ID}), plus ontology terms and external
 * IRIs; <em>article</em> nodes are everything else under {@link Iris#ID} (the article, its claims, its mentions),
 * each of which stands only in its own article's graph.
 * <ul>
 * <li>{@link Worker#validate(Map, Collection)} runs the shapes on the article nodes of a batch of article graphs, over the
 * ontology, the entity graph and those article graphs, and runs every check query over a dataset of the article
 * graphs whose default graph is the union of all of them;</li>
 * <li>{@link #share(String, Graph)} keeps what the article graph says about shared nodes (minted agents, facts
 * about entities) and the article's own description without its mentions;</li>
 * <li>{@link #finish(List)} runs the shapes on the shared nodes, and every check query, over the ontology, the
 * entity graph and everything kept (the article descriptions in the default graph only), and merges all results
 * (check rows found twice are reported once); it is the validator's last call.</li>
 * </ul>
 * A shape on a catalogue entity thus sees every fact any article states about it, but not the claim and mention
 * nodes; a check query sees a batch of article graphs in full, or every article's statements about shared nodes. The
 * project's shapes and checks are written so that this finds what a single validation of the whole union would
 * (see {@code ScopedValidatorTest}).
 */
final class ScopedValidator {

    /** Name of the graph of statements about shared nodes in the final pass (no article graph name). */
    static final String SHARED_GRAPH = "urn:x-alliance-kg:validation:shared";

    private static final String ARTICLE_PREFIX = Iris.article("x").substring(0, Iris.article("x").length() - 1);
    private static final Node MENTIONS = AKG.mentions.asNode();

    private final Validator validator;
    private final Graph ontology;
    private final Graph entities;
    private final Set<String> articleIds;
    private final Graph shared = GraphFactory.createDefaultGraph();
    private final Graph articles = GraphFactory.createDefaultGraph();
    private final Set<Node> crossReferenced = new HashSet<>();

    /**
     * @param articleIds every article of the build (an article graph may name another article, whose type the
     *                   validation of that graph then needs)
     */
    ScopedValidator(Validator validator, Graph ontology, Graph entities, Set<String> articleIds) {
        this.validator = validator;
        this.ontology = ontology;
        this.entities = entities;
        this.articleIds = Set.copyOf(articleIds);
    }

    /** The outcome of validating one article graph. */
    record ArticleCheck(List<String> shaclResults, Model shaclReport, List<ValidationReport.CheckViolation> rows) {
        boolean conforms() {
            return shaclResults.isEmpty() && rows.isEmpty();
        }
    }

    /** A validator for one thread: its own copies of the ontology, entity graph and queries. */
    Worker worker() {
        return new Worker();
    }

    /** Validates article graphs on one thread. */
    final class Worker {
        private final Graph onto = copy(ontology);
        private final Graph ents = copy(entities);
        private final Map<String, Query> checks = new LinkedHashMap<>();

        private Worker() {
            validator.checkQueries().forEach((n, q) -> checks.put(n, q.cloneQuery()));
        }

        /**
         * Validates the article nodes of a batch of graphs (article graphs, and other graphs of those articles) and
         * runs the checks on a dataset of those graphs whose default graph is their union with the ontology and
         * the entity graph.
         *
         * @param graphs     the graphs of the batch by graph name
         * @param articleIds the articles of the batch
         */
        ArticleCheck validate(Map<String, Graph> graphs, Collection<String> articleIds) {
            // One indexed graph: a union view over many small graphs would search each of them on every lookup.
            Graph union = GraphFactory.createDefaultGraph();
            GraphUtil.addInto(union, onto);
            GraphUtil.addInto(union, ents);
            graphs.values().forEach(g -> GraphUtil.addInto(union, g));
            Set<String> own = new HashSet<>();
            articleIds.forEach(id -> own.add(Iris.article(id)));
            typeOtherArticles(union, graphs.values(), own);
            List<String> results = new ArrayList<>();
            Model report = null;
            Shapes shapes = validator.shapes();
            if (shapes != null) {
                ValidationContext vc = ValidationContext.create(shapes, union);
                for (Shape shape : shapes.getTargetShapes()) {
                    for (Node focus : VLib.focusNodes(union, shape)) {
                        if (isArticleNode(focus, own) && occursIn(graphs.values(), focus)) {
                            VLib.validateShape(vc, union, shape, focus);
                        }
                    }
                }
                org.apache.jena.shacl.ValidationReport r = vc.generateReport();
                if (!r.conforms()) {
                    for (ReportEntry e : r.getEntries()) {
                        results.add(Validator.describe(e));
                    }
                    report = r.getModel();
                }
            }
            List<ValidationReport.CheckViolation> rows = new ArrayList<>();
            if (!checks.isEmpty()) {
                DatasetGraph dsg = DatasetGraphFactory.create(union);
                graphs.forEach((name, g) -> dsg.addGraph(NodeFactory.createURI(name), g));
                Dataset ds = DatasetFactory.wrap(dsg);
                checks.forEach((name, q) -> Validator.runCheck(name, q, ds, rows));
            }
            return new ArticleCheck(results, report, rows);
        }
    }

    /** Adds {@code rdf:type akg:Article} for the other articles of the build that the batch graphs name. */
    private void typeOtherArticles(Graph union, Collection<Graph> graphs, Set<String> own) {
        Set<Node> named = new HashSet<>();
        for (Graph g : graphs) {
            g.find().forEachRemaining(t -> {
                for (Node n : new Node[] {t.getSubject(), t.getObject()}) {
                    if (isArticle(n) && !own.contains(n.getURI())
                            && articleIds.contains(n.getURI().substring(ARTICLE_PREFIX.length()))) {
                        named.add(n);
                    }
                }
            });
        }
        named.forEach(n -> union.add(n, RDF.type.asNode(), AKG.Article.asNode()));
    }

    /**
     * Keeps what an article graph says about shared nodes, and the article's description without its mentions,
     * for {@link #finish(List)}. Call from one thread, once per article.
     */
    void share(String articleId, Graph articleGraph) {
        articleGraph.find().forEachRemaining(t -> {
            Node s = t.getSubject();
            if (isShared(s)) {
                shared.add(t);
            } else if (isArticle(s)) {
                if (!s.getURI().equals(Iris.article(articleId))) {
                    // a statement about another article: validated in the final pass, with that article's description
                    shared.add(t);
                    crossReferenced.add(s);
                } else if (!t.getPredicate().equals(MENTIONS)) {
                    articles.add(t);
                }
            }
        });
    }

    /**
     * Validates the shared nodes and runs the checks over everything kept, then merges the per-article outcomes
     * (only those that found something need be passed).
     */
    ValidationReport finish(List<ArticleCheck> articleChecks) {
        return finish(articleChecks, n -> true);
    }

    /**
     * As {@link #finish(List)}, validating only the shared nodes that {@code focus} accepts (when what was kept
     * describes only some of them in full).
     */
    ValidationReport finish(List<ArticleCheck> articleChecks, java.util.function.Predicate<Node> focus) {
        // The article descriptions are by far the largest part (one per article): the others are added to them
        // rather than all copied into a new graph. This ends what the validator kept.
        Graph union = articles;
        for (Graph g : List.of(ontology, entities, shared)) {
            GraphUtil.addInto(union, g);
        }
        boolean shaclConforms = true;
        Model reportModel = ModelFactory.createDefaultModel();
        Set<String> results = new LinkedHashSet<>();
        Shapes shapes = validator.shapes();
        if (shapes != null) {
            ValidationContext vc = ValidationContext.create(shapes, union);
            for (Shape shape : shapes.getTargetShapes()) {
                Collection<Node> focusNodes = VLib.focusNodes(union, shape);
                for (Node node : focusNodes) {
                    // shared nodes; article nodes that other graphs say something about; other nodes of the
                    // ontology and entity graphs
                    boolean global = node.isURI() && (!isArticleNode(node, null) || crossReferenced.contains(node))
                            || occursIn(ontology, node) || occursIn(entities, node);
                    if (global && focus.test(node)) {
                        VLib.validateShape(vc, union, shape, node);
                    }
                }
            }
            org.apache.jena.shacl.ValidationReport r = vc.generateReport();
            if (!r.conforms()) {
                shaclConforms = false;
                reportModel.add(r.getModel());
                r.getEntries().forEach(e -> results.add(Validator.describe(e)));
            }
        }
        Set<ValidationReport.CheckViolation> rows = new LinkedHashSet<>();
        for (ArticleCheck c : articleChecks) {
            if (!c.shaclResults().isEmpty()) {
                shaclConforms = false;
                results.addAll(c.shaclResults());
                reportModel.add(c.shaclReport());
            }
            rows.addAll(c.rows());
        }
        Map<String, Query> checks = validator.checkQueries();
        if (!checks.isEmpty()) {
            DatasetGraph dsg = DatasetGraphFactory.create(union);
            dsg.addGraph(NodeFactory.createURI(Iris.ONTOLOGY_GRAPH), ontology);
            dsg.addGraph(NodeFactory.createURI(Iris.ENTITIES_GRAPH), entities);
            dsg.addGraph(NodeFactory.createURI(SHARED_GRAPH), shared);
            Dataset ds = DatasetFactory.wrap(dsg);
            List<ValidationReport.CheckViolation> global = new ArrayList<>();
            checks.forEach((name, q) -> Validator.runCheck(name, q, ds, global));
            rows.addAll(global);
        }
        return new ValidationReport(shaclConforms, reportModel, new ArrayList<>(results), new ArrayList<>(rows));
    }

    /** Keeps triples about shared nodes, gathered elsewhere, for the final pass. */
    void shareTriples(Graph g) {
        GraphUtil.addInto(shared, g);
    }

    /** Triples kept for the final pass so far. */
    long sharedSize() {
        return shared.size() + articles.size();
    }

    /** A catalogue entity or minted agent: {@code kind/slug} under {@link Iris#ID} with a known kind. */
    static boolean isShared(Node n) {
        if (!n.isURI() || !n.getURI().startsWith(Iris.ID)) {
            return false;
        }
        String id = n.getURI().substring(Iris.ID.length());
        return Iris.ENTITY_ID.matcher(id).matches() && EntityKind.ofId(id).isPresent();
    }

    static boolean isArticle(Node n) {
        return n.isURI() && n.getURI().startsWith(ARTICLE_PREFIX) && n.getURI().indexOf('/', ARTICLE_PREFIX.length()) < 0;
    }

    /**
     * Whether the node belongs to one article: not a URI (a blank node or literal in the article graph), or a URI
     * under {@link Iris#ID} that is not shared and, when {@code ownArticle} is given, is not another article.
     */
    private static boolean isArticleNode(Node n, Set<String> ownArticles) {
        if (!n.isURI()) {
            return true;
        }
        if (!n.getURI().startsWith(Iris.ID) || isShared(n)) {
            return false;
        }
        return ownArticles == null || !isArticle(n) || ownArticles.contains(n.getURI());
    }

    private static boolean occursIn(Graph g, Node n) {
        return g.contains(n, Node.ANY, Node.ANY) || g.contains(Node.ANY, Node.ANY, n);
    }

    private static boolean occursIn(Collection<Graph> graphs, Node n) {
        for (Graph g : graphs) {
            if (occursIn(g, n)) {
                return true;
            }
        }
        return false;
    }

    private static Graph copy(Graph g) {
        Graph c = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(c::add);
        return c;
    }
}
