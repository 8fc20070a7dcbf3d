package org.alliancekg.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.alliancekg.store.Store;
import org.alliancekg.ingest.ProjectLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The benchmark of {@code bench run}: for each corpus size N, in one run and on one machine,
 * <ol>
 * <li>generates a synthetic corpus ({@link CorpusGenerator}; reused when the same N and seed are on disk);</li>
 * <li>builds it in a child JVM ({@link BuildProbe}): wall time, articles/s, MB/s of text, quads/s, time per
 * phase, peak heap;</li>
 * <li>bulk-loads the build's N-Quads dump with Jena's {@code tdb2.tdbloader --loader=parallel} in a child JVM,
 * and gives the ratio build / bulk load;</li>
 * <li>runs the competency-question mix ({@link QueryMix}) over HTTP on our server with the result cache off and
 * on, on stock Fuseki ({@code jena-fuseki-server}) serving the same database, and on Virtuoso loaded with the same
 * quads when it is installed; sequential p50/p99 and throughput with several clients, and the ratios;</li>
 * <li>times the server's start to its first answer, and adding one article to the N-article database.</li>
 * </ol>
 * Every child process is bounded in time and listens on loopback only. Figures are printed as they come and
 * written to the JSON file after each step, so that a run cut short keeps what it measured.
 */
public final class BenchmarkRunner {

    private static final Logger LOG = LoggerFactory.getLogger("akg.bench");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Java heap of every Java child (our build and servers, the TDB2 loader, stock Fuseki). */
    public static final String HEAP = "2g";
    /** Virtuoso page buffers: 170,000 x 8 KiB, about the same memory as the Java heaps. */
    public static final int VIRTUOSO_BUFFERS = 170_000;

    /**
     * What to run.
     *
     * @param project           the real project (entity catalogue, claims to draw facts from, queries, config)
     * @param articles          corpus sizes
     * @param seed              generator seed
     * @param work              folder for corpora, databases and logs
     * @param out               the JSON file of figures
     * @param requests          sequential requests per engine
     * @param clients           clients of the throughput run
     * @param throughputSeconds length of each throughput run
     * @param timeLimitSeconds  bound on each child process
     * @param virtuoso          whether to run Virtuoso when installed
     * @param stockJar          the stock Fuseki jar, or null for {@code target/stock/jena-fuseki-server.jar}
     * @param warmupSeconds     how long each engine is sent the mix before it is measured
     */
    public record Settings(ProjectLayout project, List<Integer> articles, long seed, Path work, Path out, int requests,
                           int clients, int throughputSeconds, int timeLimitSeconds, boolean virtuoso, Path stockJar,
                           int warmupSeconds) {
        /** Checks the numbers. */
        public Settings {
            Objects.requireNonNull(project, "project");
            articles = List.copyOf(articles);
            if (articles.isEmpty() || articles.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("--articles needs sizes of at least 1: " + articles);
            }
            if (requests < 1 || clients < 1 || throughputSeconds < 1 || timeLimitSeconds < 1 || warmupSeconds < 0) {
                throw new IllegalArgumentException("--requests, --clients, --throughput-seconds and --time-limit "
                        + "must be positive");
            }
        }
    }

    private final Settings s;
    private final PrintWriter out;
    private final String serverMain;
    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode runs;
    /** The mix without the queries our server could not answer in time, for the current size (or null). */
    private QueryMix light;
    private List<String> lightLeftOut = List.of();

    /**
     * A runner printing to {@code out}.
     *
     * @param serverMain the main class of the command line whose {@code serve} the benchmark runs as our server
     */
    public BenchmarkRunner(Settings settings, PrintWriter out, String serverMain) {
        this.s = settings;
        this.out = out;
        this.serverMain = Objects.requireNonNull(serverMain, "serverMain");
        root.put("started", Instant.now().toString());
        root.set("machine", machine());
        ObjectNode set = root.putObject("settings");
        set.put("seed", s.seed());
        set.put("requests", s.requests());
        set.put("clients", s.clients());
        set.put("throughputSeconds", s.throughputSeconds());
        set.put("warmupSeconds", s.warmupSeconds());
        set.put("heap", HEAP);
        set.put("timeLimitSeconds", s.timeLimitSeconds());
        runs = root.putArray("runs");
    }

