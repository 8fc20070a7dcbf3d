package org.alliancekg.tools;

import org.alliancekg.cli.Main;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code alliance-kg-tools} command line: the tools around the product, which the product's
 * {@code alliance-kg.jar} does not hold.
 *
 * <pre>
 * java -jar target/alliance-kg-tools.jar bench run --articles 1000    # scale and benchmark figures
 * java -jar target/alliance-kg-tools.jar evaluate --details           # extraction against the curated claims
 * java -jar target/alliance-kg-tools.jar loadtest --clients 16        # the question mix at a running server
 * java -jar target/alliance-kg-tools.jar push --endpoint URL          # the graphs to a Graph Store endpoint
 * </pre>
 *
 * <p>Exit status and error messages as the product's command line ({@link Main#withErrorHandling}).
 */
@Command(name = "alliance-kg-tools", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Tools around alliance-kg: benchmark, evaluation, load test and push.",
        subcommands = {BenchCommand.class, EvaluateCommand.class, LoadtestCommand.class, PushCommand.class,
                CommandLine.HelpCommand.class})
public final class ToolsMain implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** The configured command line, with every tool. */
    public static CommandLine commandLine() {
        return Main.withErrorHandling(new CommandLine(new ToolsMain()));
    }

    /** Runs the command line and returns the exit status (no {@code System.exit}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
