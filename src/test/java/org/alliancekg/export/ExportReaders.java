package org.alliancekg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.gephi.graph.api.Node;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.openide.util.Lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads exported files back with readers other people wrote, and checks them against the counts the SPARQL
 * counting queries give: Gephi's importers (GEXF, GraphML), JGraphT's GraphML importer, Graphviz {@code dot},
 * Jackson, Jena's RIOT parsers.
 */
final class ExportReaders {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ExportReaders() {
    }

    /** What Gephi made of a file: the import container (before processing) and the graph after processing. */
    record GephiImport(Container container, GraphModel model, List<Issue> issues) {
    }

    /** Imports a file with Gephi's own importer (chosen by extension) into a fresh workspace. */
    static synchronized GephiImport gephi(Path file) throws IOException {
        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        if (projects.getCurrentProject() == null) {
            projects.newProject();
        }
        Workspace workspace = projects.newWorkspace(projects.getCurrentProject());
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        File f = file.toFile();
        assertNotNull(importer.getFileImporter(f), "Gephi has no importer for " + file.getFileName());
        Container container = importer.importFile(f);
        assertNotNull(container, "Gephi could not import " + file.getFileName());
        List<Issue> issues = new ArrayList<>(container.getReport().getIssuesList(Integer.MAX_VALUE));
        importer.process(container, new DefaultProcessor(), workspace);
        GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
        return new GephiImport(container, model, issues);
    }

    /** Issues at level SEVERE or CRITICAL, as text. */
    static List<String> serious(List<Issue> issues) {
        return issues.stream().filter(i -> i.getLevel().toInteger() >= Issue.Level.SEVERE.toInteger())
                .map(i -> i.getLevel() + ": " + i.getMessage()).toList();
    }

    /**
     * Checks a GEXF file with Gephi: no serious issue, the counts before and after processing (edges of different
     * relations between the same nodes stay apart), a dynamic graph whose node intervals start at the nodes' dates.
     */
    static GephiImport checkGexf(Path file, ExportFixture.Counts expected, RelationGraph graph) throws IOException {
        GephiImport imported = gephi(file);
        assertEquals(List.of(), serious(imported.issues()), "Gephi reported problems with " + file.getFileName());
        assertEquals(expected.nodes(), imported.container().getUnloader().getNodeCount(), "GEXF nodes (Gephi)");
        assertEquals(expected.edges(), imported.container().getUnloader().getEdgeCount(), "GEXF edges (Gephi)");
        assertEquals(expected.nodes(), imported.model().getGraph().getNodeCount(), "GEXF nodes after processing");
        assertEquals(expected.edges(), imported.model().getGraph().getEdgeCount(), "GEXF edges after processing");
        assertTrue(imported.model().isDynamic(), "Gephi does not see a dynamic graph in " + file.getFileName());
        double weights = 0;
        for (Edge e : imported.model().getGraph().getEdges()) {
            weights += e.getWeight();
        }
        if (graph.edges().stream().allMatch(e -> e.evidence().stream().allMatch(x -> x.kind() == Evidence.Kind.CLAIM))) {
            assertEquals(expected.claims(), (int) weights, "sum of GEXF edge weights = supporting claims");
        }
        int dated = 0;
        for (GraphNode n : graph.nodes()) {
            Node g = imported.model().getGraph().getNode(n.id());
            assertNotNull(g, "Gephi has no node " + n.id());
            assertEquals(n.label(), g.getLabel(), "label of " + n.id());
            assertEquals(n.nodeClass().localName(), g.getAttribute("class"), "class of " + n.id());
            assertEquals(n.wikidata().orElse(null), g.getAttribute("wikidata"), "wikidata of " + n.id());
            Interval[] intervals = g.getIntervals();
            if (n.date().isPresent()) {
                dated++;
                assertEquals(1, intervals.length, "one interval for " + n.id());
                assertEquals(millis(n.date().get().first()), intervals[0].getLow(), "start of " + n.id());
                assertEquals(Double.POSITIVE_INFINITY, intervals[0].getHigh(), "open end of " + n.id());
            } else {
                assertEquals(0, intervals.length, "no interval for undated " + n.id());
            }
        }
        assertTrue(dated > 0, "no dated node: the timeline would be empty");
        for (GraphEdge e : graph.edges()) {
            Edge g = imported.model().getGraph().getEdge(e.id());
            assertNotNull(g, "Gephi has no edge " + e.id());
            assertEquals(e.weight(), g.getWeight(), 0.0, "weight of " + e.id());
            assertEquals(e.label(), g.getLabel(), "label of " + e.id());
            if (e.start().isPresent()) {
                assertEquals(millis(e.start().get()), g.getIntervals()[0].getLow(), "start of " + e.id());
            }
        }
        return imported;
    }

