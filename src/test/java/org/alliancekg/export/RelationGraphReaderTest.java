package org.alliancekg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** Reading the relation graph from the fixture: which nodes and edges, their attributes, evidence and dates. */
class RelationGraphReaderTest {

    static final String ID = "https://w3id.org/alliance-kg/id/";

    final DatasetGraph dataset = ExportFixture.inMemory();
    final RelationGraphReader reader = RelationGraphReader.of(dataset);

    @Test
    void fullGraphHasTheCountsOfTheCountingQueries() {
        for (DatasetGraph dsg : List.of(dataset, ExportFixture.tdb2())) {
            for (boolean articles : new boolean[] {false, true}) {
                RelationGraph g = RelationGraphReader.of(dsg).withArticles(articles).read(GraphSelection.all());
                ExportFixture.Counts expected = ExportFixture.expected(dsg, articles);
                assertEquals(expected.nodes(), g.nodes().size(), "nodes, articles=" + articles);
                assertEquals(expected.edges(), g.edges().size(), "edges, articles=" + articles);
                assertEquals(expected.claims(), g.edges().stream().mapToLong(e -> e.evidence().stream()
                        .filter(x -> x.kind() == Evidence.Kind.CLAIM).count()).sum(), "claims, articles=" + articles);
            }
        }
    }

    @Test
    void articlesAreNodesOnlyWhenAskedFor() {
        RelationGraph without = reader.read(GraphSelection.all());
        assertTrue(without.nodes().stream().noneMatch(n -> n.nodeClass() == NodeClass.ARTICLE));
        assertTrue(without.edges().stream().noneMatch(e -> e.relation().equals("mentions")));
        RelationGraph with = reader.withArticles(true).read(GraphSelection.all());
        GraphNode article = with.requireNode("article/002-diplomat-tatsumi-new-vision");
        assertEquals(NodeClass.ARTICLE, article.nodeClass());
        GraphEdge mentions = edge(with, "article/002-diplomat-tatsumi-new-vision mentions state/japan");
        assertEquals(2, mentions.weight(), "one evidence per mention");
        assertTrue(mentions.evidence().stream().allMatch(x -> x.kind() == Evidence.Kind.MENTION));
        assertTrue(mentions.evidence().stream().anyMatch(x -> x.quote().equals("Japan and the United States held the SCC.")),
                "a mention's sentence is its quote");
        assertTrue(mentions.evidence().stream().anyMatch(x -> x.quote().equals("Japan")),
                "a mention without sentence has its anchor text");
        assertEquals(0, edge(with, "article/002-diplomat-tatsumi-new-vision dcterms:publisher organization/the-diplomat")
                .weight());
    }

    @Test
    void nodesCarryLabelClassWikidataAliasesAndDates() {
        RelationGraph g = reader.read(GraphSelection.all());
        GraphNode japan = g.requireNode("state/japan");
        assertEquals("Japan", japan.label());
        assertEquals(NodeClass.STATE, japan.nodeClass());
        assertEquals(Optional.of("Q17"), japan.wikidata());
        assertEquals(List.of("Japanese government"), japan.aliases());
        assertEquals(ID + "state/japan", japan.iri());
        GraphNode nss = g.requireNode("document/jp-nss-2022");
        assertEquals("2022-12", nss.date().orElseThrow().lexical());
        assertEquals(LocalDate.of(2022, 12, 1), nss.date().orElseThrow().first());
        assertEquals(LocalDate.of(2022, 12, 31), nss.date().orElseThrow().last());
        assertEquals("ballistic missiles <& \"quoted\">", g.requireNode("threat/ballistic-missiles").label());
        assertTrue(g.node("place/tokyo").isPresent(), "an entity without relations is still a node");
    }

