package org.alliancekg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.alliancekg.loadtest.LoadTest;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QueryException;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;

/**
 * The competency-question mix ({@code queries/cq/*.rq}) sent to a SPARQL endpoint (GET, through Jena's
 * {@code QueryExecHTTP}): sequential requests for latency percentiles, then several clients for a fixed time for
 * throughput. The number of result rows of each
 * query is kept (minus the status when it failed, e.g. -503 for a timeout), so that engines can be checked to
 * answer alike; answers other than 200 are counted as errors.
 *
 * <pre>{@code
 * QueryMix mix = QueryMix.of(Path.of("queries/cq"));
 * QueryMix.Figures f = mix.run("http://localhost:3030/kg/sparql", 200, 8, Duration.ofSeconds(20));
 * }</pre>
 */
public final class QueryMix {

    /** Media type asked for. */
    public static final String ACCEPT = "application/sparql-results+json";

    /**
     * How long a client waits for one answer (our server and stock Fuseki give up after 10 s without a first row
     * and 30 s overall, Virtuoso after 30 s); a request that outlasts it counts as an error (status 0).
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final List<String> names;
    private final List<String> queries;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private QueryMix(List<String> names, List<String> queries) {
        this.names = List.copyOf(names);
        this.queries = List.copyOf(queries);
    }

    /** The {@code *.rq} files of a folder, in name order. */
    public static QueryMix of(Path dir) {
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList()) {
                names.add(p.getFileName().toString().replaceFirst("\\.rq$", ""));
                texts.add(Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read queries in " + dir, e);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no .rq files in " + dir);
        }
        return new QueryMix(names, texts);
    }

    /** Query names, in order. */
    public List<String> names() {
        return names;
    }

    /** What a run measured. */
    public record Figures(int requests, double p50Ms, double p99Ms, double meanMs, Map<String, Double> p50ByQueryMs,
                          int clients, double throughputSeconds, long throughputRequests, double requestsPerSecond,
                          Map<String, Integer> rows, long errors, Map<String, String> failures) {
    }

    /**
     * Warms up (each query once), sends {@code requests} queries one after another (cycling through the mix), then
     * runs {@code clients} clients for {@code duration}.
     *
     * @param headers extra request headers (e.g. a {@code format} for engines that need it); may be empty
     */
    public Figures run(String endpoint, int requests, int clients, Duration duration, Map<String, String> headers)
            throws InterruptedException {
        return run(endpoint, Duration.ZERO, requests, clients, duration, headers);
    }

    /**
     * As {@link #run(String, int, int, Duration, Map)}, warming the server up first: after each query once, the
     * queries that answered are sent again, one after another, for {@code warmup}.
     */
    public Figures run(String endpoint, Duration warmup, int requests, int clients, Duration duration,
                       Map<String, String> headers) throws InterruptedException {
        Map<String, Integer> rows = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            Answer a = send(endpoint, queries.get(i), headers);
            if (a.ok()) {
                rows.put(names.get(i), a.rows);
            } else {
                rows.put(names.get(i), -a.status);
                failures.put(names.get(i), a.status + " " + a.body.substring(0, Math.min(200, a.body.length())).strip());
            }
        }
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            if (rows.get(names.get(i)) >= 0) {
                answered.add(queries.get(i));
            }
        }
        long warmEnd = System.nanoTime() + warmup.toNanos();
        for (int i = 0; !answered.isEmpty() && System.nanoTime() < warmEnd; i++) {
            send(endpoint, answered.get(i % answered.size()), headers);
        }
        long errors = 0;
        double[] latencies = new double[requests];
        Map<String, List<Double>> byQuery = new LinkedHashMap<>();
        for (int i = 0; i < requests; i++) {
            int q = i % queries.size();
            long t0 = System.nanoTime();
            Answer a = send(endpoint, queries.get(q), headers);
            double ms = (System.nanoTime() - t0) / 1e6;
            latencies[i] = ms;
            byQuery.computeIfAbsent(names.get(q), k -> new ArrayList<>()).add(ms);
            if (!a.ok()) {
                errors++;
            }
        }
        Map<String, Double> p50s = new LinkedHashMap<>();
        byQuery.forEach((k, v) -> p50s.put(k, percentile(v.stream().mapToDouble(Double::doubleValue).toArray(), 50)));

        Throughput t = throughput(endpoint, clients, duration, headers);
        return new Figures(requests, percentile(latencies, 50), percentile(latencies, 99),
                Arrays.stream(latencies).average().orElse(0), p50s, clients, t.seconds(), t.requests(),
                t.requestsPerSecond(), rows, errors + t.errors(), failures);
    }

    /** What a throughput run measured: answers (200) and failures over the run's seconds. */
    public record Throughput(int clients, double seconds, long requests, long errors, double requestsPerSecond) {
    }

    /**
     * {@code clients} clients send the mix (each from another starting query) for {@code duration}, with the
     * project's load generator ({@link LoadTest}: GET, these headers); answers still under way at the end are
     * waited for and counted.
     */
    public Throughput throughput(String endpoint, int clients, Duration duration, Map<String, String> headers)
            throws InterruptedException {
        List<LoadTest.MixQuery> mix = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            mix.add(LoadTest.MixQuery.unchecked(names.get(i), queries.get(i)));
        }
        LoadTest.Report r = LoadTest.builder().endpoint(URI.create(endpoint)).queries(mix).get(headers)
                .clients(clients).duration(duration).requestTimeout(REQUEST_TIMEOUT).build().run();
        long answered = r.requests() - r.errors();
        return new Throughput(clients, r.seconds(), answered, r.errors(), answered / r.seconds());
    }

    /** The mix without these queries (by name). */
    public QueryMix without(java.util.Collection<String> left) {
        List<String> n = new ArrayList<>();
        List<String> q = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!left.contains(names.get(i))) {
                n.add(names.get(i));
                q.add(queries.get(i));
            }
        }
        if (n.isEmpty()) {
            throw new IllegalArgumentException("no query left in the mix");
        }
        return new QueryMix(n, q);
    }

    /** An answer: the status (0: none within the timeout), the rows of a 200, else what went wrong. */
    private record Answer(int status, int rows, String body) {
        boolean ok() {
            return status == 200 && rows >= 0;
        }
    }

    private Answer send(String endpoint, String query, Map<String, String> headers) {
        QueryExecHTTPBuilder b = QueryExecHTTP.service(endpoint).httpClient(http).parseCheck(false).query(query)
                .sendMode(QuerySendMode.asGetAlways).acceptHeader(ACCEPT)
                .timeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        headers.forEach(b::httpHeader);
        try (QueryExecHTTP qe = b.build()) {
            RowSet rs = qe.select();
            int n = 0;
            for (; rs.hasNext(); rs.next()) {
                n++;
            }
            return new Answer(200, n, "");
        } catch (HttpException e) {
            if (e.getStatusCode() > 0) {
                return new Answer(e.getStatusCode(), -1, Objects.toString(e.getResponse(), ""));
            }
            if (e.getCause() instanceof HttpTimeoutException) {
                return new Answer(0, -1, "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
            }
            throw new IllegalStateException("cannot query " + endpoint + ": " + e.getMessage(), e);
        } catch (QueryException | RiotException e) {
            return new Answer(200, -1, "unreadable results: " + e.getMessage());
        }
    }

    /** The p-th percentile (nearest rank) of the values. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }
}
