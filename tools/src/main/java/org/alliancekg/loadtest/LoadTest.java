package org.alliancekg.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.alliancekg.cq.ResultComparer;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load test: {@code clients} concurrent clients (threads with {@code java.net.http}) send the queries of a mix
 * folder ({@code *.rq}, each with its expected SPARQL TSV result {@code *.tsv} beside it) to a SPARQL endpoint on
 * this machine, one after another in a round robin starting at a different query for each client, for
 * {@code seconds}. Every answer is checked: an error is a transport failure or a status other than 200; a wrong
 * answer is a 200 whose result differs from the expected one ({@link ResultComparer}). Latency runs from sending a
 * request to having read and checked its answer.
 *
 * <p>This is the project's one load generator: the {@code loadtest} command runs it, and the benchmark's throughput
 * runs ({@code QueryMix}) run it with queries of no expected result (only the status is then
 * checked), sent by GET with the headers an engine needs.
 *
 * <pre>{@code
 * LoadTest.Report r = LoadTest.builder().endpoint(URI.create("http://localhost:3030/kg/sparql"))
 *         .mix(Path.of("queries/cq")).clients(16).duration(Duration.ofSeconds(60)).build().run();
 * System.out.println(r.summary());
 * }</pre>
 */
public final class LoadTest {

    private static final Logger LOG = LoggerFactory.getLogger("akg.loadtest");

    /** A query of the mix and its expected result (null: any answer with status 200 is right). */
    public record MixQuery(String name, String text, boolean ordered, ResultComparer.Table expected) {

        /** A query whose answers are not checked, only their status. */
        public static MixQuery unchecked(String name, String text) {
            return new MixQuery(name, text, false, null);
        }
    }

