package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.Store;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming build (bulk loader, extraction threads, scoped validation) stores exactly the dataset that the
 * in-memory assembly of the same project gives, whatever the loader and thread count, and writes dumps equal to it.
 */
class StreamingBuildTest {

    @TempDir
    Path tmp;

    @Test
    void realProjectBuildsToTheAssembledDataset() throws IOException {
        ProjectLayout layout = copyOfProject(tmp.resolve("project"));
        GraphBuilder builder = new GraphBuilder(layout);
        DatasetGraph expected = namedGraphsOf(builder.assembleAndValidate().dataset().asDatasetGraph());

        // a plain dump an earlier version of the build wrote
        Files.createDirectories(layout.dumpsDir());
        Files.writeString(layout.dumpsDir().resolve(Store.DUMP_NAME + ".nq"), "stale\n");
        GraphBuilder.Result r = builder.build(2, Store.Loader.PARALLEL);
        DatasetGraph stored = stored(layout);
        assertTrue(sameGraphs(expected, stored), "stored dataset differs from the assembled one");
        assertEquals(expected.stream().count(), r.counts().get("quads"));
        assertEquals(5L, r.counts().get("articles"));

        assertFalse(Files.exists(layout.dumpsDir().resolve(Store.DUMP_NAME + ".nq")),
                "only the gzipped dumps are written, and a stale plain one is removed");
        Dataset trig = DatasetFactory.create();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                layout.dumpsDir().resolve(Store.DUMP_NAME + ".trig.gz")))) {
            RDFDataMgr.read(trig, in, Lang.TRIG);
        }
        assertTrue(sameGraphs(expected, trig.asDatasetGraph()), "TriG dump differs");
        Dataset nqGz = DatasetFactory.create();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                layout.dumpsDir().resolve(Store.DUMP_NAME + ".nq.gz")))) {
            RDFDataMgr.read(nqGz, in, Lang.NQUADS);
        }
        assertTrue(sameGraphs(expected, nqGz.asDatasetGraph()), "gzipped N-Quads dump differs");
        try (Stream<Path> s = Files.list(layout.dumpsDir())) {
            assertFalse(s.anyMatch(p -> p.toString().endsWith(".tmp")), "temporary dump files left");
        }

        BuildTimings t = r.timings();
        for (BuildTimings.Phase p : List.of(BuildTimings.Phase.READ, BuildTimings.Phase.SENTENCES,
                BuildTimings.Phase.MENTIONS, BuildTimings.Phase.CLAIMS, BuildTimings.Phase.RDF, BuildTimings.Phase.SUGGESTIONS,
                BuildTimings.Phase.STORE, BuildTimings.Phase.SHACL, BuildTimings.Phase.DUMPS)) {
            assertTrue(t.nanos(p) > 0, "no time recorded for " + p);
        }
        assertTrue(t.wallNanos() > 0);

        // one thread and the sequential loader store the same dataset
        builder.build(1, Store.Loader.SEQUENTIAL);
        assertTrue(sameGraphs(expected, stored(layout)), "sequential, one thread: stored dataset differs");
        assertEquals(1, new Store(layout).databases().size(), "older builds are deleted");
    }

    private static DatasetGraph stored(ProjectLayout layout) {
        Dataset ds = new Store(layout).openCurrent();
        try {
            return Txn.calculateRead(ds, () -> namedGraphsOf(ds.asDatasetGraph()));
        } finally {
            Store.close(ds);
        }
    }

    /**
     * Whether two datasets have the same named graphs, each isomorphic (Jena's graph matcher, graph by graph: the
     * ontology's many owl:unionOf lists make a whole-dataset tuple match search exponentially).
     */
    private static boolean sameGraphs(DatasetGraph a, DatasetGraph b) {
        java.util.Set<org.apache.jena.graph.Node> names = new java.util.HashSet<>();
        a.listGraphNodes().forEachRemaining(names::add);
        java.util.Set<org.apache.jena.graph.Node> other = new java.util.HashSet<>();
        b.listGraphNodes().forEachRemaining(other::add);
        if (!names.equals(other) || a.getDefaultGraph().size() != b.getDefaultGraph().size()) {
            return false;
        }
        for (org.apache.jena.graph.Node g : names) {
            if (!a.getGraph(g).isIsomorphicWith(b.getGraph(g))) {
                return false;
            }
        }
        return true;
    }

    private static DatasetGraph namedGraphsOf(DatasetGraph dsg) {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        dsg.find().forEachRemaining(q -> {
            if (!q.isDefaultGraph()) {
                copy.add(q);
            }
        });
        return copy;
    }

    /** A copy of the project's inputs (data, ontology, queries) in a fresh directory. */
    static ProjectLayout copyOfProject(Path target) throws IOException {
        ProjectLayout src = ProjectLayout.detect();
        for (Path dir : List.of(src.dataDir(), src.ontologyDir(), src.queriesDir())) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.toList()) {
                    Path dest = target.resolve(src.root().relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest);
                    }
                }
            }
        }
        return ProjectLayout.of(target);
    }
}
