package org.alliancekg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.build.ValidationException;
import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.ingest.TestProjects;
import org.alliancekg.vocab.AKG;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path tmp;

    private ProjectLayout layout;

    @BeforeEach
    void project() {
        layout = ProjectLayout.of(TestProjects.copy("fixtures/mini", tmp.resolve("project")));
    }

    private Path liveTarget() throws Exception {
        return Files.readSymbolicLink(layout.currentDb());
    }

    private long claimsInCurrent() {
        Store store = new Store(layout);
        Dataset ds = store.openCurrent();
        try {
            return Txn.calculateRead(ds, () -> {
                long n = 0;
                Iterator<Quad> it = ds.asDatasetGraph().find(null, null, RDF.type.asNode(), AKG.Claim.asNode());
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
                return n;
            });
        } finally {
            Store.close(ds);
        }
    }

    @Test
    void goodBuildSwapsCurrentAndDeletesTheOldBuild() throws Exception {
        Store store = new Store(layout);
        assertTrue(store.isStale(), "no database yet");
        GraphBuilder.Result first = new GraphBuilder(layout).build();
        Path firstTarget = liveTarget();
        assertEquals(first.database().getFileName(), firstTarget);
        assertFalse(firstTarget.isAbsolute(), "the link is relative, so db/ can move");
        assertFalse(store.isStale());
        BuildInfo info = store.buildInfo().orElseThrow();
        assertEquals(InputHash.of(layout), info.inputHash());
        assertEquals(9, info.count("claims"));
        assertEquals(9, claimsInCurrent());

        Files.writeString(layout.articlesDir().resolve("t1-test-article.md"), "One more line.\n",
                StandardOpenOption.APPEND);
        assertTrue(store.isStale(), "an input changed");
        GraphBuilder.Result second = new GraphBuilder(layout).build();
        assertNotEquals(firstTarget, liveTarget());
        assertEquals(second.database().getFileName(), liveTarget());
        assertFalse(Files.exists(first.database()), "the old build is deleted");
        assertEquals(List.of(second.database().getFileName().toString()), store.databases());
        assertFalse(Files.exists(layout.dbRoot().resolve("current.tmp")));
        assertEquals(9, claimsInCurrent());
    }

    @Test
    void aBuildInTheJvmOfAServerKeepsTheDatabaseThatServerServesUntilItLetsGo() throws Exception {
        Store store = new Store(layout);
        Path served = new GraphBuilder(layout).build().database();
        Store.serving(served);
        try {
            Path next = new GraphBuilder(layout).build().database();
            assertEquals(next.getFileName(), liveTarget());
            assertTrue(Files.isDirectory(served.resolve("Data-0001")), "a build in this JVM keeps what it serves");
            assertFalse(store.deleteRetired(served), "nor is it deleted as retired while served");
        } finally {
            Store.servedNoMore(served);
        }
        assertTrue(store.deleteRetired(served), "the server let go: deleted");
        assertEquals(1, store.databases().size());
    }

    @Test
    void anOldBuildAnotherRunningProcessHasOpenIsKeptUntilThatProcessEnds() throws Exception {
        Store store = new Store(layout);
        Path a = new GraphBuilder(layout).build().database();
        // TDB2 writes the pid of the JVM that opened the database in both places
        long self = ProcessHandle.current().pid();
        assertEquals(String.valueOf(self), Files.readString(a.resolve("tdb.lock")).trim());
        assertEquals(String.valueOf(self), Files.readString(a.resolve("Data-0001/tdb.lock")).trim());

        Process server = new ProcessBuilder("sleep", "300").start();
        try {
            String pid = String.valueOf(server.pid());
            Files.writeString(a.resolve("tdb.lock"), pid);
            Path b = new GraphBuilder(layout).build().database();
            assertTrue(Files.isDirectory(a.resolve("Data-0001")), "a build open in a running process is kept");
            assertEquals(b.getFileName(), liveTarget());

            Files.writeString(b.resolve("Data-0001/tdb.lock"), pid);
            Path c = new GraphBuilder(layout).build().database();
            assertEquals(List.of(a, b, c).stream().map(d -> d.getFileName().toString()).sorted().toList(),
                    store.databases(), "the lock file in Data-0001 counts too");
            assertEquals(9, claimsInCurrent());
        } finally {
            server.destroy();
            server.waitFor();
        }
        Path d = new GraphBuilder(layout).build().database();
        assertEquals(List.of(d.getFileName().toString()), store.databases(),
                "once the process has ended, the next build deletes its builds");
    }

    @Test
    void failedBuildsLeaveCurrentUnchanged() throws Exception {
        new GraphBuilder(layout).build();
        Path before = liveTarget();
        List<String> dbs = new Store(layout).databases();

        // a check query that always finds a violation: validation fails after assembly
        Files.writeString(layout.checksDir().resolve("always-violation.rq"), """
                PREFIX akg: <https://w3id.org/alliance-kg/ontology#>
                SELECT ?resource ?message WHERE { ?resource a akg:Article BIND("forced failure" AS ?message) }
                """);
        ValidationException v = assertThrows(ValidationException.class, () -> new GraphBuilder(layout).build());
        assertTrue(v.getMessage().contains("queries/checks/always-violation.rq: forced failure"), v.getMessage());
        assertEquals(before, liveTarget());
        assertEquals(dbs, new Store(layout).databases());
        Files.delete(layout.checksDir().resolve("always-violation.rq"));

        // an input error: nothing is assembled
        Files.writeString(layout.claimsDir().resolve("t1-test-article.yaml"), "article: t1-test-article\nclaims: 3\n");
        assertThrows(InputException.class, () -> new GraphBuilder(layout).build());
        assertEquals(before, liveTarget());
        assertEquals(dbs, new Store(layout).databases());
        assertEquals(9, claimsInCurrent());
    }

    @Test
    void commitFailureRemovesItsDirectoryAndKeepsCurrent() throws Exception {
        new GraphBuilder(layout).build();
        Path before = liveTarget();
        Store store = new Store(layout);
        List<String> dbs = store.databases();
        DatasetGraph base = DatasetGraphFactory.createTxnMem();
        base.add(Quad.create(org.apache.jena.graph.NodeFactory.createURI("http://example.org/g"),
                RDF.type.asNode(), RDF.type.asNode(), AKG.Article.asNode()));
        DatasetGraph failing = new DatasetGraphWrapper(base) {
            @Override
            public Iterator<Quad> find() {
                Iterator<Quad> it = super.find();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return true;
                    }

                    @Override
                    public Quad next() {
                        if (it.hasNext()) {
                            return it.next();
                        }
                        throw new IllegalStateException("disk on fire");
                    }
                };
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> store.commit(DatasetFactory.wrap(failing), InputHash.of(layout), Map.of()));
        assertEquals("disk on fire", e.getMessage());
        assertEquals(before, liveTarget());
        assertEquals(dbs, store.databases(), "the half-written directory is removed");
        assertEquals(9, claimsInCurrent());
    }

    @Test
    void dumpsHoldTheSameQuadsAsTheDatabase() throws Exception {
        new GraphBuilder(layout).build();
        Store store = new Store(layout);
        Dataset db = store.openCurrent();
        try {
            DatasetGraph stored = DatasetGraphFactory.createTxnMem();
            Txn.executeRead(db, () -> db.asDatasetGraph().find().forEachRemaining(stored::add));
            for (String name : List.of("alliance-kg.trig.gz", "alliance-kg.nq.gz")) {
                Path f = layout.dumpsDir().resolve(name);
                DatasetGraph read = DatasetGraphFactory.createTxnMem();
                Lang lang = name.contains(".trig") ? Lang.TRIG : Lang.NQUADS;
                try (InputStream raw = Files.newInputStream(f);
                     InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
                    RDFDataMgr.read(read, in, lang);
                }
                assertTrue(IsoMatcher.isomorphic(stored, read), name + " differs from the database");
            }
        } finally {
            Store.close(db);
        }
    }
}