    @Test
    void edgesCarryTheirClaimsAsEvidence() {
        RelationGraph g = reader.read(GraphSelection.all());
        GraphEdge names = edge(g, "meeting/scc-2022-01-06 namesThreat threat/ballistic-missiles");
        assertEquals(2, names.weight());
        assertEquals("names threat", names.label(), "the property's rdfs:label");
        assertEquals("https://w3id.org/alliance-kg/ontology#namesThreat", names.predicate());
        assertEquals(List.of(ID + "claim/002-diplomat-tatsumi-new-vision/000000000002",
                ID + "claim/002-diplomat-tatsumi-new-vision/000000000003"),
                names.evidence().stream().map(Evidence::iri).toList());
        assertEquals(List.of(ID + "article/002-diplomat-tatsumi-new-vision"), names.articles());
        assertEquals("nuclear weapons, ballistic and cruise missiles", names.evidence().get(0).quote());
        assertEquals(List.of("2022-01-06"), names.dates().stream().map(DateSpan::lexical).toList());

        GraphEdge imminent = edge(g, "document/jp-nss-2022 namesThreat threat/ballistic-missiles");
        assertEquals(Optional.of("imminent threat"), imminent.evidence().get(0).characterization());

        GraphEdge forActor = edge(g, "position/jp-prime-minister forActor state/japan");
        assertEquals(0, forActor.weight(), "a catalogue fact has no claim");
        assertEquals("forActor", forActor.label(), "no rdfs:label in the fixture: the relation name");

        assertTrue(g.node("state/japan").isPresent());
        edge(g, "meeting/scc-2022-01-06 participant state/japan");
        edge(g, "meeting/scc-2022-01-06 host state/japan");
        edge(g, "state/japan cooperatesWith state/united-states");
        edge(g, "state/united-states cooperatesWith state/japan");
    }

    @Test
    void suggestedClaimsAreNoEdges() {
        RelationGraph g = reader.read(GraphSelection.all());
        assertFalse(g.edges().stream().anyMatch(e -> e.id().equals("state/north-korea cooperatesWith state/japan")));
    }

    @Test
    void edgesStartAtTheirEarliestClaimDateButNotBeforeTheirEnds() {
        RelationGraph g = reader.read(GraphSelection.all());
        assertEquals(Optional.of(LocalDate.of(2022, 1, 6)),
                edge(g, "meeting/scc-2022-01-06 namesThreat threat/ballistic-missiles").start());
        assertEquals(Optional.of(LocalDate.of(2022, 1, 1)),
                edge(g, "state/japan pursuesCapability capability/counterstrike").start(), "gYear 2022");
        assertEquals(Optional.of(LocalDate.of(2022, 12, 16)),
                edge(g, "document/jp-nss-2022 issuedBy state/japan").start(), "claim date after the document's");
        assertEquals(Optional.of(LocalDate.of(2023, 1, 13)),
                edge(g, "meeting/summit-2023-01-13 participant person/fumio-kishida").start(),
                "undated claim: from the meeting's date");
        assertEquals(Optional.empty(), edge(g, "state/japan memberOf alliance/quad").start());
        LocalDate[] bounds = g.timeBounds().orElseThrow();
        assertEquals(LocalDate.of(2021, 10, 4), bounds[0]);
        assertEquals(LocalDate.of(2023, 1, 13), bounds[1]);
    }

    @Test
    void constructQuerySelectsExactlyItsRelationTriples() {
        Graph picked = RelationGraphReader.construct(dataset,
                QueryFactory.create(ExportFixture.text("export/meetings-subgraph.rq")), 10_000);
        RelationGraph g = reader.read(GraphSelection.triples(picked));
        assertEquals(Set.of(
                "meeting/scc-2022-01-06 namesThreat threat/ballistic-missiles",
                "meeting/scc-2022-01-06 namesThreat threat/hypersonic-weapons",
                "meeting/scc-2022-01-06 partOfSeries series/us-japan-scc",
                "meeting/scc-2022-01-06 participant state/japan",
                "meeting/scc-2022-01-06 host state/japan",
                "meeting/summit-2023-01-13 participant person/fumio-kishida",
                "meeting/summit-2023-01-13 participant person/joe-biden"),
                Set.copyOf(g.edges().stream().map(GraphEdge::id).toList()));
        assertEquals(Set.of("meeting/scc-2022-01-06", "meeting/summit-2023-01-13", "threat/ballistic-missiles",
                "threat/hypersonic-weapons", "series/us-japan-scc", "state/japan", "person/fumio-kishida",
                "person/joe-biden"), Set.copyOf(g.nodes().stream().map(GraphNode::id).toList()));
        assertEquals(2, edge(g, "meeting/scc-2022-01-06 namesThreat threat/ballistic-missiles").weight(),
                "evidence is looked up in the whole dataset");
    }

