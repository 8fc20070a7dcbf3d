package org.alliancekg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.gephi.graph.api.Edge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every export format of the fixture graph, read back by a reader other people wrote (see {@link ExportReaders}),
 * with the node, edge and claim counts of the SPARQL counting queries; and a CONSTRUCT-selected subgraph.
 */
class GraphExportTest {

    @TempDir
    Path tmp;

    final DatasetGraph dataset = ExportFixture.tdb2();

    RelationGraph graph(boolean articles) {
        return RelationGraphReader.of(dataset).withArticles(articles).read(GraphSelection.all());
    }

    byte[] write(ExportFormat format, RelationGraph graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer(dataset).write(graph, out);
        return out.toByteArray();
    }

    Path file(ExportFormat format, RelationGraph graph, String name) throws Exception {
        Path f = tmp.resolve(name + "." + format.extension());
        Files.write(f, write(format, graph));
        return f;
    }

    @ParameterizedTest(name = "articles={0}")
    @ValueSource(booleans = {false, true})
    void gexfOpensInGephiAsADynamicGraph(boolean articles) throws Exception {
        RelationGraph g = graph(articles);
        ExportReaders.checkGexf(file(ExportFormat.GEXF, g, "graph"), ExportFixture.expected(dataset, articles), g);
    }

    @Test
    void gexfKeepsEvidenceAndParallelRelationsInGephi() throws Exception {
        RelationGraph g = graph(false);
        ExportReaders.GephiImport imported = ExportReaders.gephi(file(ExportFormat.GEXF, g, "graph"));
        Edge names = imported.model().getGraph().getEdge("meeting/scc-2022-01-06 namesThreat threat/ballistic-missiles");
        assertEquals(2.0, names.getWeight());
        assertEquals(2, names.getAttribute("claims"));
        String claims = (String) names.getAttribute("claim_iris");
        assertTrue(claims.contains("claim/002-diplomat-tatsumi-new-vision/000000000002")
                && claims.contains("claim/002-diplomat-tatsumi-new-vision/000000000003"), claims);
        assertTrue(((String) names.getAttribute("evidence")).contains("North Korea's ballistic missile launches"));
        assertEquals("2022-01-06", names.getAttribute("dates"));
        var gg = imported.model().getGraph();
        var japan = gg.getNode("state/japan");
        var meeting = gg.getNode("meeting/scc-2022-01-06");
        assertEquals(Set.of("participant", "host"), Set.copyOf(gg.getEdges(meeting).toCollection().stream()
                .filter(e -> e.getSource() == meeting && e.getTarget() == japan)
                .map(e -> (String) e.getAttribute("relation")).toList()), "participant and host both kept");
        assertEquals("ballistic missiles <& \"quoted\">", gg.getNode("threat/ballistic-missiles").getLabel());
    }

    @ParameterizedTest(name = "articles={0}")
    @ValueSource(booleans = {false, true})
    void graphmlOpensInJGraphTAndGephi(boolean articles) throws Exception {
        RelationGraph g = graph(articles);
        ExportReaders.checkGraphml(file(ExportFormat.GRAPHML, g, "graph"), ExportFixture.expected(dataset, articles), g);
    }