    /** Runs every size; figures go to the terminal and to the JSON file. */
    public void run() throws IOException {
        Files.createDirectories(s.work());
        print("machine: %s", root.get("machine").toString());
        for (int n : s.articles()) {
            ObjectNode r = runs.addObject();
            r.put("articles", n);
            try {
                runSize(n, r);
            } catch (RuntimeException | IOException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                r.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
                print("N=%,d: stopped: %s", n, e.getMessage());
                LOG.warn("benchmark of {} articles stopped", n, e);
            } finally {
                write();
            }
        }
        print("figures written to %s", s.out());
    }

    private void runSize(int n, ObjectNode r) throws IOException, InterruptedException {
        Duration limit = Duration.ofSeconds(s.timeLimitSeconds());
        Path corpus = s.work().resolve("corpus-" + n);
        Path logs = s.work().resolve("logs-" + n);
        Files.createDirectories(logs);

        // 1. corpus
        ObjectNode c = r.putObject("corpus");
        long t0 = System.nanoTime();
        CorpusGenerator generator = new CorpusGenerator(s.project());
        boolean reused = sameCorpus(corpus, n);
        if (reused) {
            generator.copyProjectFiles(corpus);
        } else {
            CorpusGenerator.Summary g = generator.generate(n, s.seed(), corpus);
            c.put("claims", g.claims());
            c.put("words", g.words());
        }
        c.put("reused", reused);
        c.put("generateSeconds", (System.nanoTime() - t0) / 1e9);
        print("N=%,d: corpus %s in %.1f s", n, reused ? "reused" : "generated", c.get("generateSeconds").asDouble());
        write();

        // 2. build
        CorpusGenerator.deleteTree(corpus.resolve("db"));
        Path buildJson = logs.resolve("build.json");
        loadAverage(r, "loadBeforeBuild");
        double buildProcess = Child.run("build", Child.javaCommand(HEAP, BuildProbe.class.getName(), "build",
                corpus.toString(), buildJson.toString()), corpus, logs.resolve("build.log"), limit);
        ObjectNode b = (ObjectNode) JSON.readTree(buildJson.toFile());
        b.put("processSeconds", buildProcess);
        long quads = b.path("counts").path("quads").asLong();
        long bodyBytes = b.path("counts").path("bodyBytes").asLong();
        double wall = b.path("wallSeconds").asDouble();
        b.put("articlesPerSecond", n / wall);
        b.put("textMegabytesPerSecond", bodyBytes / 1e6 / wall);
        b.put("quadsPerSecond", quads / wall);
        Path dumps = corpus.resolve("db/dumps");
        // the loaders read the gzipped N-Quads the build wrote (the same quads)
        Path nq = dumps.resolve(Store.DUMP_NAME + ".nq.gz");
        b.put("nquadsGzBytes", Files.size(nq));
        b.put("databaseBytes", treeSize(corpus.resolve("db/current").toRealPath()));
        r.set("build", b);
        print("N=%,d: build %.1f s (process %.1f s): %,.0f articles/s, %.2f MB/s of text, %,.0f quads/s, %,d quads; "
                        + "peak heap %,d MiB (after GC %,d MiB of %,d MiB)", n, wall, buildProcess, n / wall,
                bodyBytes / 1e6 / wall, quads / wall, quads, b.path("peakHeapUsedBytes").asLong() >> 20,
                b.path("peakHeapAfterGcBytes").asLong() >> 20, b.path("maxHeapBytes").asLong() >> 20);
        print("N=%,d: build phases, elapsed thread-seconds: %s", n, rounded(b.path("phaseSeconds")));
        print("N=%,d: build phases, CPU seconds:            %s", n, rounded(b.path("phaseCpuSeconds")));
        write();

        // 3. Jena's bulk loader on the same quads
        ObjectNode l = r.putObject("bulkLoad");
        Path loc = s.work().resolve("tdbloader-" + n);
        CorpusGenerator.deleteTree(loc);
        loadAverage(r, "loadBeforeBulkLoad");
        Path loaderJson = logs.resolve("tdbloader.json");
        double loadSeconds = Child.run("tdbloader", Child.javaCommand(HEAP, BuildProbe.class.getName(), "tdbloader",
                loaderJson.toString(), "--loader=parallel", "--loc=" + loc, nq.toString()), s.work(),
                logs.resolve("tdbloader.log"), limit);
        l.put("tool", "tdb2.tdbloader --loader=parallel " + nq.getFileName());
        l.put("processSeconds", loadSeconds);
        double loaderCpu = Files.isRegularFile(loaderJson)
                ? JSON.readTree(loaderJson.toFile()).path("processCpuSeconds").asDouble(-1) : -1;
        l.put("processCpuSeconds", loaderCpu);
        l.put("quadsPerSecond", quads / loadSeconds);
        l.put("databaseBytes", treeSize(loc));
        CorpusGenerator.deleteTree(loc);
        double ratio = buildProcess / loadSeconds;
        r.put("buildToBulkLoadRatio", ratio);
        double buildCpu = b.path("processCpuSeconds").asDouble(-1);
        if (buildCpu > 0 && loaderCpu > 0) {
            r.put("buildToBulkLoadCpuRatio", buildCpu / loaderCpu);
        }
        print("N=%,d: tdbloader --loader=parallel %.1f s (%,.0f quads/s); build / bulk load = %.2f elapsed, %.2f CPU "
                + "(build %.0f CPU-s, loader %.0f CPU-s; target <= 1.25)", n, loadSeconds, quads / loadSeconds, ratio,
                buildCpu / loaderCpu, buildCpu, loaderCpu);
        write();

        // 4. queries
        QueryMix mix = QueryMix.of(corpus.resolve("queries/cq"));
        light = null;
        lightLeftOut = List.of();
        ObjectNode q = r.putObject("queries");
        q.putPOJO("mix", mix.names());
        ObjectNode ours = ourServer(corpus, logs, mix, false, q, limit);
        if (ours != null) {
            r.put("startToFirstAnswerSeconds", ours.path("startToFirstAnswerSeconds").asDouble());
        }
        ObjectNode cached = ourServer(corpus, logs, mix, true, q, limit);
        ObjectNode stock = stockFuseki(corpus, logs, mix, q, limit);
        ObjectNode virtuoso = virtuoso(corpus, nq, mix, q, limit, n);
        ObjectNode ratios = q.putObject("ratios");
        if (ours != null && stock != null) {
            ratios.put("oursToStockP50", ours.path("p50Ms").asDouble() / stock.path("p50Ms").asDouble());
            ratios.put("oursToStockThroughput", ours.path("requestsPerSecond").asDouble()
                    / stock.path("requestsPerSecond").asDouble());
            // the p50 of a mix of fast and slow queries lands between two of them and moves with a few requests;
            // the geometric mean of the per-query p50 ratios weighs every question alike
            geometricMeanRatio(ours.path("p50ByQueryMs"), stock.path("p50ByQueryMs"))
                    .ifPresent(g -> ratios.put("oursToStockP50ByQueryGeometricMean", g));
        }
        if (cached != null && virtuoso != null) {
            ratios.put("cachedToVirtuosoThroughput", cached.path("requestsPerSecond").asDouble()
                    / virtuoso.path("requestsPerSecond").asDouble());
            ratios.put("cachedToVirtuosoP50", cached.path("p50Ms").asDouble() / virtuoso.path("p50Ms").asDouble());
        }
        if (ours != null && virtuoso != null) {
            ratios.put("oursToVirtuosoP50", ours.path("p50Ms").asDouble() / virtuoso.path("p50Ms").asDouble());
        }
        lightRatio(ratios, "oursToStockLightThroughput", ours, stock);
        lightRatio(ratios, "cachedToVirtuosoLightThroughput", cached, virtuoso);
        print("N=%,d: ratios %s (targets: p50 and throughput within 10%% of stock; cached >= Virtuoso)", n, ratios);

        // 5. one more article into the N-article database
        ingest(n, corpus, logs, r, limit);
    }