    static double millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * Checks a GraphML file with JGraphT's GraphML importer (counts, labels, weights) and Gephi's (counts, and no
     * serious issue but for yEd's two graphics keys, which carry no {@code attr.type}). JGraphT's schema validation
     * is off: its {@code graphml.xsd} does not allow yEd's {@code yfiles.type} key attribute (yEd's own files fail it
     * the same way).
     */
    static void checkGraphml(Path file, ExportFixture.Counts expected, RelationGraph graph) throws IOException {
        DirectedPseudograph<String, DefaultWeightedEdge> g = new DirectedPseudograph<>(
                SupplierUtil.createStringSupplier(), SupplierUtil.DEFAULT_WEIGHTED_EDGE_SUPPLIER, true);
        GraphMLImporter<String, DefaultWeightedEdge> importer = new GraphMLImporter<>();
        importer.setSchemaValidation(false);
        Map<String, Map<String, String>> nodeValues = new HashMap<>();
        importer.addVertexAttributeConsumer((p, a) ->
                nodeValues.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a.getValue()));
        importer.importGraph(g, Files.newBufferedReader(file, StandardCharsets.UTF_8));
        assertEquals(expected.nodes(), g.vertexSet().size(), "GraphML nodes (JGraphT)");
        assertEquals(expected.edges(), g.edgeSet().size(), "GraphML edges (JGraphT)");
        double weights = g.edgeSet().stream().mapToDouble(g::getEdgeWeight).sum();
        assertEquals(graph.edges().stream().mapToInt(GraphEdge::weight).sum(), (int) weights, "GraphML weights");
        Map<String, Map<String, String>> byEntity = new HashMap<>();
        nodeValues.values().forEach(v -> byEntity.put(v.get("entity"), v));
        for (GraphNode n : graph.nodes()) {
            Map<String, String> v = byEntity.get(n.id());
            assertNotNull(v, "GraphML has no node for " + n.id());
            assertEquals(n.label(), v.get("label"), "label of " + n.id());
            assertEquals(n.nodeClass().localName(), v.get("class"), "class of " + n.id());
            assertEquals(n.wikidata().orElse(null), v.get("wikidata"), "wikidata of " + n.id());
        }

        GephiImport gephi = gephi(file);
        assertEquals(expected.nodes(), gephi.container().getUnloader().getNodeCount(), "GraphML nodes (Gephi)");
        assertEquals(expected.edges(), gephi.container().getUnloader().getEdgeCount(), "GraphML edges (Gephi)");
        String xml = Files.readString(file);
        List<String> yedKeys = new ArrayList<>();
        Matcher m = Pattern.compile("<key id=\"(d\\d+)\" for=\"(?:node|edge)\" yfiles.type=").matcher(xml);
        while (m.find()) {
            yedKeys.add(m.group(1));
        }
        assertEquals(2, yedKeys.size(), "yEd nodegraphics and edgegraphics keys");
        List<String> other = serious(gephi.issues()).stream()
                .filter(i -> yedKeys.stream().noneMatch(k -> i.contains("'" + k + "'"))).toList();
        assertEquals(List.of(), other, "Gephi reported problems with " + file.getFileName());
    }

    /**
     * Renders a DOT file with Graphviz {@code dot -Tsvg} and counts the drawn nodes and edges; fails with one line
     * if {@code dot} is missing ({@link ExternalTool#DOT}).
     */
    static void checkDot(Path file, Path svg, ExportFixture.Counts expected) throws IOException, InterruptedException {
        Path dot = ExternalTool.require(ExternalTool.DOT);
        Process p = new ProcessBuilder(dot.toString(), "-Tsvg", "-o", svg.toString(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "dot did not finish");
        assertEquals(0, p.exitValue(), "dot failed: " + output);
        assertEquals("", output.strip(), "dot warned");
        String text = Files.readString(svg);
        assertEquals(expected.nodes(), count(text, "<g id=\"node\\d+\" class=\"node"), "nodes drawn by dot");
        assertEquals(expected.edges(), count(text, "<g id=\"edge\\d+\" class=\"edge"), "edges drawn by dot");
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Parses Cytoscape JSON with Jackson and checks its counts and the shape Cytoscape expects. */
    static JsonNode checkCyjs(byte[] json, ExportFixture.Counts expected) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode nodes = root.path("elements").path("nodes");
        JsonNode edges = root.path("elements").path("edges");
        assertTrue(nodes.isArray() && edges.isArray(), "elements.nodes and elements.edges are arrays");
        assertEquals(expected.nodes(), nodes.size(), "cyjs nodes");
        assertEquals(expected.edges(), edges.size(), "cyjs edges");
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode n : nodes) {
            assertTrue(ids.add(n.path("data").path("id").asText()), "duplicate id " + n.path("data").path("id"));
            assertFalse(n.path("data").path("label").asText().isEmpty(), "a node without label");
        }
        int weights = 0;
        for (JsonNode e : edges) {
            JsonNode d = e.path("data");
            assertTrue(ids.contains(d.path("source").asText()), "edge source is no node: " + d);
            assertTrue(ids.contains(d.path("target").asText()), "edge target is no node: " + d);
            assertTrue(ids.add(d.path("id").asText()), "duplicate id " + d.path("id"));
            assertEquals(d.path("weight").asInt(), d.path("evidence_iris").size(), "weight = evidence of " + d);
            weights += d.path("claims").asInt();
        }
        assertEquals(expected.claims(), weights, "claims over all cyjs edges");
        return root;
    }

    /**
     * Parses a Turtle or N-Quads export with Jena and counts it with the same queries as the source (Turtle is read
     * into one named graph, so that the queries' {@code GRAPH} patterns see it).
     */
    static DatasetGraph checkRdf(byte[] data, Lang lang, ExportFixture.Counts expected, boolean articles) {
        DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
        if (Lang.NQUADS.equals(lang)) {
            RDFParser.source(new ByteArrayInputStream(data)).lang(lang).parse(parsed);
        } else {
            RDFParser.source(new ByteArrayInputStream(data)).lang(lang)
                    .parse(parsed.getGraph(org.apache.jena.graph.NodeFactory.createURI("urn:x-export:turtle")));
        }
        ExportFixture.Counts actual = ExportFixture.expected(parsed, articles);
        assertEquals(expected, actual, lang.getName() + " export counted with the SPARQL counting queries");
        return parsed;
    }
}
