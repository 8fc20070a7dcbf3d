package org.alliancekg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.alliancekg.cli.Main;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.Store;
import org.alliancekg.testkit.ProjectFixture;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/**
 * The {@code export} command on the real project, built into a temporary database: every format of the full graph
 * (with and without articles) opens in the readers of {@link ExportReaders} with the counts the SPARQL counting
 * queries give on the built database, and a CONSTRUCT-selected subgraph export holds exactly that subgraph.
 */
class ProjectExportTest {

    @TempDir
    Path tmp;

    static ProjectLayout project;
    static ExportFixture.Counts counts;
    static ExportFixture.Counts countsWithArticles;
    static RelationGraph graph;
    static RelationGraph graphWithArticles;
    static RelationGraph meetings;

    @BeforeAll
    static void build() {
        project = ProjectFixture.layout();
        Path live = new Store(project).currentDir().orElseThrow();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(live.toString());
        try {
            counts = ExportFixture.expected(dsg, false);
            countsWithArticles = ExportFixture.expected(dsg, true);
            graph = RelationGraphReader.of(dsg).read(GraphSelection.all());
            graphWithArticles = RelationGraphReader.of(dsg).withArticles(true).read(GraphSelection.all());
            Graph picked = RelationGraphReader.construct(dsg,
                    QueryFactory.create(ExportFixture.text("export/meetings-subgraph.rq")), 0);
            meetings = RelationGraphReader.of(dsg).read(GraphSelection.triples(picked));
        } finally {
            TDBInternal.expel(dsg);
        }
        assertTrue(counts.nodes() > 50 && counts.edges() > 50, "the project's graph is not built: " + counts);
    }

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--project";
        all[args.length + 1] = project.root().toString();
        all[args.length + 2] = "--db";
        all[args.length + 3] = project.dbRoot().toString();
        int status = cl.execute(all);
        return new Run(status, out.toString(), err.toString());
    }

    Path export(String format, boolean articles, String... more) {
        Path file = tmp.resolve("graph" + (articles ? "-articles" : "") + "." + format);
        String[] args = new String[more.length + (articles ? 6 : 5)];
        args[0] = "export";
        args[1] = "--format";
        args[2] = format;
        args[3] = "--out";
        args[4] = file.toString();
        if (articles) {
            args[5] = "--articles";
        }
        System.arraycopy(more, 0, args, articles ? 6 : 5, more.length);
        Run r = run(args);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("exported "), r.out());
        assertTrue(Files.isRegularFile(file), "no file " + file);
        return file;
    }

    @ParameterizedTest(name = "articles={0}")
    @ValueSource(booleans = {false, true})
    void gexfOpensInGephi(boolean articles) throws Exception {
        ExportReaders.checkGexf(export("gexf", articles), articles ? countsWithArticles : counts,
                articles ? graphWithArticles : graph);
    }

    @ParameterizedTest(name = "articles={0}")
    @ValueSource(booleans = {false, true})
    void graphmlOpensInJGraphTAndGephi(boolean articles) throws Exception {
        ExportReaders.checkGraphml(export("graphml", articles), articles ? countsWithArticles : counts,
                articles ? graphWithArticles : graph);
    }

    @ParameterizedTest(name = "articles={0}")
    @ValueSource(booleans = {false, true})
    void dotRendersWithGraphviz(boolean articles) throws Exception {
        ExportReaders.checkDot(export("dot", articles), tmp.resolve("graph.svg"), articles ? countsWithArticles : counts);
    }

    @ParameterizedTest(name = "articles={0}")
    @ValueSource(booleans = {false, true})
    void cyjsParsesWithJackson(boolean articles) throws Exception {
        ExportReaders.checkCyjs(Files.readAllBytes(export("cyjs", articles)), articles ? countsWithArticles : counts);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ttl", "nq"})
    void rdfExportsParseBackWithTheSameCounts(String format) throws Exception {
        for (boolean articles : new boolean[] {false, true}) {
            ExportReaders.checkRdf(Files.readAllBytes(export(format, articles)),
                    format.equals("ttl") ? Lang.TURTLE : Lang.NQUADS, articles ? countsWithArticles : counts, articles);
        }
    }

    @Test
    void constructQuerySelectsExactlyThatSubgraph() throws Exception {
        Path query = tmp.resolve("meetings.rq");
        Files.writeString(query, ExportFixture.text("export/meetings-subgraph.rq"));
        Path file = export("gexf", false, "--query", query.toString());
        assertTrue(meetings.edges().size() >= 10, "the meetings' relations: " + meetings.edges().size());
        assertTrue(meetings.edges().stream().allMatch(e -> e.source().startsWith("meeting/")));
        int claims = meetings.edges().stream().mapToInt(GraphEdge::weight).sum();
        ExportReaders.GephiImport imported = ExportReaders.checkGexf(file,
                new ExportFixture.Counts(meetings.nodes().size(), meetings.edges().size(), claims), meetings);
        Set<String> ids = new java.util.HashSet<>();
        imported.model().getGraph().getEdges().forEach(e -> ids.add((String) e.getId()));
        assertEquals(Set.copyOf(meetings.edges().stream().map(GraphEdge::id).toList()), ids);
        assertTrue(ids.contains("meeting/scc-2022-01-06 namesThreat threat/ballistic-missiles"), ids.toString());
    }

    @Test
    void writesToStandardOutputWithoutOut() {
        Run r = run("export", "--format", "CYJS");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("{"), r.out());
        assertTrue(r.out().contains("\"elements\""));
    }

    @Test
    void refusesAQueryThatIsNoConstruct() throws Exception {
        Path query = tmp.resolve("select.rq");
        Files.writeString(query, "SELECT * { ?s ?p ?o }");
        Run r = run("export", "--format", "gexf", "--query", query.toString(), "--out", tmp.resolve("x.gexf").toString());
        assertEquals(Main.EXIT_INPUT, r.status());
        assertTrue(r.err().contains("select.rq") && r.err().contains("CONSTRUCT"), r.err());
        assertFalse(Files.exists(tmp.resolve("x.gexf")));

        Files.writeString(query, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ");
        r = run("export", "--format", "gexf", "--query", query.toString());
        assertEquals(Main.EXIT_INPUT, r.status());
        assertTrue(r.err().contains("SPARQL syntax"), r.err());
    }

    @Test
    void refusesAnUnknownFormat() {
        Run r = run("export", "--format", "pdf");
        assertEquals(Main.EXIT_USAGE, r.status());
        assertTrue(r.err().contains("unknown format 'pdf'") && r.err().contains("gexf"), r.err());
    }
}