    private ObjectNode ourServer(Path corpus, Path logs, QueryMix mix, boolean cache, ObjectNode q, Duration limit)
            throws InterruptedException {
        String key = cache ? "oursCached" : "ours";
        int port = Child.freePort();
        // the limits of stock Fuseki's configuration (30 s overall, no row cap), so both answer the same mix in full
        List<String> cmd = Child.javaCommand(HEAP, serverMain, "serve", "--port", String.valueOf(port),
                "--project", corpus.toString(), "--query-timeout", "30000", "--max-rows", String.valueOf(Integer.MAX_VALUE));
        if (cache) {
            cmd.add("--cache");
        }
        try (Child server = Child.start(key, cmd, corpus, logs.resolve(key + ".log"))) {
            String endpoint = "http://localhost:" + port + "/kg/sparql";
            double first = server.awaitFirstAnswer(endpoint, limit);
            QueryMix.Figures figures = mix.run(endpoint, Duration.ofSeconds(s.warmupSeconds()), s.requests(),
                    s.clients(), Duration.ofSeconds(s.throughputSeconds()), Map.of());
            if (!cache) {
                // queries our server cannot answer in time are left out of a second throughput run, on every engine
                List<String> failed = figures.rows().entrySet().stream().filter(e -> e.getValue() < 0)
                        .map(Map.Entry::getKey).toList();
                light = failed.isEmpty() ? null : mix.without(failed);
                lightLeftOut = failed;
            }
            ObjectNode f = measured(figures, endpoint);
            f.put("startToFirstAnswerSeconds", first);
            f.put("engine", cache ? "alliance-kg serve --cache" : "alliance-kg serve");
            q.set(key, f);
            printQueries(key, f);
            write();
            return f;
        } catch (RuntimeException e) {
            q.putObject(key).put("error", e.getMessage());
            print("%s: %s", key, e.getMessage());
            return null;
        }
    }

