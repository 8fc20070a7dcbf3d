package org.alliancekg.build;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.vocab.Iris;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Validates one article's graphs within a live dataset of any size without reading all of it, for adding or
 * replacing one article (ingest): the same shapes and check queries as a build, scoped as {@link ScopedValidator}
 * scopes them.
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
 * decided here; a full build decides it.
 *
 * <pre>{@code
 * // inside the write transaction that replaced the article's graphs
 * ValidationReport r = ArticleValidator.forProject(layout).validate(dsg, "my-article",
 *         Map.of(Iris.articleGraph("my-article"), articleGraph, Iris.suggestedGraph("my-article"), suggested));
 * }</pre>
 */
public final class ArticleValidator {

    private static final Node TYPE = RDF.type.asNode();

    private final Validator validator;

    /** A validator with these shapes and checks. */
    public ArticleValidator(Validator validator) {
        this.validator = validator;
    }

    /** A validator with the project's shapes and check queries. */
    public static ArticleValidator forProject(ProjectLayout layout) {
        return new ArticleValidator(Validator.forProject(layout));
    }

    /**
     * Validates the article's graphs as they stand in the dataset. Call within a transaction on {@code live}
     * (the ingest's write transaction, after the graphs were put in).
     *
     * @param live      the whole dataset (ontology and entity graphs, every article)
     * @param articleId the article
     * @param graphs    the article's graphs by graph name: its article graph, its graph of suggestions
     */
    public ValidationReport validate(DatasetGraph live, String articleId, Map<String, Graph> graphs) {
        Graph ontology = copy(live.getGraph(NodeFactory.createURI(Iris.ONTOLOGY_GRAPH)));
        Graph entities = copy(live.getGraph(NodeFactory.createURI(Iris.ENTITIES_GRAPH)));
        Node own = NodeFactory.createURI(Iris.article(articleId));

        // other articles the graphs name, which exist in the dataset
        Set<String> articleIds = new HashSet<>(Set.of(articleId));
        Set<Node> touched = new HashSet<>();
        for (Graph g : graphs.values()) {
            g.find().forEachRemaining(t -> {
                for (Node n : new Node[] {t.getSubject(), t.getObject()}) {
                    if (ScopedValidator.isArticle(n) && !n.equals(own)) {
                        String id = n.getURI().substring(Iris.article("").length());
                        if (live.containsGraph(NodeFactory.createURI(Iris.articleGraph(id)))) {
                            articleIds.add(id);
                        }
                    }
                }
                Node s = t.getSubject();
                if (ScopedValidator.isShared(s) || ScopedValidator.isArticle(s) && !s.equals(own)) {
                    touched.add(s);
                }
            });
        }
        ScopedValidator scoped = new ScopedValidator(validator, ontology, entities, articleIds);
        ScopedValidator.ArticleCheck articleCheck = scoped.worker().validate(graphs, List.of(articleId));
        graphs.values().forEach(g -> scoped.share(articleId, g));

        // what the dataset states about the shared nodes the article touches, and the types of their objects
        Graph union = live.getUnionGraph();
        Graph gathered = GraphFactory.createDefaultGraph();
        for (Node s : touched) {
            List<Triple> about = union.find(s, Node.ANY, Node.ANY).toList();
            about.forEach(gathered::add);
            for (Triple t : about) {
                if (t.getObject().isURI()) {
                    union.find(t.getObject(), TYPE, Node.ANY).forEachRemaining(gathered::add);
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
                            union.find(same.getSubject(), TYPE, Node.ANY).forEachRemaining(gathered::add);
                        }
                    }
                } finally {
                    it.close();
                }
            }
        }
        scoped.shareTriples(gathered);
        List<ScopedValidator.ArticleCheck> checks = new ArrayList<>();
        if (!articleCheck.conforms()) {
            checks.add(articleCheck);
        }
        return scoped.finish(checks, touched::contains);
    }

    private static Graph copy(Graph g) {
        Graph c = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(c, g);
        return c;
    }
}
