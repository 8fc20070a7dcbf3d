package org.alliancekg.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.Store;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/** Copies of the real project (data, ontology, checks, Fuseki configuration) for tests that write. */
public final class ProjectCopy {

    /** The unseen article written for these tests (not in data/). */
    public static final String UNSEEN = "005-hegseth-nakatani-tokyo-2025";

    private ProjectCopy() {
    }

    /** Copies the project's inputs (not its database) into {@code target} and returns its layout. */
    public static ProjectLayout of(Path target) {
        Path root = ProjectLayout.detect().root();
        for (String dir : List.of("data", "ontology", "queries", "fuseki-config")) {
            copyTree(root.resolve(dir), target.resolve(dir));
        }
        return ProjectLayout.of(target);
    }

    /** The unseen article's fixture file. */
    public static Path unseenArticle() {
        return org.alliancekg.ingest.TestProjects.resource("ingestion/articles/" + UNSEEN + ".md");
    }

    public static void copyTree(Path src, Path dest) {
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path d = dest.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every quad of the live database whose graph passes the filter. */
    public static Set<Quad> quads(ProjectLayout layout, Predicate<String> graph) {
        Dataset ds = new Store(layout).openCurrent();
        try {
            return Txn.calculateRead(ds, () -> {
                Set<Quad> out = new HashSet<>();
                ds.asDatasetGraph().find().forEachRemaining(q -> {
                    if (graph.test(q.getGraph().getURI())) {
                        out.add(q);
                    }
                });
                return out;
            });
        } finally {
            Store.close(ds);
        }
    }

    /** Every quad of the live database. */
    public static Set<Quad> quads(ProjectLayout layout) {
        return quads(layout, g -> true);
    }
}