    private ObjectNode stockFuseki(Path corpus, Path logs, QueryMix mix, ObjectNode q, Duration limit)
            throws InterruptedException {
        Path jar = s.stockJar() != null ? s.stockJar()
                : s.project().root().resolve("target/stock/jena-fuseki-server.jar");
        if (!Files.isRegularFile(jar)) {
            q.putObject("stockFuseki").put("unavailable", "no stock Fuseki jar at " + jar
                    + " (mvn generate-test-resources copies it)");
            print("stock Fuseki: unavailable (no %s)", jar);
            return null;
        }
        int port = Child.freePort();
        List<String> cmd = List.of(Child.java(), "-Xmx" + HEAP, "-jar", jar.toString(), "--localhost", "--port",
                String.valueOf(port), "--config", corpus.resolve("fuseki-config/config.ttl").toString());
        try (Child server = Child.start("stock Fuseki", cmd, corpus, logs.resolve("stock-fuseki.log"))) {
            String endpoint = "http://localhost:" + port + "/kg/sparql";
            double first = server.awaitFirstAnswer(endpoint, limit);
            ObjectNode f = measured(mix.run(endpoint, Duration.ofSeconds(s.warmupSeconds()), s.requests(),
                    s.clients(), Duration.ofSeconds(s.throughputSeconds()), Map.of()), endpoint);
            f.put("startToFirstAnswerSeconds", first);
            f.put("engine", "stock Fuseki " + jar.getFileName() + " --config fuseki-config/config.ttl (same database)");
            q.set("stockFuseki", f);
            printQueries("stockFuseki", f);
            write();
            return f;
        } catch (RuntimeException e) {
            q.putObject("stockFuseki").put("error", e.getMessage());
            print("stock Fuseki: %s", e.getMessage());
            return null;
        }
    }

