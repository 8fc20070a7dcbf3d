package org.alliancekg.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.Problem;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.EntityKind;
import org.alliancekg.vocab.Iris;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.GraphMem2;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one validator of the build and of ingest: SHACL ({@code ontology/shapes.ttl}) and every
 * {@code queries/checks/*-violation.rq}, each of which must return no rows, in one of two scopes.
 * <ul>
 * <li><b>Corpus</b>: the whole graph. {@link #validate(Dataset)} runs the shapes over the union of an assembled
 * in-memory dataset and the checks over a dataset whose default graph is that union; {@link #corpus(Graph, Graph,
 * Set)} does the same for a build streamed a batch of articles at a time (see {@link Corpus}).</li>
 * <li><b>Article</b>: {@link #article(DatasetGraph, String, Map)} validates one article's graphs within a live
 * dataset, reading only what the article touches.</li>
 * </ul>
 *
 * <pre>{@code
 * ValidationReport r = Validator.forProject(layout).validate(dataset);
 * if (!r.conforms()) System.err.println(r.describe());
 * }</pre>
 */
public final class Validator {

    private static final Logger LOG = LoggerFactory.getLogger("akg.build");

    /** A check taking this long is logged (a check should stay linear in the data it is given). */
    private static final long SLOW_CHECK_MILLIS = 1_000;

    /** Suffix of check queries. */
    public static final String CHECK_SUFFIX = "-violation.rq";

    private final Shapes shapes;
    private final List<Check> checks;

    private record Check(String name, Query query) {
    }

    private Validator(Shapes shapes, List<Check> checks) {
        this.shapes = shapes;
        this.checks = List.copyOf(checks);
    }

    /**
     * A validator with the project's shapes and check queries. Missing shapes file or checks folder mean no
     * shapes or no checks; a malformed one is an {@link InputException}.
     */
    public static Validator forProject(ProjectLayout layout) {
        return forProject(layout, (file, bytes) -> { });
    }

    /** As {@link #forProject(ProjectLayout)}, giving {@code onRead} the bytes of each file it reads. */
    static Validator forProject(ProjectLayout layout, java.util.function.BiConsumer<Path, byte[]> onRead) {
        Shapes shapes = null;
        if (Files.isRegularFile(layout.shapesFile())) {
            Graph g = RdfInput.readTurtle(layout, layout.shapesFile(), onRead);
            try {
                shapes = Shapes.parse(g);
            } catch (RuntimeException e) {
                throw new InputException(new Problem(layout.display(layout.shapesFile()), 0, null,
                        "not valid SHACL: " + e.getMessage()));
            }
        } else {
            LOG.warn("no shapes file {}: SHACL validation skipped", layout.display(layout.shapesFile()));
        }
        List<Check> checks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (Files.isDirectory(layout.checksDir())) {
            try (Stream<Path> s = Files.list(layout.checksDir())) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(CHECK_SUFFIX)).sorted().toList()) {
                    String shown = layout.display(p);
                    try {
                        byte[] bytes = Files.readAllBytes(p);
                        onRead.accept(p, bytes);
                        // as Files.readString: malformed UTF-8 is an IOException
                        Query q = QueryFactory.create(java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                                .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
                        if (!q.isSelectType()) {
                            problems.add(new Problem(shown, 0, null, "a check must be a SELECT query"));
                        } else {
                            checks.add(new Check(shown, q));
                        }
                    } catch (QueryParseException e) {
                        problems.add(new Problem(shown, Math.max(e.getLine(), 0), Math.max(e.getColumn(), 0), null,
                                "SPARQL syntax: " + e.getMessage()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + layout.checksDir(), e);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Validator(shapes, checks);
    }

    /** A validator with the given shapes (may be null) and no check queries. */
    public static Validator of(Shapes shapes) {
        return new Validator(shapes, List.of());
    }

    /** The SHACL shapes, or null when the project has none. */
    Shapes shapes() {
        return shapes;
    }

    /** The check queries by file name as shown in messages, in order. */
    Map<String, Query> checkQueries() {
        Map<String, Query> out = new LinkedHashMap<>();
        checks.forEach(c -> out.put(c.name(), c.query()));
        return out;
    }

    /** Number of check queries. */
    public int checkCount() {
        return checks.size();
    }

    /** Validates; never throws for violations (see {@link ValidationReport#conforms()}). */
    public ValidationReport validate(Dataset dataset) {
        Graph union = GraphFactory.createDefaultGraph();
        DatasetGraph source = dataset.asDatasetGraph();
        DatasetGraph checked = DatasetGraphFactory.createTxnMem();
        Iterator<Quad> it = source.find();
        while (it.hasNext()) {
            Quad q = it.next();
            union.add(q.asTriple());
            if (!q.isDefaultGraph()) {
                checked.add(q);
            }
        }
        union.find().forEachRemaining(t -> checked.getDefaultGraph().add(t));

        boolean conforms = true;
        org.apache.jena.rdf.model.Model reportModel = ModelFactory.createDefaultModel();
        List<String> results = new ArrayList<>();
        if (shapes != null) {
            org.apache.jena.shacl.ValidationReport r = ShaclValidator.get().validate(shapes, union);
            conforms = r.conforms();
            reportModel = r.getModel();
            for (ReportEntry e : r.getEntries()) {
                results.add(describe(e));
            }
        }
        List<ValidationReport.CheckViolation> violations = new ArrayList<>();
        Dataset ds = DatasetFactory.wrap(checked);
        for (Check c : checks) {
            runCheck(c.name(), c.query(), ds, violations);
        }
        ValidationReport report = new ValidationReport(conforms, reportModel, results, violations);
        LOG.info("validated {} triples: {} SHACL result(s), {} check(s) run, {} check violation(s)",
                union.size(), results.size(), checks.size(), violations.size());
        return report;
    }

    /**
     * The corpus scope for a streamed build.
     *
     * @param ontology   the ontology graph
     * @param entities   the entity graph
     * @param articleIds every article of the build (an article graph may name another article, whose type the
     *                   validation of that graph then needs)
     */
    Corpus corpus(Graph ontology, Graph entities, Set<String> articleIds) {
        return new Corpus(this, ontology, entities, articleIds);
    }

    /**
     * The article scope: validates one article's graphs within a live dataset of any size without reading all of it,
     * for adding or replacing one article (ingest), scoped as the {@link Corpus} scope scopes a build.
     * <ol>
     * <li>The article's graphs are validated with the ontology and entity graphs of the dataset, as a build validates
     * each batch of articles.</li>
     * <li>The shared nodes the article says something about (catalogue entities, minted agents) are validated with
     * everything the dataset states about them (the distinct triples of the union graph), and the types of what
     * those triples point to.</li>
     * <li>The check queries also see, for each literal the article node has (title, text hash, URL...), up to two other
     * articles with the same value for the same property: a check that some value is unique to an article finds a
     * duplicate.</li>
     * </ol>
     * A shape or check that needs more of the dataset than this (for example one counting all articles) is not
     * decided here; a full build decides it. Call within a transaction on {@code live} (the ingest's write
     * transaction, after the graphs were put in).
     *
     * <pre>{@code
     * // inside the write transaction that replaced the article's graphs
     * ValidationReport r = Validator.forProject(layout).article(dsg, "my-article",
     *         Map.of(Iris.articleGraph("my-article"), articleGraph, Iris.suggestedGraph("my-article"), suggested));
     * }</pre>
     *
     * @param live      the whole dataset (ontology and entity graphs, every article)
     * @param articleId the article
     * @param graphs    the article's graphs by graph name: its article graph, its graph of suggestions
     */
    public ValidationReport article(DatasetGraph live, String articleId, Map<String, Graph> graphs) {
        Graph ontology = copyOf(live.getGraph(NodeFactory.createURI(Iris.ONTOLOGY_GRAPH)));
        Graph entities = copyOf(live.getGraph(NodeFactory.createURI(Iris.ENTITIES_GRAPH)));
        Node own = NodeFactory.createURI(Iris.article(articleId));
        Node type = RDF.type.asNode();

        // other articles the graphs name, which exist in the dataset
        Set<String> articleIds = new HashSet<>(Set.of(articleId));
        Set<Node> touched = new HashSet<>();
        for (Graph g : graphs.values()) {
            g.find().forEachRemaining(t -> {
                for (Node n : new Node[] {t.getSubject(), t.getObject()}) {
                    if (Corpus.isArticle(n) && !n.equals(own)) {
                        String id = n.getURI().substring(Iris.article("").length());
                        if (live.containsGraph(NodeFactory.createURI(Iris.articleGraph(id)))) {
                            articleIds.add(id);
                        }
                    }
                }
                Node s = t.getSubject();
                if (Corpus.isShared(s) || Corpus.isArticle(s) && !s.equals(own)) {
                    touched.add(s);
                }
            });
        }
        Corpus scoped = corpus(ontology, entities, articleIds);
        Corpus.ArticleCheck articleCheck = scoped.worker().validate(graphs, List.of(articleId));
        graphs.values().forEach(g -> scoped.share(articleId, g));

        // what the dataset states about the shared nodes the article touches, and the types of their objects
        Graph union = live.getUnionGraph();
        Graph gathered = GraphFactory.createDefaultGraph();
        for (Node s : touched) {
            List<Triple> about = union.find(s, Node.ANY, Node.ANY).toList();
            about.forEach(gathered::add);
            for (Triple t : about) {
                if (t.getObject().isURI()) {
                    union.find(t.getObject(), type, Node.ANY).forEachRemaining(gathered::add);
                }
            }
        }
        // other articles holding one of the article node's literal values under the same property
        for (Graph g : graphs.values()) {
            for (Triple t : g.find(own, Node.ANY, Node.ANY).toList()) {
                if (!t.getObject().isLiteral()) {
                    continue;
                }
                // two others at most: a value that two other articles already share in a valid dataset is
                // unique to none (and a common value, such as a language, would mean reading every article)
                var it = union.find(Node.ANY, t.getPredicate(), t.getObject());
                try {
                    int others = 0;
                    while (it.hasNext() && others < 2) {
                        Triple same = it.next();
                        if (!same.getSubject().equals(own)) {
                            others++;
                            gathered.add(same);
                            union.find(same.getSubject(), type, Node.ANY).forEachRemaining(gathered::add);
                        }
                    }
                } finally {
                    it.close();
                }
            }
        }
        scoped.shareTriples(gathered);
        List<Corpus.ArticleCheck> checks = new ArrayList<>();
        if (!articleCheck.conforms()) {
            checks.add(articleCheck);
        }
        return scoped.finish(checks, touched::contains);
    }

    private static Graph copyOf(Graph g) {
        Graph c = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(c, g);
        return c;
    }

    /** Runs one check query on the dataset, adding a violation per row. */
    static void runCheck(String name, Query query, Dataset ds, List<ValidationReport.CheckViolation> violations) {
        long start = System.nanoTime();
        try {
            runCheckRows(name, query, ds, violations);
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis >= SLOW_CHECK_MILLIS) {
                LOG.info("check {} took {} ms", name, millis);
            }
        }
    }

    private static void runCheckRows(String name, Query query, Dataset ds,
                                     List<ValidationReport.CheckViolation> violations) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution row = rs.next();
                RDFNode res = row.get("resource");
                RDFNode msg = row.get("message");
                violations.add(new ValidationReport.CheckViolation(name, res == null ? null : res.toString(),
                        msg != null ? msg.asNode().getLiteralLexicalForm() : row.toString()));
            }
        }
    }

    static String describe(ReportEntry e) {
        StringBuilder sb = new StringBuilder();
        sb.append(label(e.focusNode()));
        if (e.resultPath() != null) {
            sb.append(' ').append(e.resultPath());
        }
        if (e.value() != null) {
            sb.append(" value ").append(label(e.value()));
        }
        sb.append(": ").append(e.message());
        return sb.toString();
    }

    private static String label(Node n) {
        if (n.isURI()) {
            return "<" + n.getURI() + ">";
        }
        return n.toString();
    }

    /**
     * The corpus scope, streamed: validates a build one batch of article graphs at a time, so that a corpus far
     * larger than memory can be checked, with the validator's shapes and check queries. Made by
     * {@link Validator#corpus(Graph, Graph, Set)}.
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
     * (see {@code ValidatorCorpusScopeTest}).
     */
    static final class Corpus {

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
        private Corpus(Validator validator, Graph ontology, Graph entities, Set<String> articleIds) {
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
            /** The ontology and entity graph in one graph, copied whole for each batch (faster than adding). */
            private final GraphMem2 base = new GraphMem2Fast();
            private final Map<String, Query> checks = new LinkedHashMap<>();

            private Worker() {
                GraphUtil.addInto(base, ontology);
                GraphUtil.addInto(base, entities);
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
                Graph union = base.copy();
                Set<String> own = new HashSet<>();
                articleIds.forEach(id -> own.add(Iris.article(id)));
                // the nodes of the batch's graphs, read in the same pass that fills the union
                Set<Node> batchNodes = new HashSet<>();
                for (Graph g : graphs.values()) {
                    g.find().forEachRemaining(t -> {
                        union.add(t);
                        batchNodes.add(t.getSubject());
                        batchNodes.add(t.getObject());
                    });
                }
                typeOtherArticles(union, batchNodes, own);
                List<String> results = new ArrayList<>();
                Model report = null;
                Shapes shapes = validator.shapes();
                if (shapes != null) {
                    ValidationContext vc = ValidationContext.create(shapes, union);
                    for (Shape shape : shapes.getTargetShapes()) {
                        for (Node focus : VLib.focusNodes(union, shape)) {
                            if (isArticleNode(focus, own) && batchNodes.contains(focus)) {
                                VLib.validateShape(vc, union, shape, focus);
                            }
                        }
                    }
                    // a report (an RDF model of every entry) is made only when there is an entry to report
                    if (vc.hasViolation()) {
                        org.apache.jena.shacl.ValidationReport r = vc.generateReport();
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

        /**
         * Adds {@code rdf:type akg:Article} for the other articles of the build that the batch graphs name (given the
         * nodes of those graphs).
         */
        private void typeOtherArticles(Graph union, Set<Node> batchNodes, Set<String> own) {
            for (Node n : batchNodes) {
                if (isArticle(n) && !own.contains(n.getURI())
                        && articleIds.contains(n.getURI().substring(ARTICLE_PREFIX.length()))) {
                    union.add(n, RDF.type.asNode(), AKG.Article.asNode());
                }
            }
        }

        /**
         * Keeps what an article graph says about shared nodes, and the article's description without its mentions,
         * for {@link #finish(List)}. Call from one thread, once per article.
         */
        void share(String articleId, Graph articleGraph) {
            String own = Iris.article(articleId);
            // a graph states many triples about each subject: each subject is classified once
            Map<Node, Boolean> sharedSubject = new HashMap<>();
            articleGraph.find().forEachRemaining(t -> {
                Node s = t.getSubject();
                if (sharedSubject.computeIfAbsent(s, Corpus::isShared)) {
                    shared.add(t);
                } else if (isArticle(s)) {
                    if (!s.getURI().equals(own)) {
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

        /**
         * Keeps the graph of facts of the whole build for {@link #finish(List)}: statements about shared nodes, and
         * about articles (validated in the final pass with that article's description). Call from one thread, once.
         */
        void shareFacts(Graph facts) {
            facts.find().forEachRemaining(t -> {
                Node s = t.getSubject();
                shared.add(t);
                if (isArticle(s)) {
                    crossReferenced.add(s);
                }
            });
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
    }
}
