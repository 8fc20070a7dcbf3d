package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.ingest.TestProjects;
import org.alliancekg.vocab.Iris;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Validating article graphs in batches plus one pass over shared nodes ({@link Validator.Corpus}, used by the
 * streaming build) finds what {@link Validator} finds over the whole union, for every SHACL fixture of the project
 * ({@code src/test/resources/shapes/}: valid data and one mistake per folder), in batches of one article and of
 * all articles.
 */
class ValidatorCorpusScopeTest {

    private static final String ARTICLE_GRAPH = Iris.articleGraph("x").substring(0, Iris.articleGraph("x").length() - 1);
    private static final String SUGGESTED_GRAPH =
            Iris.suggestedGraph("x").substring(0, Iris.suggestedGraph("x").length() - 1);

    @TestFactory
    Stream<DynamicTest> scopedValidationFindsWhatWholeValidationFinds() throws IOException {
        ProjectLayout layout = ProjectLayout.detect();
        Validator validator = Validator.forProject(layout);
        Graph ontology = RDFDataMgr.loadGraph(layout.ontologyFile().toString());
        List<Path> cases;
        try (Stream<Path> s = Files.list(TestProjects.resource("shapes"))) {
            cases = s.filter(d -> Files.isRegularFile(d.resolve("data.trig"))).sorted().toList();
        }
        assertTrue(cases.size() >= 20, "expected the SHACL fixtures, found " + cases.size());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Dataset ds = DatasetFactory.createTxnMem();
            RDFDataMgr.read(ds, dir.resolve("data.trig").toString());
            ds.asDatasetGraph().addGraph(NodeFactory.createURI(Iris.ONTOLOGY_GRAPH), ontology);
            ValidationReport whole = validator.validate(ds);
            for (boolean oneByOne : new boolean[] {true, false}) {
                ValidationReport scoped = scoped(validator, ds, oneByOne);
                String label = dir.getFileName() + (oneByOne ? " (one article a batch)" : " (one batch)");
                assertEquals(whole.conforms(), scoped.conforms(), label + ":\n" + scoped.describe());
                assertEquals(new TreeSet<>(whole.shaclResults()), new TreeSet<>(scoped.shaclResults()), label);
                assertEquals(rows(whole), rows(scoped), label);
            }
            if (dir.getFileName().toString().startsWith("valid")) {
                assertTrue(whole.conforms(), whole.describe());
            }
        }));
    }

    private static ValidationReport scoped(Validator validator, Dataset ds, boolean oneByOne) {
        Graph ontology = ds.asDatasetGraph().getGraph(NodeFactory.createURI(Iris.ONTOLOGY_GRAPH));
        Graph entities = graphOrEmpty(ds, Iris.ENTITIES_GRAPH);
        // graphs of each article: graph/article/{id} and graph/suggested/{id}
        Map<String, Map<String, Graph>> byArticle = new TreeMap<>();
        ds.asDatasetGraph().listGraphNodes().forEachRemaining(n -> {
            String name = n.getURI();
            for (String prefix : List.of(ARTICLE_GRAPH, SUGGESTED_GRAPH)) {
                if (name.startsWith(prefix)) {
                    byArticle.computeIfAbsent(name.substring(prefix.length()), k -> new TreeMap<>())
                            .put(name, ds.asDatasetGraph().getGraph(n));
                }
            }
        });
        // as a build gives each batch the facts its articles assert; a fact no claim asserts (which a build never
        // makes) goes with every batch, so that the batch's checks see it
        Graph facts = graphOrEmpty(ds, Iris.FACTS_GRAPH);
        Set<Triple> asserted = new HashSet<>();
        byArticle.values().forEach(gs -> gs.values().forEach(g -> asserted.addAll(FactsGraph.assertedBy(g))));
        List<Triple> orphans = facts.find().filterDrop(asserted::contains).toList();
        byArticle.values().forEach(gs -> {
            Graph batchFacts = GraphFactory.createDefaultGraph();
            gs.values().forEach(g -> FactsGraph.assertedBy(g).stream().filter(facts::contains).forEach(batchFacts::add));
            orphans.forEach(batchFacts::add);
            gs.put(Iris.FACTS_GRAPH, batchFacts);
        });
        Validator.Corpus scoped = validator.corpus(ontology, entities, byArticle.keySet());
        Validator.Corpus.Worker worker = scoped.worker();
        List<Validator.Corpus.ArticleCheck> checks = new ArrayList<>();
        if (oneByOne) {
            byArticle.forEach((id, graphs) -> checks.add(worker.validate(graphs, List.of(id))));
        } else if (!byArticle.isEmpty()) {
            Map<String, Graph> all = new TreeMap<>();
            Graph allFacts = GraphFactory.createDefaultGraph();
            byArticle.values().forEach(gs -> gs.forEach((name, g) -> {
                if (name.equals(Iris.FACTS_GRAPH)) {
                    GraphUtil.addInto(allFacts, g);
                } else {
                    all.put(name, g);
                }
            }));
            all.put(Iris.FACTS_GRAPH, allFacts);
            checks.add(worker.validate(all, byArticle.keySet()));
        }
        byArticle.forEach((id, graphs) -> graphs.forEach((name, g) -> {
            if (!name.equals(Iris.FACTS_GRAPH)) {
                scoped.share(id, g);
            }
        }));
        scoped.shareFacts(facts);
        return scoped.finish(checks.stream().filter(c -> !c.conforms()).toList());
    }

    private static Graph graphOrEmpty(Dataset ds, String name) {
        Node n = NodeFactory.createURI(name);
        return ds.asDatasetGraph().containsGraph(n) ? ds.asDatasetGraph().getGraph(n) : GraphFactory.createDefaultGraph();
    }

    private static TreeSet<String> rows(ValidationReport r) {
        TreeSet<String> out = new TreeSet<>();
        r.checkViolations().forEach(v -> out.add(v.check() + " | " + v.resource() + " | " + v.message()));
        return out;
    }
}