    @Test
    void constructSeesNamedGraphsAndRefusesOtherQueryForms() {
        Graph picked = RelationGraphReader.construct(dataset, QueryFactory.create(
                "PREFIX akg: <https://w3id.org/alliance-kg/ontology#> CONSTRUCT { ?s ?p ?o } WHERE { GRAPH "
                        + "<https://w3id.org/alliance-kg/graph/facts> { ?s ?p ?o FILTER (?p = akg:cooperatesWith) } }"),
                0);
        assertEquals(2, reader.read(GraphSelection.triples(picked)).edges().size());
        assertThrows(IllegalArgumentException.class, () -> RelationGraphReader.construct(dataset,
                QueryFactory.create("SELECT * { ?s ?p ?o }"), 0));
    }

    @Test
    void aroundGivesTheEdgesTouchingTheCentreAndTheirEnds() {
        RelationGraph g = reader.read(GraphSelection.around(Set.of(ID + "state/japan")));
        assertEquals(Set.of(
                "meeting/scc-2022-01-06 participant state/japan",
                "meeting/scc-2022-01-06 host state/japan",
                "position/jp-prime-minister forActor state/japan",
                "document/jp-nss-2022 issuedBy state/japan",
                "state/japan pursuesCapability capability/counterstrike",
                "state/japan memberOf alliance/quad",
                "state/japan cooperatesWith state/united-states",
                "state/united-states cooperatesWith state/japan"),
                Set.copyOf(g.edges().stream().map(GraphEdge::id).toList()));
        assertEquals(7, g.nodes().size());
        assertEquals(List.of("place/tokyo"), reader.read(GraphSelection.around(Set.of(ID + "place/tokyo")))
                .nodes().stream().map(GraphNode::id).toList(), "an isolated node alone");
        assertTrue(reader.read(GraphSelection.around(Set.of(ID + "claim/002-diplomat-tatsumi-new-vision/000000000002")))
                .nodes().isEmpty(), "a claim is no node");
    }

    @Test
    void anEvidenceLimitReadsTheFirstClaimsInFullAndStillCountsAndDatesAll() {
        String claims = ID + "claim/002-diplomat-tatsumi-new-vision/";
        String fact = Iris.fact(NodeFactory.createURI(ID + "meeting/scc-2022-01-06"), AKG.namesThreat.asNode(),
                NodeFactory.createURI(ID + "threat/ballistic-missiles"));
        Node graph = NodeFactory.createURI(Iris.GRAPH + "article/002-diplomat-tatsumi-new-vision");
        Node third = NodeFactory.createURI(claims + "0000000000ff");
        Txn.executeWrite(dataset, () -> {
            dataset.add(graph, third, RDF.type.asNode(), AKG.Claim.asNode());
            dataset.add(graph, third, AKG.fact.asNode(), NodeFactory.createURI(fact));
            dataset.add(graph, third, AKG.quote.asNode(), NodeFactory.createLiteralString("a third claim"));
            dataset.add(graph, third, AKG.date.asNode(),
                    NodeFactory.createLiteralDT("2021-12", XSDDatatype.XSDgYearMonth));
        });
        String id = "meeting/scc-2022-01-06 namesThreat threat/ballistic-missiles";
        GraphEdge all = edge(reader.read(GraphSelection.all()), id);
        assertEquals(3, all.weight());
        assertFalse(all.evidenceCut());

        GraphEdge cut = edge(reader.withEvidenceLimit(2).read(GraphSelection.all()), id);
        assertEquals(3, cut.weight(), "the weight counts every claim");
        assertEquals(3, cut.claims());
        assertTrue(cut.evidenceCut());
        assertEquals(List.of(claims + "000000000002", claims + "000000000003"),
                cut.evidence().stream().map(Evidence::iri).toList(), "the first two by IRI, read in full");
        assertEquals("nuclear weapons, ballistic and cruise missiles", cut.evidence().get(0).quote());
        assertEquals(List.of("2021-12", "2022-01-06"), cut.dates().stream().map(DateSpan::lexical).toList(),
                "the dates of all the claims, the third's too");
        assertEquals(all.start(), cut.start());
        assertEquals(all.dates(), cut.dates());
        assertThrows(IllegalArgumentException.class, () -> reader.withEvidenceLimit(0));

        GraphEdge mentions = edge(reader.withArticles(true).withEvidenceLimit(1).read(GraphSelection.all()),
                "article/002-diplomat-tatsumi-new-vision mentions state/japan");
        assertEquals(2, mentions.weight(), "both mentions counted");
        assertEquals(1, mentions.evidence().size());
        assertEquals(0, mentions.claims(), "mentions are no claims");
    }

    static GraphEdge edge(RelationGraph g, String id) {
        return g.edges().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + id + " in " + g.edges().stream().map(GraphEdge::id).toList()));
    }
}
