package org.alliancekg.cli;

import java.util.concurrent.Callable;

import org.alliancekg.build.GraphBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code alliance-kg validate}: reads, assembles and validates the graph without writing anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Read data/ and ontology/, assemble the graph and validate it (SHACL and queries/checks) "
                + "without writing a database."})
public final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GraphBuilder.Validated v = new GraphBuilder(options.layout()).assembleAndValidate();
        spec.commandLine().getOut().printf("valid: %d articles, %d entities, %d claims, %d mentions, %d quads%n",
                v.counts().articles(), v.counts().entities(), v.counts().claims(), v.counts().mentions(),
                v.dataset().asDatasetGraph().stream().count());
        return 0;
    }
}
