package org.alliancekg.build;

import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.alliancekg.store.ServerStatus;
import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleIngesterTest {

    private static final String ID = ProjectCopy.UNSEEN;
    private static final String ARTICLE_GRAPH = Iris.articleGraph(ID);
    private static final String SUGGESTED_GRAPH = Iris.suggestedGraph(ID);

    @TempDir
    Path dir;

    private ProjectLayout built() {
        ProjectLayout layout = ProjectCopy.of(dir);
        new GraphBuilder(layout).build();
        return layout;
    }

    private static boolean isNew(String graph) {
        return graph.equals(ARTICLE_GRAPH) || graph.equals(SUGGESTED_GRAPH);
    }

    @Test
    void oneArticleIsAddedWithoutTouchingTheRestAndTwiceChangesNothing() throws IOException {
        ProjectLayout layout = built();
        Set<Quad> before = ProjectCopy.quads(layout);

        IngestResult r = new ArticleIngester(layout).ingest(ProjectCopy.unseenArticle());

        assertEquals(IngestResult.Status.CREATED, r.status());
        assertEquals(Iris.article(ID), r.articleIri());
        assertEquals("data/articles/" + ID + ".md", r.copiedTo());
        assertEquals(Files.readString(ProjectCopy.unseenArticle()),
                Files.readString(layout.articlesDir().resolve(ID + ".md")), "copied for the next build");
        Set<Quad> after = ProjectCopy.quads(layout);
        assertEquals(ProjectCopy.quads(layout, g -> !isNew(g) && !g.equals(Iris.FACTS_GRAPH)),
                before.stream().filter(q -> !q.getGraph().getURI().equals(Iris.FACTS_GRAPH)).collect(toSet()),
                "the other article graphs are untouched");
        Set<Quad> facts = ProjectCopy.quads(layout, g -> g.equals(Iris.FACTS_GRAPH));
        assertTrue(facts.containsAll(before.stream().filter(q -> q.getGraph().getURI().equals(Iris.FACTS_GRAPH))
                .toList()), "a new article only adds facts");
        Set<Quad> added = ProjectCopy.quads(layout, ArticleIngesterTest::isNew);
        long newFacts = after.size() - before.size() - added.size();
        assertTrue(newFacts >= 0);
        assertEquals(r.articleQuads() + r.suggestedQuads(), added.size());
        assertTrue(r.mentions() > 20 && r.suggestions() > 0 && r.candidates() > 0, r.summary());

        Node suggestedClaim = AKG.SuggestedClaim.asNode();
        assertTrue(added.stream().anyMatch(q -> q.getGraph().getURI().equals(SUGGESTED_GRAPH)
                && q.getPredicate().equals(RDF.type.asNode()) && q.getObject().equals(suggestedClaim)));
        Node japan = NodeFactory.createURI(Iris.entity("state/japan"));
        Node pursues = NodeFactory.createURI(AKG.NS + "pursuesCapability");
        assertFalse(after.stream().anyMatch(q -> q.getSubject().equals(japan) && q.getPredicate().equals(pursues)
                && q.getGraph().getURI().contains(ID)), "a suggestion is never asserted");

        IngestResult again = new ArticleIngester(layout).ingest(ProjectCopy.unseenArticle());
        assertEquals(IngestResult.Status.UNCHANGED, again.status());
        assertNull(again.copiedTo());
        assertEquals(after, ProjectCopy.quads(layout), "ingesting the same file twice changes nothing");
    }

    @Test
    void aChangedArticleReplacesItsGraphs() throws IOException {
        ProjectLayout layout = built();
        ArticleIngester ingester = new ArticleIngester(layout);
        ingester.ingest(ProjectCopy.unseenArticle());
        Set<Quad> first = ProjectCopy.quads(layout, ArticleIngesterTest::isNew);

        Path changed = dir.resolve("incoming").resolve(ID + ".md");
        Files.createDirectories(changed.getParent());
        Files.writeString(changed, Files.readString(ProjectCopy.unseenArticle())
                .replace("Before the talks, Hegseth and Nakatani", "Earlier, Hegseth and Nakatani"));
        IngestResult r = ingester.ingest(changed);

        assertEquals(IngestResult.Status.REPLACED, r.status());
        Set<Quad> second = ProjectCopy.quads(layout, ArticleIngesterTest::isNew);
        assertNotEquals(first, second);
        assertEquals(r.articleQuads() + r.suggestedQuads(), second.size(), "old mention nodes are gone");
        assertEquals(Files.readString(changed), Files.readString(layout.articlesDir().resolve(ID + ".md")));
    }

    @Test
    void severalFilesGoInOrderIntoTheDatabaseOpenedOnce() throws IOException {
        ProjectLayout layout = built();
        Path changed = dir.resolve("incoming").resolve(ID + ".md");
        Files.createDirectories(changed.getParent());
        Files.writeString(changed, Files.readString(ProjectCopy.unseenArticle())
                .replace("Before the talks, Hegseth and Nakatani", "Earlier, Hegseth and Nakatani"));
        List<IngestResult> results = new java.util.ArrayList<>();
        new ArticleIngester(layout).ingest(List.of(ProjectCopy.unseenArticle(), changed), results::add);
        assertEquals(List.of(IngestResult.Status.CREATED, IngestResult.Status.REPLACED),
                results.stream().map(IngestResult::status).toList());
        assertEquals(Files.readString(changed), Files.readString(layout.articlesDir().resolve(ID + ".md")),
                "the last file is the one kept");
    }

    @Test
    void anEntityAddedBetweenTwoIngestsOfOneIngesterIsFound() throws IOException {
        ProjectLayout layout = built();
        ArticleIngester ingester = new ArticleIngester(layout);
        ingester.ingest(ProjectCopy.unseenArticle());
        Node yokota = NodeFactory.createURI(Iris.entity("place/yokota-air-base"));
        assertFalse(ProjectCopy.quads(layout).stream().anyMatch(q -> q.getObject().equals(yokota)));
        Files.writeString(layout.entitiesDir().resolve("places.yaml"), Files.readString(layout.entitiesDir()
                .resolve("places.yaml")) + "- {id: place/yokota-air-base, type: Place, label: Yokota Air Base}\n");

        // the catalogue is read again: the article now mentions the new place, which the database (built before
        // it was added) does not type, so the ingest is refused until a build puts the entity in
        Set<Quad> before = ProjectCopy.quads(layout);
        ValidationException e = assertThrows(ValidationException.class,
                () -> ingester.ingest(ProjectCopy.unseenArticle()));
        assertTrue(e.getMessage().contains("place/yokota-air-base"), e.getMessage());
        assertEquals(before, ProjectCopy.quads(layout), "nothing written");
    }

    @Test
    void theIngestedGraphsAreWhatABuildMakes() {
        ProjectLayout layout = built();
        new ArticleIngester(layout).ingest(ProjectCopy.unseenArticle());
        Set<Quad> ingested = ProjectCopy.quads(layout, ArticleIngesterTest::isNew);
        Set<Quad> data = ProjectCopy.quads(layout, g -> !g.equals(Iris.ONTOLOGY_GRAPH));

        new GraphBuilder(layout).build();
        assertEquals(ingested, ProjectCopy.quads(layout, ArticleIngesterTest::isNew));
        Set<Quad> rebuilt = ProjectCopy.quads(layout, g -> !g.equals(Iris.ONTOLOGY_GRAPH));
        assertTrue(data.equals(rebuilt), "a full build of the project now gives the same data (the ontology graph "
                + "has blank nodes): " + data.size() + " quads after ingest, " + rebuilt.size() + " rebuilt");
    }

    @Test
    void theClaimsFileOfTheArticleIsUsed() throws IOException {
        ProjectLayout layout = built();
        Files.writeString(layout.claimsDir().resolve(ID + ".yaml"), """
                article: %s
                claims:
                  - subject: person/fumio-kishida
                    predicate: holdsPosition
                    object: position/jp-prime-minister
                    quote: "former Prime Minister Fumio Kishida"
                """.formatted(ID));
        IngestResult r = new ArticleIngester(layout).ingest(ProjectCopy.unseenArticle());
        assertEquals(1, r.claims());
        Node kishida = NodeFactory.createURI(Iris.entity("person/fumio-kishida"));
        assertTrue(ProjectCopy.quads(layout, g -> g.equals(Iris.FACTS_GRAPH)).stream().anyMatch(q ->
                q.getSubject().equals(kishida) && q.getPredicate().getURI().equals(AKG.NS + "holdsPosition")),
                "the curated claim's triple is asserted in the graph of facts");
        assertTrue(ProjectCopy.quads(layout, g -> g.equals(ARTICLE_GRAPH)).stream().anyMatch(q ->
                q.getPredicate().equals(RDF.subject.asNode()) && q.getObject().equals(kishida)),
                "its claim node is in the article graph");
    }

    @Test
    void aFactOnlyTheOldVersionStatedGoesAndOneAnotherArticleStatesStays() throws IOException {
        ProjectLayout layout = built();
        // a fact no seed article states, and one that seed articles state
        Quad own = Quad.create(NodeFactory.createURI(Iris.FACTS_GRAPH),
                NodeFactory.createURI(Iris.entity("state/philippines")), NodeFactory.createURI(AKG.NS + "cooperatesWith"),
                NodeFactory.createURI(Iris.entity("state/australia")));
        Quad shared = ProjectCopy.quads(layout, g -> g.equals(Iris.FACTS_GRAPH)).stream()
                .filter(q -> q.getSubject().getURI().equals(Iris.entity("state/japan"))
                        && q.getPredicate().getURI().equals(AKG.NS + "memberOf"))
                .findFirst().orElseThrow();
        assertFalse(ProjectCopy.quads(layout).contains(own), "the fixture's seeds do not state the new fact");
        Files.writeString(layout.claimsDir().resolve(ID + ".yaml"), """
                article: %s
                claims:
                  - subject: state/philippines
                    predicate: cooperatesWith
                    object: state/australia
                    quote: "the Philippines and Australia"
                    characterization: "Philippines and Australia"
                  - subject: state/japan
                    predicate: memberOf
                    object: %s
                    quote: "Japan"
                    modality: reported
                """.formatted(ID, shared.getObject().getURI().substring(Iris.ID.length())));
        ArticleIngester ingester = new ArticleIngester(layout);
        ingester.ingest(ProjectCopy.unseenArticle());
        Set<Quad> withClaims = ProjectCopy.quads(layout);
        assertTrue(withClaims.contains(own) && withClaims.contains(shared));
        // the fact nodes: the new one with the characterization its claim gives; the shared one with a modality
        // that only this article gives
        Node ownFact = NodeFactory.createURI(Iris.fact(own.getSubject(), own.getPredicate(), own.getObject()));
        Node sharedFact = NodeFactory.createURI(Iris.fact(shared.getSubject(), shared.getPredicate(),
                shared.getObject()));
        Node factsGraph = NodeFactory.createURI(Iris.FACTS_GRAPH);
        Quad ownCharacterization = Quad.create(factsGraph, ownFact, AKG.factCharacterization.asNode(),
                NodeFactory.createLiteralLang("Philippines and Australia", "en"));
        Quad sharedReported = Quad.create(factsGraph, sharedFact, AKG.factModality.asNode(),
                org.alliancekg.vocab.Modality.REPORTED.resource().asNode());
        Quad sharedType = Quad.create(factsGraph, sharedFact, RDF.type.asNode(), AKG.Fact.asNode());
        assertTrue(withClaims.contains(ownCharacterization), "the new fact's node carries its characterization");
        assertTrue(withClaims.contains(sharedReported), "the shared fact's node carries the new modality");
        assertTrue(withClaims.stream().anyMatch(q -> q.getGraph().getURI().equals(ARTICLE_GRAPH)
                && q.getPredicate().equals(AKG.fact.asNode()) && q.getObject().equals(ownFact)),
                "the new claim names its fact node");

        Files.delete(layout.claimsDir().resolve(ID + ".yaml"));
        IngestResult r = ingester.ingest(ProjectCopy.unseenArticle());
        assertEquals(IngestResult.Status.REPLACED, r.status());
        Set<Quad> without = ProjectCopy.quads(layout);
        assertFalse(without.contains(own), "the fact only the old version stated is removed");
        assertTrue(without.contains(shared), "a fact that other articles state stays");
        assertFalse(without.stream().anyMatch(q -> q.getSubject().equals(ownFact)), "so does its fact node, whole");
        assertFalse(without.contains(sharedReported), "a modality only the old version gave goes");
        assertTrue(without.contains(sharedType), "the node of a fact that other articles state stays");
        new GraphBuilder(layout).build();
        assertEquals(ProjectCopy.quads(layout, g -> g.equals(Iris.FACTS_GRAPH)),
                without.stream().filter(q -> q.getGraph().getURI().equals(Iris.FACTS_GRAPH)).collect(toSet()),
                "the graph of facts after the replacement is what a build makes");
    }

    @Test
    void malformedArticlesAreRefusedWithFileAndProblemAndChangeNothing() throws IOException {
        ProjectLayout layout = built();
        Set<Quad> before = ProjectCopy.quads(layout);
        List<Path> cases = BadInputCases.articleFileCases();
        assertTrue(cases.size() >= 4, "the bad-input cases of article files: " + cases);
        for (Path dir : cases) {
            Path f = dir.resolve(BadInputCases.ARTICLE);
            InputException e = assertThrows(InputException.class, () -> new ArticleIngester(layout).ingest(f),
                    dir.getFileName().toString());
            for (String expected : BadInputCases.expected(dir)) {
                assertTrue(e.getMessage().contains(expected), "names the file and the problem '" + expected
                        + "': " + e.getMessage());
            }
        }
        assertFalse(Files.exists(layout.articlesDir().resolve("a1.md")), "not copied");
        assertEquals(before, ProjectCopy.quads(layout), "the database is unchanged");
    }

    @Test
    void aViolationFoundAfterTheChangeAbortsTheTransaction() throws IOException {
        ProjectLayout layout = built();
        Set<Quad> before = ProjectCopy.quads(layout);
        Files.writeString(layout.checksDir().resolve("no-hegseth-violation.rq"), """
                # Why: a test check that the unseen article breaks.
                PREFIX dcterms: <http://purl.org/dc/terms/>
                SELECT ?resource ?message WHERE {
                  ?resource dcterms:title ?t . FILTER (CONTAINS(?t, "Hegseth"))
                  BIND ("titles must not name Hegseth" AS ?message)
                }
                """);
        ValidationException e = assertThrows(ValidationException.class,
                () -> new ArticleIngester(layout).ingest(ProjectCopy.unseenArticle()));
        assertTrue(e.getMessage().contains("titles must not name Hegseth"), e.getMessage());
        assertEquals(before, ProjectCopy.quads(layout), "aborted: the database is unchanged");
        assertFalse(Files.exists(layout.articlesDir().resolve(ID + ".md")));
    }

    @Test
    void aRunningServerIsNotBypassed() {
        ProjectLayout layout = built();
        Set<Quad> before = ProjectCopy.quads(layout);
        ServerStatus status = new ServerStatus(ProcessHandle.current().pid(), 3999, "http://localhost:3999/",
                "http://localhost:3999/kg/articles", "db", Instant.now());
        status.write(layout);
        ServerRunningException e = assertThrows(ServerRunningException.class,
                () -> new ArticleIngester(layout).ingest(ProjectCopy.unseenArticle()));
        assertTrue(e.getMessage().contains("http://localhost:3999/kg/articles"), e.getMessage());
        assertTrue(e.getMessage().contains("--password-file"), e.getMessage());
        assertEquals(before, ProjectCopy.quads(layout));
        status.delete(layout);
        assertFalse(Files.exists(ServerStatus.file(layout)));
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsNotOpened() throws Exception {
        ProjectLayout layout = built();
        Set<Quad> before = ProjectCopy.quads(layout);
        Path db = layout.currentDb().toRealPath();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try {
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            assertEquals("ready", first);
            ServerRunningException e = assertThrows(ServerRunningException.class,
                    () -> new ArticleIngester(layout).ingest(ProjectCopy.unseenArticle()));
            assertTrue(e.getMessage().contains("locked by another process (process " + holder.pid() + ")"),
                    e.getMessage());
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            holder.destroy();
        }
        assertEquals(before, ProjectCopy.quads(layout), "nothing written");
        assertFalse(Files.exists(layout.articlesDir().resolve(ID + ".md")));
    }

    @Test
    void aServerFileOfAProcessThatIsGoneIsIgnored() {
        ProjectLayout layout = ProjectCopy.of(dir);
        long gone = ProcessHandle.current().pid() + 1_000_000;
        new ServerStatus(gone, 3999, "http://localhost:3999/", "http://localhost:3999/kg/articles", "db",
                Instant.now()).write(layout);
        assertTrue(ServerStatus.running(layout).isEmpty());
    }

    @Test
    void bytesFromTheWireAreReadStrictly() {
        ProjectLayout layout = ProjectCopy.of(dir);
        byte[] latin1 = "---\ntitle: T\n---\nT\u00f4ky\u00f4\n".getBytes(StandardCharsets.ISO_8859_1);
        InputException e = assertThrows(InputException.class,
                () -> new ArticleIngester(layout).prepare("x.md", "x.md (request body)", latin1));
        assertTrue(e.getMessage().startsWith("x.md (request body):4:"), e.getMessage());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        assertThrows(InputException.class, () -> new ArticleIngester(layout).prepare("Bad Id.md", "Bad Id.md",
                "---\ntitle: T\n---\nbody\n".getBytes(StandardCharsets.UTF_8)));
    }
}
