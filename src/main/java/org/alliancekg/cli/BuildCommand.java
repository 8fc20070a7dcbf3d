package org.alliancekg.cli;

import java.util.concurrent.Callable;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-kg build}: reads {@code data/} and the ontology, validates, stores a fresh TDB2 database as
 * {@code db/current} and writes the dumps. Exit 1 with every problem listed when the input or the graph is wrong.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build the knowledge graph: read data/ and ontology/, validate (SHACL and queries/checks), "
                + "store a fresh TDB2 database swapped in as db/current, write db/dumps/."})
public final class BuildCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = options.layout();
        GraphBuilder.Result r = new GraphBuilder(layout).build();
        spec.commandLine().getOut().printf("built %s: %d quads in %d graphs (%d articles, %d entities, %d claims, "
                        + "%d mentions)%n", layout.display(r.database()), r.counts().get("quads"),
                r.counts().get("graphs"), r.counts().get("articles"), r.counts().get("entities"),
                r.counts().get("claims"), r.counts().get("mentions"));
        return 0;
    }
}
