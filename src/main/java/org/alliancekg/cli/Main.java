package org.alliancekg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.alliancekg.build.ValidationException;
import org.alliancekg.ingest.InputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code alliance-kg} command line.
 *
 * <pre>
 * java -jar target/alliance-kg.jar build            # read, validate, store db/current, write dumps
 * java -jar target/alliance-kg.jar validate         # read and validate only
 * java -jar target/alliance-kg.jar query q.rq       # run a query on db/current
 * java -jar target/alliance-kg.jar serve            # serve db/current over SPARQL (built if missing or stale)
 * </pre>
 *
 * <p>Exit status: 0 success, 1 input or validation error (the message on stderr, no stack trace), 2 usage
 * error. Other capabilities add their commands in {@link #commandLine()}. The tools (bench, evaluate, loadtest, push)
 * are not here: they have their own command line, {@code alliance-kg-tools.jar}.
 */
@Command(name = "alliance-kg", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "An open knowledge graph of Japan's national security strategy and the U.S.-Japan alliance.",
        subcommands = {BuildCommand.class, ValidateCommand.class, QueryCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status for input and validation errors. */
    public static final int EXIT_INPUT = 1;
    /** Exit status for usage errors. */
    public static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** The configured command line, with every subcommand. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // Commands of other capabilities are registered here, one line each.
        cl.addSubcommand(new ServeCommand());
        cl.addSubcommand(new IngestCommand());
        cl.addSubcommand(new ExtractCommand());
        cl.addSubcommand(new ExportCommand());
        cl.addSubcommand(new PasswdCommand());
        return withErrorHandling(cl);
    }

    /**
     * Sets this command line's answers to errors on {@code cl} (usage errors, input and validation errors, a locked
     * database): one line on stderr and an exit status, no stack trace. The tools' command line uses them too.
     */
    public static CommandLine withErrorHandling(CommandLine cl) {
        cl.setParameterExceptionHandler((ex, args) -> {
            // one line naming the mistake and where to read more, not the whole usage text
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println(name + ": " + ex.getMessage() + " (see '" + name + " --help')");
            c.getErr().flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CommandFailure f) {
                commandLine.getErr().println(commandLine.getCommandName() + ": " + f.getMessage());
                commandLine.getErr().flush();
                return f.exitCode();
            }
            if (ex instanceof java.io.UncheckedIOException io) {
                // a file or connection the user named cannot be used: the message names it
                commandLine.getErr().println(commandLine.getCommandName() + ": " + io.getMessage()
                        + (io.getCause() == null || io.getMessage().contains(String.valueOf(io.getCause().getMessage()))
                        ? "" : " (" + io.getCause().getMessage() + ")"));
                commandLine.getErr().flush();
                return EXIT_INPUT;
            }
            if (ex instanceof InputException || ex instanceof ValidationException) {
                commandLine.getErr().println(ex.getMessage());
                commandLine.getErr().flush();
                return EXIT_INPUT;
            }
            java.util.Optional<String> holder = org.alliancekg.store.Store.lockedBy(ex);
            if (holder.isPresent()) {
                commandLine.getErr().println(commandLine.getCommandName() + ": the database is locked by another "
                        + "process" + holder.get() + ", probably a running 'alliance-kg serve': TDB2 lets one process "
                        + "open a database. Stop it, or ask the running server (its SPARQL endpoint is /kg/sparql).");
                commandLine.getErr().flush();
                return EXIT_INPUT;
            }
            throw ex;
        });
        return cl;
    }

    /** Runs the command line and returns the exit status (no {@code System.exit}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The version from the jar's Maven metadata. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            String v = Main.class.getPackage().getImplementationVersion();
            if (v == null) {
                try (InputStream in = Main.class.getResourceAsStream(
                        "/META-INF/maven/org.alliancekg/alliance-kg/pom.properties")) {
                    if (in != null) {
                        Properties p = new Properties();
                        p.load(in);
                        v = p.getProperty("version");
                    }
                }
            }
            return new String[] {"alliance-kg " + (v == null ? "(development build)" : v)};
        }
    }
}
