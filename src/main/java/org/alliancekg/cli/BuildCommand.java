package org.alliancekg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.ServerStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-kg build}: reads {@code data/} and the ontology, validates, stores a fresh TDB2 database as
 * {@code db/current} and writes the dumps. Exit 1 with every problem listed when the input or the graph is wrong.
 * A server running on the database switches to the new build by itself; the command waits for it and says so.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build the knowledge graph: read data/ and ontology/, validate (SHACL and queries/checks), "
                + "store a fresh TDB2 database swapped in as db/current, write db/dumps/."})
public final class BuildCommand implements Callable<Integer> {

    /** How long {@code build} waits for a running server to switch to the new database. */
    static final long SWITCH_WAIT_MILLIS = 15_000;

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = options.layout();
        GraphBuilder.Result r = new GraphBuilder(layout).build();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("built %s: %d quads in %d graphs (%d articles, %d entities, %d claims, "
                        + "%d mentions)%n", layout.display(r.database()), r.counts().get("quads"),
                r.counts().get("graphs"), r.counts().get("articles"), r.counts().get("entities"),
                r.counts().get("claims"), r.counts().get("mentions"));
        ServerStatus.running(layout).ifPresent(s -> out.println(switched(layout, s, r.database())));
        out.flush();
        return 0;
    }

    /**
     * Waits (at most {@value #SWITCH_WAIT_MILLIS} ms) for the server running on the database to serve the new build,
     * which it does by itself when {@code db/current} moves, and says whether it does.
     */
    static String switched(ProjectLayout layout, ServerStatus server, Path database) {
        String dir = realPath(database);
        long deadline = System.currentTimeMillis() + SWITCH_WAIT_MILLIS;
        Optional<ServerStatus> s = Optional.of(server);
        while (s.isPresent() && !realPath(Path.of(s.get().database())).equals(dir)
                && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            s = ServerStatus.running(layout);
        }
        if (s.isEmpty()) {
            return "the server (process " + server.pid() + ") has stopped; 'alliance-kg serve' serves the new build";
        }
        if (realPath(Path.of(s.get().database())).equals(dir)) {
            return "the server at " + s.get().url() + " (process " + s.get().pid() + ") now serves it";
        }
        return "the server at " + s.get().url() + " (process " + s.get().pid() + ") still serves "
                + layout.display(Path.of(s.get().database())) + ": its log says why; restart it to serve the new build";
    }

    private static String realPath(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize().toString();
        }
    }
}
