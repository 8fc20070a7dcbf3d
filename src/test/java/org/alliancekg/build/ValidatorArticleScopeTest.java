package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.Store;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.alliancekg.testkit.ProjectFixture;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validating one article within the built database: an article of the build conforms; a copy of it under another
 * id breaks the unique text hash (found through the other articles with the same literal); a fact that contradicts
 * what other articles state about an entity breaks the date order (found through what the dataset states about the
 * entity), though the article alone does not show it.
 */
class ValidatorArticleScopeTest {

    private static final String SOURCE = "002-diplomat-tatsumi-new-vision";

    static ProjectLayout layout;

    @BeforeAll
    static void build() {
        layout = ProjectFixture.layout();
    }

    @Test
    void anArticleOfTheBuildConforms() {
        ValidationReport r = inDatabase((dsg, v) -> {
            Map<String, Graph> graphs = graphsOf(dsg, SOURCE);
            return Txn.calculateRead(dsg, () -> v.article(dsg, SOURCE, graphs));
        });
        assertTrue(r.conforms(), r.describe());
    }

    @Test
    void aCopyUnderAnotherIdBreaksTheUniqueTextHash() {
        ValidationReport r = inDatabase((dsg, v) -> {
            Graph copy = Txn.calculateRead(dsg, () -> renamed(dsg.getGraph(NodeFactory.createURI(
                    Iris.articleGraph(SOURCE))), SOURCE, "copy-of-002"));
            Node name = NodeFactory.createURI(Iris.articleGraph("copy-of-002"));
            Txn.executeWrite(dsg, () -> copy.find().forEachRemaining(t -> dsg.add(name, t.getSubject(),
                    t.getPredicate(), t.getObject())));
            try {
                return Txn.calculateRead(dsg, () -> v.article(dsg, "copy-of-002", Map.of(name.getURI(), copy)));
            } finally {
                Txn.executeWrite(dsg, () -> dsg.removeGraph(name));
            }
        });
        assertFalse(r.conforms());
        assertTrue(r.checkViolations().stream().anyMatch(c -> c.check().contains("article-unique-hash")),
                r.describe());
    }

    @Test
    void aFactContradictingOtherArticlesBreaksTheDateOrder() {
        ValidationReport r = inDatabase((dsg, v) -> {
            Node graph = NodeFactory.createURI(Iris.articleGraph(SOURCE));
            Graph g = GraphFactory.createDefaultGraph();
            Txn.executeRead(dsg, () -> dsg.getGraph(graph).find().forEachRemaining(g::add));
            // the 2024-07-28 SCC meeting is dated by another article (004); this one says it ended in 2020
            Triple end = Triple.create(NodeFactory.createURI(Iris.entity("meeting/scc-2024-07-28")),
                    AKG.endDate.asNode(), NodeFactory.createLiteralDT("2020-01-01", XSDDatatype.XSDdate));
            assertFalse(g.contains(Triple.create(end.getSubject(), AKG.date.asNode(), Node.ANY)),
                    "the article itself must not date the meeting");
            g.add(end);
            Txn.executeWrite(dsg, () -> dsg.add(graph, end.getSubject(), end.getPredicate(), end.getObject()));
            try {
                return Txn.calculateRead(dsg, () -> v.article(dsg, SOURCE, Map.of(graph.getURI(), g)));
            } finally {
                Txn.executeWrite(dsg, () -> dsg.delete(graph, end.getSubject(), end.getPredicate(), end.getObject()));
            }
        });
        assertTrue(r.checkViolations().stream().anyMatch(c -> c.check().contains("date-order")), r.describe());
    }

    private interface Work {
        ValidationReport run(DatasetGraph dsg, Validator v);
    }

    private static ValidationReport inDatabase(Work work) {
        Dataset ds = new Store(layout).openCurrent();
        try {
            return work.run(ds.asDatasetGraph(), Validator.forProject(layout));
        } finally {
            Store.close(ds);
        }
    }

    private static Map<String, Graph> graphsOf(DatasetGraph dsg, String id) {
        return Txn.calculateRead(dsg, () -> {
            Graph a = GraphFactory.createDefaultGraph();
            dsg.getGraph(NodeFactory.createURI(Iris.articleGraph(id))).find().forEachRemaining(a::add);
            Graph s = GraphFactory.createDefaultGraph();
            dsg.getGraph(NodeFactory.createURI(Iris.suggestedGraph(id))).find().forEachRemaining(s::add);
            Graph f = GraphFactory.createDefaultGraph();
            FactsGraph.statedBy(dsg, NodeFactory.createURI(Iris.articleGraph(id))).forEach(f::add);
            return Map.of(Iris.articleGraph(id), a, Iris.suggestedGraph(id), s, Iris.FACTS_GRAPH, f);
        });
    }

    /** The graph with the article node renamed (claims and mentions keep their names). */
    private static Graph renamed(Graph g, String from, String to) {
        Node a = NodeFactory.createURI(Iris.article(from));
        Node b = NodeFactory.createURI(Iris.article(to));
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> out.add(Triple.create(t.getSubject().equals(a) ? b : t.getSubject(),
                t.getPredicate(), t.getObject().equals(a) ? b : t.getObject())));
        return out;
    }
}
