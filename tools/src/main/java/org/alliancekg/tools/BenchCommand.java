package org.alliancekg.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.alliancekg.bench.BenchmarkRunner;
import org.alliancekg.bench.CorpusGenerator;
import org.alliancekg.bench.QueryMix;
import org.alliancekg.cli.Main;
import org.alliancekg.cli.ProjectOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-kg-tools bench}: synthetic corpora and the performance benchmark.
 *
 * <pre>
 * alliance-kg-tools bench generate --articles 1000 --seed 42 --out target/bench/corpus-1000
 * alliance-kg-tools bench run --articles 1000,10000 --out target/bench/figures.json
 * alliance-kg-tools bench queries --url http://localhost:3030/kg/sparql --mix queries/cq
 * </pre>
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Synthetic corpora and the performance benchmark (build, bulk load, queries, ingest).",
        subcommands = {BenchCommand.Generate.class, BenchCommand.Run.class, BenchCommand.Queries.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand: generate, run or queries");
    }

    /** {@code bench generate}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write a project directory with N synthetic articles and claims (deterministic for a seed), "
                    + "the entity catalogue, ontology, queries and Fuseki configuration of this project."})
    static final class Generate implements Callable<Integer> {

        @Option(names = "--articles", required = true, paramLabel = "N", description = "Number of articles.")
        int articles;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Directory to write (missing, empty, or written by an earlier 'bench generate').")
        Path out;

        @Mixin
        ProjectOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            CorpusGenerator.Summary s = new CorpusGenerator(options.layout()).generate(articles, seed, out);
            spec.commandLine().getOut().printf("generated %d articles, %d claims, %d words (%.1f MB of text) in %s%n",
                    s.articles(), s.claims(), s.words(), s.bodyBytes() / 1e6, s.out());
            return 0;
        }
    }

    /** {@code bench run}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"For each N: generate a corpus, build it (per-phase times, peak heap), bulk-load the same "
                    + "quads with Jena's tdbloader --loader=parallel, run the competency-question mix over HTTP on our "
                    + "server (result cache off and on), stock Fuseki and Virtuoso (when installed); build the corpus "
                    + "with one broken article (must fail naming it, db/current untouched); time start to first answer "
                    + "of our server and stock Fuseki, and adding the next articles through a running server and as "
                    + "the ingest command. Figures go to the terminal (with a summary table) and to a JSON file."})
    static final class Run implements Callable<Integer> {

        @Option(names = "--articles", split = ",", defaultValue = "1000,10000,100000", paramLabel = "N[,N...]",
                description = "Corpus sizes (default: ${DEFAULT-VALUE}).")
        List<Integer> articles;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", defaultValue = "target/bench/figures.json", paramLabel = "FILE",
                description = "JSON file for the figures (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--work", defaultValue = "target/bench", paramLabel = "DIR",
                description = "Directory for the corpora and databases (default: ${DEFAULT-VALUE}).")
        Path work;

        @Option(names = "--requests", defaultValue = "200", paramLabel = "R",
                description = "Sequential query requests per engine (default: ${DEFAULT-VALUE}).")
        int requests;

        @Option(names = "--clients", defaultValue = "8", paramLabel = "C",
                description = "Concurrent clients for the throughput run (default: ${DEFAULT-VALUE}).")
        int clients;

        @Option(names = "--throughput-seconds", defaultValue = "20", paramLabel = "T",
                description = "Length of each throughput run in seconds (default: ${DEFAULT-VALUE}).")
        int throughputSeconds;

        @Option(names = "--warmup-seconds", defaultValue = "15", paramLabel = "W",
                description = "How long each engine is sent the mix before it is measured (default: ${DEFAULT-VALUE}).")
        int warmupSeconds;

        @Option(names = "--time-limit", defaultValue = "7200", paramLabel = "SECONDS",
                description = "Bound on each child process (loader, servers) in seconds (default: ${DEFAULT-VALUE}).")
        int timeLimit;

        @Option(names = "--no-virtuoso", description = "Skip Virtuoso even when it is installed.")
        boolean noVirtuoso;

        @Option(names = "--stock-jar", paramLabel = "JAR",
                description = "Stock Fuseki jar (default: <project>/target/stock/jena-fuseki-server.jar).")
        Path stockJar;

        @Mixin
        ProjectOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            BenchmarkRunner.Settings settings = new BenchmarkRunner.Settings(options.layout(), articles, seed,
                    work.toAbsolutePath(), out.toAbsolutePath(), requests, clients, throughputSeconds, timeLimit,
                    !noVirtuoso, stockJar == null ? null : stockJar.toAbsolutePath(),
                    warmupSeconds);
            new BenchmarkRunner(settings, spec.commandLine().getOut(), Main.class.getName()).run();
            return 0;
        }
    }

    /** {@code bench queries}. */
    @Command(name = "queries", mixinStandardHelpOptions = true,
            description = {"Send the competency-question mix to a running SPARQL endpoint as 'bench run' does (each "
                    + "question once, a warm-up, R requests one after another, then C clients for T seconds) and "
                    + "print the p50 of each question with its rows: the query figures of 'bench run' for a database "
                    + "you built and serve yourself (e.g. a 'bench generate' corpus after a change to the queries)."})
    static final class Queries implements Callable<Integer> {

        @Option(names = "--url", defaultValue = "http://localhost:3030/kg/sparql", paramLabel = "URL",
                description = "SPARQL query endpoint (default: ${DEFAULT-VALUE}).")
        String url;

        @Option(names = "--mix", defaultValue = "queries/cq", paramLabel = "DIR",
                description = "Folder of the *.rq files (default: ${DEFAULT-VALUE}).")
        Path mix;

        @Option(names = "--requests", defaultValue = "150", paramLabel = "R",
                description = "Sequential requests, cycling through the mix (default: ${DEFAULT-VALUE}).")
        int requests;

        @Option(names = "--clients", defaultValue = "8", paramLabel = "C",
                description = "Concurrent clients for the throughput run (default: ${DEFAULT-VALUE}).")
        int clients;

        @Option(names = "--throughput-seconds", defaultValue = "10", paramLabel = "T",
                description = "Length of the throughput run in seconds (default: ${DEFAULT-VALUE}).")
        int throughputSeconds;

        @Option(names = "--warmup-seconds", defaultValue = "5", paramLabel = "W",
                description = "How long the mix is sent before it is measured (default: ${DEFAULT-VALUE}).")
        int warmupSeconds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            QueryMix m = QueryMix.of(mix);
            QueryMix.Figures f = m.run(url, Duration.ofSeconds(warmupSeconds), requests, clients,
                    Duration.ofSeconds(throughputSeconds), Map.of());
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%d requests: p50 %.1f ms, p99 %.1f ms; %d clients: %.1f requests/s; %d errors%n",
                    f.requests(), f.p50Ms(), f.p99Ms(), f.clients(), f.requestsPerSecond(), f.errors());
            for (String name : m.names()) {
                Double p50 = f.p50ByQueryMs().get(name);
                out.printf(Locale.ROOT, "%-45s p50 %10s ms  rows %d%n", name,
                        p50 == null ? "-" : String.format(Locale.ROOT, "%.1f", p50), f.rows().get(name));
            }
            f.failures().forEach((name, why) -> out.printf("%s failed: %s%n", name, why));
            out.flush();
            return f.errors() == 0 && f.failures().isEmpty() ? 0 : Main.EXIT_INPUT;
        }
    }
}