    @Test
    void graphmlHasYedShapeNodesWithLabels() throws Exception {
        RelationGraph g = graph(false);
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(write(ExportFormat.GRAPHML, g)));
        var shapes = doc.getElementsByTagNameNS(GraphMlWriter.YED, "ShapeNode");
        assertEquals(g.nodes().size(), shapes.getLength(), "one y:ShapeNode a node");
        assertEquals(g.edges().size(), doc.getElementsByTagNameNS(GraphMlWriter.YED, "PolyLineEdge").getLength());
        Set<String> labels = new java.util.HashSet<>();
        var nodeLabels = doc.getElementsByTagNameNS(GraphMlWriter.YED, "NodeLabel");
        for (int i = 0; i < nodeLabels.getLength(); i++) {
            labels.add(nodeLabels.item(i).getTextContent());
        }
        assertEquals(Set.copyOf(g.nodes().stream().map(GraphNode::label).toList()), labels);
        assertTrue(labels.contains("ballistic missiles <& \"quoted\">"), "special characters survive");
        var fills = doc.getElementsByTagNameNS(GraphMlWriter.YED, "Fill");
        Set<String> colors = new java.util.HashSet<>();
        for (int i = 0; i < fills.getLength(); i++) {
            colors.add(((org.w3c.dom.Element) fills.item(i)).getAttribute("color").toLowerCase(java.util.Locale.ROOT));
        }
        assertEquals(Set.copyOf(g.nodes().stream().map(n -> n.nodeClass().color()).toList()), colors,
                "filled by class colour");
    }

    @ParameterizedTest(name = "articles={0}")
    @ValueSource(booleans = {false, true})
    void dotRendersWithGraphviz(boolean articles) throws Exception {
        RelationGraph g = graph(articles);
        ExportReaders.checkDot(file(ExportFormat.DOT, g, "graph"), tmp.resolve("graph.svg"),
                ExportFixture.expected(dataset, articles));
    }

    @ParameterizedTest(name = "articles={0}")
    @ValueSource(booleans = {false, true})
    void cyjsParsesWithJackson(boolean articles) throws Exception {
        RelationGraph g = graph(articles);
        JsonNode root = ExportReaders.checkCyjs(write(ExportFormat.CYJS, g), ExportFixture.expected(dataset, articles));
        JsonNode japan = null;
        for (JsonNode n : root.path("elements").path("nodes")) {
            if (n.path("data").path("id").asText().equals("state/japan")) {
                japan = n;
            }
        }
        assertEquals("Japan", japan.path("data").path("label").asText());
        assertEquals("State", japan.path("data").path("class").asText());
        assertEquals("Q17", japan.path("data").path("wikidata").asText());
        assertTrue(japan.path("position").has("x"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ttl", "nq"})
    void rdfExportsParseBackWithTheSameCounts(String name) {
        ExportFormat format = ExportFormat.fromName(name).orElseThrow();
        Lang lang = format == ExportFormat.TTL ? Lang.TURTLE : Lang.NQUADS;
        for (boolean articles : new boolean[] {false, true}) {
            RelationGraph g = graph(articles);
            DatasetGraph parsed = ExportReaders.checkRdf(write(format, g), lang,
                    ExportFixture.expected(dataset, articles), articles);
            if (format == ExportFormat.NQ) {
                assertTrue(parsed.containsGraph(org.apache.jena.graph.NodeFactory.createURI(
                        "https://w3id.org/alliance-kg/graph/article/002-diplomat-tatsumi-new-vision")),
                        "N-Quads keep the article graphs");
            }
        }
    }

    @Test
    void constructSubgraphExportsHoldExactlyThatSubgraph() throws Exception {
        Graph picked = RelationGraphReader.construct(dataset,
                QueryFactory.create(ExportFixture.text("export/meetings-subgraph.rq")), 10_000);
        RelationGraph g = RelationGraphReader.of(dataset).read(GraphSelection.triples(picked));
        Set<String> expectedEdges = Set.copyOf(g.edges().stream().map(GraphEdge::id).toList());
        assertEquals(7, expectedEdges.size());
        int claims = g.edges().stream().mapToInt(GraphEdge::weight).sum();
        ExportFixture.Counts counts = new ExportFixture.Counts(g.nodes().size(), g.edges().size(), claims);

        ExportReaders.GephiImport gexf = ExportReaders.checkGexf(file(ExportFormat.GEXF, g, "sub"), counts, g);
        Set<String> gephiEdges = new java.util.HashSet<>();
        gexf.model().getGraph().getEdges().forEach(e -> gephiEdges.add((String) e.getId()));
        assertEquals(expectedEdges, gephiEdges);
        ExportReaders.checkGraphml(file(ExportFormat.GRAPHML, g, "sub"), counts, g);
        ExportReaders.checkCyjs(write(ExportFormat.CYJS, g), counts);
        ExportReaders.checkDot(file(ExportFormat.DOT, g, "sub"), tmp.resolve("sub.svg"), counts);
        assertEquals(List.of(), g.edges().stream().filter(e -> !e.source().startsWith("meeting/")).toList(),
                "only the meetings' own relations");
    }
}