    private ObjectNode virtuoso(Path corpus, Path nq, QueryMix mix, ObjectNode q, Duration limit, int n)
            throws InterruptedException {
        if (!s.virtuoso()) {
            q.putObject("virtuoso").put("unavailable", "skipped (--no-virtuoso)");
            return null;
        }
        Optional<String> why = Virtuoso.unavailable();
        if (why.isPresent()) {
            q.putObject("virtuoso").put("unavailable", why.get());
            print("Virtuoso: unavailable: %s", why.get());
            return null;
        }
        Path dir = s.work().resolve("virtuoso-" + n);
        try {
            CorpusGenerator.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Virtuoso v = Virtuoso.start(dir, nq.getParent(), VIRTUOSO_BUFFERS, Duration.ofMinutes(3))) {
            double load = v.load(nq.getFileName().toString(), limit);
            ObjectNode f = measured(mix.run(v.sparqlUrl(), Duration.ofSeconds(s.warmupSeconds()), s.requests(),
                    s.clients(), Duration.ofSeconds(s.throughputSeconds()), Map.of()), v.sparqlUrl());
            f.put("loadSeconds", load);
            f.put("engine", "Virtuoso (virtuoso-opensource, ld_dir/rdf_loader_run)");
            q.set("virtuoso", f);
            print("virtuoso: bulk load %.1f s", load);
            printQueries("virtuoso", f);
            write();
            return f;
        } catch (RuntimeException e) {
            q.putObject("virtuoso").put("error", e.getMessage());
            print("Virtuoso: %s", e.getMessage());
            return null;
        } finally {
            try {
                CorpusGenerator.deleteTree(dir);
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", dir, e.toString());
            }
        }
    }

    /**
     * Adds article N+1 (with its claims) to the N-article database, then article N+2 in the same process (warm);
     * then takes them out of the corpus files.
     */
    private void ingest(int n, Path corpus, Path logs, ObjectNode r, Duration limit) throws IOException {
        ObjectNode i = r.putObject("ingest");
        CorpusGenerator generator = new CorpusGenerator(s.project());
        Path dir = Files.createDirectories(s.work().resolve("ingest-" + n));
        List<String> command = new java.util.ArrayList<>(Child.javaCommand(HEAP, BuildProbe.class.getName(), "ingest",
                corpus.toString(), logs.resolve("ingest.json").toString()));
        List<Path> added = new java.util.ArrayList<>();
        for (int k = 0; k < 2; k++) {
            CorpusGenerator.GeneratedArticle a = generator.article(n + k, s.seed());
            Path file = dir.resolve(a.id() + ".md");
            Files.writeString(file, a.markdown(), StandardCharsets.UTF_8);
            Path claims = corpus.resolve("data/claims/" + a.id() + ".yaml");
            Files.writeString(claims, a.claimsYaml(), StandardCharsets.UTF_8);
            added.add(claims);
            added.add(corpus.resolve("data/articles/" + a.id() + ".md"));
            command.add(file.toString());
        }
        try {
            double process = Child.run("ingest", command, corpus, logs.resolve("ingest.log"), limit);
            ObjectNode probe = (ObjectNode) JSON.readTree(logs.resolve("ingest.json").toFile());
            i.setAll(probe);
            i.put("processSeconds", process);
            print("N=%,d: ingest of one article %.2f s, the next one %.2f s (process %.1f s for both; target < 1 s): %s",
                    n, probe.path("seconds").asDouble(), probe.path("nextSeconds").asDouble(), process,
                    probe.path("summary").asText());
        } catch (RuntimeException e) {
            i.put("error", e.getMessage());
            print("N=%,d: ingest: %s", n, e.getMessage());
        } finally {
            for (Path p : added) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String rounded(JsonNode phases) {
        StringBuilder sb = new StringBuilder();
        phases.fields().forEachRemaining(e -> sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey())
                .append(String.format(Locale.ROOT, " %.1f", e.getValue().asDouble())));
        return sb.toString();
    }

    private static void lightRatio(ObjectNode ratios, String key, ObjectNode a, ObjectNode b) {
        if (a != null && b != null && a.has("lightMixThroughput") && b.has("lightMixThroughput")) {
            ratios.put(key, a.path("lightMixThroughput").path("requestsPerSecond").asDouble()
                    / b.path("lightMixThroughput").path("requestsPerSecond").asDouble());
        }
    }

    /** The figures of a run, plus the throughput of the light mix when our server left queries out. */
    private ObjectNode measured(QueryMix.Figures f, String endpoint) throws InterruptedException {
        ObjectNode o = JSON.valueToTree(f);
        if (light != null) {
            QueryMix.Throughput t = light.throughput(endpoint, s.clients(), Duration.ofSeconds(s.throughputSeconds()),
                    Map.of());
            ObjectNode l = JSON.valueToTree(t);
            l.putPOJO("leftOut", lightLeftOut);
            o.set("lightMixThroughput", l);
        }
        return o;
    }

    private void printQueries(String engine, ObjectNode f) {
        print("%-12s p50 %7.2f ms  p99 %8.2f ms  %d clients: %8.1f req/s  %d errors%s", engine,
                f.path("p50Ms").asDouble(), f.path("p99Ms").asDouble(), f.path("clients").asInt(),
                f.path("requestsPerSecond").asDouble(), f.path("errors").asLong(),
                f.has("lightMixThroughput") ? String.format(Locale.ROOT, "; without %s: %.1f req/s",
                        f.path("lightMixThroughput").path("leftOut").toString(),
                        f.path("lightMixThroughput").path("requestsPerSecond").asDouble()) : "");
        StringBuilder sb = new StringBuilder();
        f.path("p50ByQueryMs").fields().forEachRemaining(e -> sb.append(String.format(Locale.ROOT, " %s %.1f",
                e.getKey().replaceFirst("-.*$", ""), e.getValue().asDouble())));
        print("%-12s p50 by query (ms):%s; rows %s", "", sb, f.path("rows").toString().replaceAll("\"([A-Z0-9]+)-[^\"]*\"", "$1"));
    }

    private boolean sameCorpus(Path corpus, int n) {
        Path marker = corpus.resolve(CorpusGenerator.MARKER);
        try {
            return Files.isRegularFile(marker) && Files.readString(marker).equals("articles=" + n + "\nseed="
                    + s.seed() + "\n") && !Files.exists(corpus.resolve("data/articles/"
                    + CorpusGenerator.articleId(n) + ".md"));
        } catch (IOException e) {
            return false;
        }
    }

    private void loadAverage(ObjectNode r, String key) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        r.put(key, load);
    }

