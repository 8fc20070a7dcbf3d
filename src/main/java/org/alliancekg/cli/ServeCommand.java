package org.alliancekg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.build.ValidationException;
import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.serve.ServerSettings;
import org.alliancekg.store.ServerStatus;
import org.alliancekg.store.Store;
import org.alliancekg.vocab.Iris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-kg serve}: builds the database when there is none, then serves it over SPARQL until the process is
 * stopped (Ctrl-C or SIGTERM stop the server cleanly). It says so in one line: the home page, the SPARQL URL,
 * "Ctrl-C stops". Whether an existing database was built from the project's input files now is checked once the
 * server answers, on a thread of its own (at 100,000 articles that reads the attributes of 200,000 files): if the
 * inputs changed, the database is rebuilt while the old one answers. A build (that one or a later {@code build})
 * moves {@code db/current}; the server then serves the new database (see {@link KgServer.Builder#dbLocation}).
 *
 * <p>Before anything else it checks its address: a port outside 0..65535 or an unknown host is a usage error
 * (exit 2), a port it cannot listen on (in use, or not allowed) an input error (exit 1), each said in one line on
 * stderr, so that a second {@code serve} on a busy port neither builds nor switches the database. Then the lock: a
 * server (or another process) already on the database is named in one line, exit 1, before any build.
 *
 * <pre>
 * alliance-kg serve                         # http://localhost:3030/kg/sparql
 * alliance-kg serve --port 8080 --host 0.0.0.0 --project ~/alliance-kg --db /var/lib/akg
 * </pre>
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the knowledge graph over SPARQL (read only), building the database first when it is "
                + "missing; a stale one is served at once and rebuilt while it answers.",
                "Endpoints: /kg/sparql and /kg/query (SPARQL query), /kg/get (Graph Store, read); home page at /."})
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger("akg.serve");
    private static final String REBUILDING = "inputs changed since {} was built: rebuilding";

    @Option(names = "--port", defaultValue = "3030", paramLabel = "N",
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "localhost", paramLabel = "H",
            description = "Host name or address to bind to; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--public-base", defaultValue = Iris.BASE, paramLabel = "IRI",
            description = "Public base address of this deployment for links in pages, VoID and reconciliation; the "
                    + "data keeps its IRIs (default: ${DEFAULT-VALUE}, links relative to this server).")
    String publicBase;

    @Option(names = "--query-timeout", defaultValue = "10000", paramLabel = "MS",
            description = "Query timeout in milliseconds; a query running longer answers 503 (default: ${DEFAULT-VALUE}).")
    long queryTimeoutMs;

    @Option(names = "--max-rows", defaultValue = "10000", paramLabel = "N",
            description = "Most result rows (or triples) a query answers; longer results are truncated, with an "
                    + "Akg-Result-Truncated header (default: ${DEFAULT-VALUE}).")
    long maxRows;

    @Option(names = "--max-request-bytes", defaultValue = "1048576", paramLabel = "N",
            description = "Largest request body accepted; larger ones answer 413 (default: ${DEFAULT-VALUE}).")
    long maxRequestBytes;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Users and hashed passwords (alliance-kg passwd): enables the writable /scratch dataset, "
                    + "behind HTTP Basic authentication. Without it nothing on the server can be written.")
    Path passwordFile;

    @Option(names = "--cache",
            description = "Cache SPARQL query answers in memory until the data changes (a build or an ingest).")
    boolean cache;

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    /** Told of the server once it serves; for tests that drive the command in-process. */
    Consumer<KgServer> onStarted = s -> { };

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535) {
            return fail(err, Main.EXIT_USAGE, "--port " + port + ": not a port (0 to 65535; 0 for any free port)");
        }
        for (Map.Entry<String, Long> limit : List.of(Map.entry("--query-timeout", queryTimeoutMs),
                Map.entry("--max-rows", maxRows), Map.entry("--max-request-bytes", maxRequestBytes))) {
            if (limit.getValue() <= 0) {
                return fail(err, Main.EXIT_USAGE, limit.getKey() + " " + limit.getValue() + ": must be at least 1");
            }
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return fail(err, Main.EXIT_USAGE, "--host " + host + ": unknown host");
        }
        Optional<String> unusable = cannotListen(address, port);
        if (unusable.isPresent()) {
            return fail(err, Main.EXIT_INPUT, "cannot listen on " + host + ":" + port + ": " + unusable.get());
        }

        ProjectLayout layout = options.layout();
        // the lock next: a server already on this database would only be switched to a build this one cannot serve
        Optional<ServerStatus> running = ServerStatus.running(layout);
        if (running.isPresent()) {
            return fail(err, Main.EXIT_INPUT, "a server (process " + running.get().pid() + ") already serves this "
                    + "database at " + running.get().url() + ": use it, or stop it first");
        }
        Optional<Long> holder = new Store(layout).currentHolder();
        if (holder.isPresent()) {
            return fail(err, Main.EXIT_INPUT, "the database is locked by another process (process " + holder.get()
                    + "): TDB2 lets one process open a database; stop that process first");
        }
        GraphBuilder builder = new GraphBuilder(layout);
        // without a database (or its build.json) there is nothing to serve: build first; whether an existing one was
        // built from the current inputs is checked once the server answers (it reads every input file's attributes)
        boolean mustBuild = !hasBuild(layout);
        if (mustBuild) {
            if (Files.exists(layout.currentDb())) {
                LOG.info(REBUILDING, layout.display(layout.currentDb()));
            } else {
                LOG.info("no database at {}: building it", layout.display(layout.currentDb()));
            }
            builder.build();
        }

        KgServer server = KgServer.builder().layout(layout).port(port).host(host).publicBase(publicBase)
                .modules(ServerModules.defaults())
                .settings(new ServerSettings(Optional.ofNullable(passwordFile), queryTimeoutMs, maxRows, maxRequestBytes)
                        .withResultCache(cache))
                .build();
        Thread hook = new Thread(() -> {
            LOG.info("stopping the server");
            server.stop();
        }, "akg-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server.start();
        // the count recorded by the build: counting the served dataset means reading all of it (minutes at 100k articles)
        String quads = NumberFormat.getIntegerInstance(Locale.ENGLISH)
                .format(new Store(layout).buildInfo().map(i -> i.count("quads")).orElse(0L));
        LOG.info("serving {} triples: home page {}, SPARQL {}; Ctrl-C stops", quads, server.baseUrl(),
                server.sparqlUrl());
        onStarted.accept(server);
        if (!mustBuild) {
            Thread check = new Thread(() -> rebuildIfStale(layout, builder), "akg-serve-inputs");
            check.setDaemon(true);
            check.start();
        }
        server.join();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down: the hook is running or has run
        }
        return 0;
    }

    /** Whether {@code db/current} is a database with its {@code build.json} (not read here: that costs time). */
    private static boolean hasBuild(ProjectLayout layout) {
        return new Store(layout).currentDir().map(d -> Files.isRegularFile(d.resolve(Store.BUILD_INFO))).orElse(false);
    }

    /**
     * Run while the server answers: checks that {@code db/current} was built from the project's input files now, and
     * if not rebuilds it; the server switches to the new database when the build moves the link. A failed rebuild
     * leaves the served database as it is and says why.
     */
    private static void rebuildIfStale(ProjectLayout layout, GraphBuilder builder) {
        String current = layout.display(layout.currentDb());
        long t0 = System.nanoTime();
        if (!builder.isStale()) {
            LOG.info("{} was built from the project's current input files (checked in {} ms)", current,
                    (System.nanoTime() - t0) / 1_000_000);
            return;
        }
        LOG.info(REBUILDING, current);
        try {
            builder.build();
        } catch (InputException | ValidationException e) {
            LOG.warn("the rebuild failed, still serving the database built from the earlier inputs: {}",
                    e.getMessage());
        }
    }

    private static int fail(PrintWriter err, int status, String message) {
        err.println("serve: " + message);
        err.flush();
        return status;
    }

    /**
     * Why the server could not listen on the address and port, found by binding them for a moment (as Jetty does,
     * with {@code SO_REUSEADDR}), or empty if it could; port 0 always can.
     */
    static Optional<String> cannotListen(InetAddress address, int port) {
        if (port == 0) {
            return Optional.empty();
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return Optional.empty();
        } catch (BindException e) {
            String why = String.valueOf(e.getMessage());
            return Optional.of(why.toLowerCase(Locale.ROOT).contains("in use")
                    ? "the port is already in use (is another server running? choose another with --port)" : why);
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
