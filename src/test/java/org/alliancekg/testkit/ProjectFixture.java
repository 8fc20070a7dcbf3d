package org.alliancekg.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.serve.ServerContext;
import org.alliancekg.store.Store;
import org.apache.jena.fuseki.main.sys.FusekiModule;

/**
 * The project's graph, built once per JVM from {@code data/} and {@code ontology/} by the core's
 * {@link GraphBuilder} into a temporary database root, and shared by every test that only reads it.
 * A test that writes takes a {@link #copy(Path) copy}.
 *
 * <pre>{@code
 * KgServer server = ProjectFixture.serve(ServerModules.defaults());   // started, on a free loopback port
 * ...
 * server.stop();
 * }</pre>
 *
 * <p>Tests run one class at a time in a JVM (surefire's and failsafe's default), so servers started here never
 * share the database at the same moment; each stops its server when done. The database root is deleted when the
 * JVM exits.
 */
public final class ProjectFixture {

    private static ProjectLayout built;

    private ProjectFixture() {
    }

    /** The project with its database root in a temporary folder holding the built graph: read it, never write. */
    public static synchronized ProjectLayout layout() {
        if (built == null) {
            try {
                Path dbRoot = Files.createTempDirectory("akg-project-fixture");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> Store.deleteTree(dbRoot)));
                ProjectLayout layout = ProjectLayout.detect().withDbRoot(dbRoot);
                new GraphBuilder(layout).build();
                built = layout;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return built;
    }

    /** A server over the built graph with the given feature modules, started on a free loopback port. */
    public static KgServer serve(List<Function<ServerContext, FusekiModule>> modules) {
        return KgServer.builder().layout(layout()).port(0).modules(modules).build().start();
    }

    /**
     * The project with a copy of the built database root under {@code dir} (for a test that writes, builds again
     * or holds the database): its live database is the same graph, its own.
     */
    public static ProjectLayout copy(Path dir) {
        ProjectLayout source = layout();
        Path target = dir.resolve("db");
        copyTree(source.dbRoot(), target);
        return source.withDbRoot(target);
    }

    private static void copyTree(Path src, Path dest) {
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path to = dest.resolve(src.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + src + " to " + dest, e);
        }
    }
}