    /** The figures of a run. */
    public record Report(String endpoint, int clients, double seconds, int queries, long requests, long errors,
                         long wrongAnswers, double throughput, double p50Ms, double p95Ms, double p99Ms,
                         double maxMs, Map<String, String> firstProblems) {

        /** The report as printed by the command. */
        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "loadtest: %d clients for %.1f s, %d queries in the mix, against %s%n",
                    clients, seconds, queries, endpoint));
            sb.append(String.format(Locale.ROOT, "requests: %d  throughput: %.1f/s  errors: %d  wrong answers: %d%n",
                    requests, throughput, errors, wrongAnswers));
            sb.append(String.format(Locale.ROOT, "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                    p50Ms, p95Ms, p99Ms, maxMs));
            firstProblems.forEach((q, p) -> sb.append("first problem with ").append(q).append(": ").append(p)
                    .append('\n'));
            return sb.toString();
        }
    }

    private final URI endpoint;
    private final List<MixQuery> mix;
    private final int clients;
    private final Duration duration;
    private final Duration requestTimeout;
    private final boolean get;
    private final Map<String, String> headers;

    private LoadTest(Builder b, List<MixQuery> mix) {
        this.endpoint = b.endpoint;
        this.mix = mix;
        this.clients = b.clients;
        this.duration = b.duration;
        this.requestTimeout = b.requestTimeout;
        this.get = b.get;
        this.headers = Map.copyOf(b.headers);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The queries of the mix. */
    public List<MixQuery> mix() {
        return mix;
    }

    /** Runs the load for the duration and returns the figures. */
    public Report run() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(Math.max(2, clients)))
                .build();
        long[][] latencies = new long[clients][];
        AtomicLong errors = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        Map<String, String> firstProblems = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "akg-loadtest-client");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch start = new CountDownLatch(1);
        long begin = System.nanoTime();
        long stopAt = begin + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.execute(() -> {
                long[] mine = new long[1024];
                int n = 0;
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = client % mix.size(); System.nanoTime() < stopAt; i = (i + 1) % mix.size()) {
                    MixQuery q = mix.get(i);
                    long t0 = System.nanoTime();
                    Optional<String> problem;
                    boolean error;
                    QueryExecHTTPBuilder b = QueryExecHTTP.service(endpoint.toString()).httpClient(http)
                            .query(q.text()).sendMode(get ? QuerySendMode.asGetAlways : QuerySendMode.asPost)
                            .acceptHeader("application/sparql-results+json")
                            .timeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    headers.forEach(b::httpHeader);
                    try (QueryExecHTTP qe = b.build()) {
                        ResultComparer.Table actual = ResultComparer.read(qe.select());
                        error = false;
                        problem = q.expected() == null ? Optional.empty()
                                : q.expected().difference(actual, q.ordered());
                    } catch (HttpException e) {
                        error = true;
                        problem = Optional.of(e.getStatusCode() > 0
                                ? "status " + e.getStatusCode() + ": "
                                        + abbreviate(Objects.toString(e.getResponse(), ""))
                                : e.getMessage());
                    } catch (QueryException | RiotException | IllegalArgumentException e) {
                        error = false;
                        problem = Optional.of("unreadable SPARQL JSON results: " + e.getMessage());
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        break;
                    }
                    long elapsed = System.nanoTime() - t0;
                    if (problem.isPresent()) {
                        (error ? errors : wrong).incrementAndGet();
                        firstProblems.putIfAbsent(q.name(), (error ? "error: " : "wrong answer: ")
                                + problem.get().strip());
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = elapsed;
                }
                latencies[client] = Arrays.copyOf(mine, n);
            });
        }
        start.countDown();
        pool.shutdown();
        long grace = duration.toMillis() + requestTimeout.toMillis() + 10_000;
        if (!pool.awaitTermination(grace, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("load test clients did not stop within " + grace + " ms");
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long[] all = Stream.of(latencies).filter(Objects::nonNull).flatMapToLong(Arrays::stream).sorted().toArray();
        Report report = new Report(endpoint.toString(), clients, seconds, mix.size(), all.length, errors.get(),
                wrong.get(), all.length / seconds, percentile(all, 50), percentile(all, 95), percentile(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, Map.copyOf(firstProblems));
        LOG.debug("load test done: {} requests", all.length);
        return report;
    }

    /** The p-th percentile (nearest rank) of sorted nanosecond values, in milliseconds. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] / 1e6;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    /**
     * The mix of a folder: {@code dir/cq/*.rq} if {@code dir} has a {@code cq} folder (so {@code queries/} names the
     * competency questions), else {@code dir/*.rq}; each needs its {@code .tsv} and must be a SELECT query.
     *
     * @throws IllegalArgumentException naming the file, if a query has no expected result, does not parse or is no
     *                                  SELECT, or the folder holds no query
     */
    public static List<MixQuery> readMix(Path dir) {
        Path folder = Files.isDirectory(dir.resolve("cq")) ? dir.resolve("cq") : dir;
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no query folder " + dir);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".rq")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no .rq query");
        }
        List<MixQuery> mix = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            Path tsv = f.resolveSibling(name.substring(0, name.length() - 3) + ".tsv");
            if (!Files.isRegularFile(tsv)) {
                throw new IllegalArgumentException(f + ": no expected result " + tsv.getFileName());
            }
            try (InputStream in = Files.newInputStream(tsv)) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Query query = QueryFactory.create(text);
                if (!query.isSelectType()) {
                    throw new IllegalArgumentException(f + ": only SELECT queries can be checked against a TSV file");
                }
                mix.add(new MixQuery(name, text, query.hasOrderBy(), ResultComparer.read(in, ResultSetLang.RS_TSV)));
            } catch (QueryParseException e) {
                throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
            } catch (RiotException e) {
                throw new IllegalArgumentException(tsv + ": not SPARQL TSV results: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(mix);
    }

    /** Whether the URL's host is an address of this machine's loopback interface. */
    static boolean isLoopback(URI url) {
        if (url.getHost() == null) {
            return false;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(url.getHost())) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Builds a {@link LoadTest}; checks its settings in {@link #build()}. */
    public static final class Builder {
        private URI endpoint = URI.create("http://localhost:3030/kg/sparql");
        private Path mixDir = Path.of("queries");
        private List<MixQuery> queries;
        private boolean get;
        private Map<String, String> headers = Map.of();
        private int clients = 4;
        private Duration duration = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** The SPARQL query endpoint; default {@code http://localhost:3030/kg/sparql}. Loopback only. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint);
            return this;
        }

        /** The query folder (see {@link #readMix}); default {@code queries}. */
        public Builder mix(Path dir) {
            this.mixDir = Objects.requireNonNull(dir);
            return this;
        }

        /** The queries themselves, instead of a {@link #mix(Path) folder}. */
        public Builder queries(List<MixQuery> queries) {
            this.queries = List.copyOf(queries);
            return this;
        }

        /**
         * Sends each query by GET ({@code ?query=}) with these extra headers, instead of a POST of
         * {@code application/sparql-query}; for engines that answer only so.
         */
        public Builder get(Map<String, String> headers) {
            this.get = true;
            this.headers = Map.copyOf(headers);
            return this;
        }

        /** Concurrent clients, 1-1024; default 4. */
        public Builder clients(int clients) {
            this.clients = clients;
            return this;
        }

        /** How long clients send requests, at most an hour; default 10 s. */
        public Builder duration(Duration duration) {
            this.duration = Objects.requireNonNull(duration);
            return this;
        }

        /** The longest wait for one answer; default 30 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * Checks the settings and reads the mix.
         *
         * @throws IllegalArgumentException for an endpoint not on this machine's loopback interface, a bad number
         *                                  of clients or duration, or a broken mix
         */
        public LoadTest build() {
            String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("the endpoint must be an http(s) URL: " + endpoint);
            }
            if (!isLoopback(endpoint)) {
                throw new IllegalArgumentException("the load test runs against this machine only (loopback): "
                        + endpoint.getHost() + " is not a loopback address");
            }
            if (clients < 1 || clients > 1024) {
                throw new IllegalArgumentException("clients must be 1..1024: " + clients);
            }
            if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("the duration must be more than 0 s and at most an hour: "
                        + duration);
            }
            if (queries != null && queries.isEmpty()) {
                throw new IllegalArgumentException("no query in the mix");
            }
            return new LoadTest(this, queries != null ? queries : readMix(mixDir));
        }
    }
}