    private static long treeSize(Path dir) {
        try (Stream<Path> st = Files.walk(dir)) {
            return st.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private ObjectNode machine() {
        ObjectNode m = JSON.createObjectNode();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", firstLine(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")));
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            m.put("memoryBytes", sun.getTotalMemorySize());
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("jena", jenaVersion());
        m.put("loadAverageAtStart", os.getSystemLoadAverage());
        return m;
    }

    /** The geometric mean over the keys both hold with positive values of a / b, if there is such a key. */
    static Optional<Double> geometricMeanRatio(JsonNode a, JsonNode b) {
        double logs = 0;
        int n = 0;
        for (var it = a.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            double x = a.path(k).asDouble();
            double y = b.path(k).asDouble();
            if (x > 0 && y > 0) {
                logs += Math.log(x / y);
                n++;
            }
        }
        return n == 0 ? Optional.empty() : Optional.of(Math.exp(logs / n));
    }

    /**
     * Jena's version from its Maven metadata ({@code Jena.VERSION} reads a jar manifest, which the shaded jar does
     * not keep: it says "development" there).
     */
    static String jenaVersion() {
        try (var in = BenchmarkRunner.class.getResourceAsStream(
                "/META-INF/maven/org.apache.jena/jena-core/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall back to what Jena says
        }
        return org.apache.jena.Jena.VERSION;
    }

    private static Optional<String> firstLine(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private void write() {
        try {
            Files.createDirectories(s.out().toAbsolutePath().getParent());
            root.put("finished", Instant.now().toString());
            JSON.writeValue(s.out().toFile(), root);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", s.out(), e.toString());
        }
    }

    private void print(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
