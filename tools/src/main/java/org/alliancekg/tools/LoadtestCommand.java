package org.alliancekg.tools;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.alliancekg.cli.Main;
import org.alliancekg.loadtest.LoadTest;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-kg-tools loadtest}: fires the competency-question mix at a SPARQL endpoint on this machine from N
 * concurrent clients for S seconds, checks every answer against its expected result, and prints requests,
 * throughput, error and wrong-answer counts and p50/p95/p99 latency. Exit 1 when any request failed or answered
 * wrongly.
 *
 * <pre>
 * alliance-kg serve &amp;
 * alliance-kg-tools loadtest --clients 16 --seconds 60 --mix queries/
 * </pre>
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = {"Load-test a SPARQL endpoint on this machine with the competency questions: N clients for S "
                + "seconds, every answer compared with its expected .tsv; prints throughput, p50/p95/p99 latency, "
                + "errors and wrong answers. Exit 1 if any request failed or answered wrongly."})
public final class LoadtestCommand implements Callable<Integer> {

    @Option(names = "--clients", defaultValue = "4", paramLabel = "N",
            description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "10", paramLabel = "S",
            description = "How long the clients send queries (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--mix", defaultValue = "queries/", paramLabel = "DIR",
            description = "Query folder: DIR/cq/*.rq if there is a cq folder, else DIR/*.rq, each with its "
                    + "expected .tsv beside it (default: ${DEFAULT-VALUE}).")
    Path mix;

    @Option(names = "--url", defaultValue = "http://localhost:3030/kg/sparql", paramLabel = "URL",
            description = "SPARQL query endpoint, on this machine only (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--request-timeout", defaultValue = "30", paramLabel = "S",
            description = "Longest wait for one answer in seconds; a slower answer counts as an error "
                    + "(default: ${DEFAULT-VALUE}).")
    double requestTimeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        LoadTest test;
        try {
            test = LoadTest.builder().endpoint(url).mix(mix).clients(clients)
                    .duration(Duration.ofMillis((long) (seconds * 1000)))
                    .requestTimeout(Duration.ofMillis((long) (requestTimeout * 1000))).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        LoadTest.Report r = test.run();
        PrintWriter out = spec.commandLine().getOut();
        out.print(r.summary());
        out.flush();
        return r.errors() == 0 && r.wrongAnswers() == 0 ? 0 : Main.EXIT_INPUT;
    }
}
