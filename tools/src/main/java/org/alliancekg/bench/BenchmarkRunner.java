package org.alliancekg.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * <li>builds the same corpus with one broken article (bad front matter in its last file): the build must fail
 * naming that file and leave {@code db/current} as it was (same target, same {@code build.json}); its time is put
 * beside the good build's;</li>
 * <li>times the start to the first answer of our server and of stock Fuseki, alternately, {@value #STARTS} times
 * each;</li>
 * <li>adds one article and then {@value #NEXT_INGESTS} more, one at a time, to the N-article database through a
 * running server ({@code POST /kg/articles} with HTTP Basic), and as the {@code ingest} command does, in one process
 * (the first article there loads the models); "next" is the median of the articles after the first.</li>
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
    /** How many times each server is started to time its start to the first answer. */
    public static final int STARTS = 3;
    /** How many articles are ingested after the first (which loads the models), for the median "next" time. */
    public static final int NEXT_INGESTS = 5;
    /** The user the benchmark's server takes articles from. */
    static final String INGEST_USER = "bench";
    /** What the broken article's front matter gives as its date. */
    static final String BAD_DATE = "2024-13-45";

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
        printSummary();
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

        // 3. start to first answer, ours and stock Fuseki alternately (start-up and ingest first: a run stopped
        // before its end still has them)
        startToFirstAnswer(n, corpus, logs, r, limit);
        write();

        // 4. the next articles into the N-article database: through a running server, then as the command does
        serverIngest(n, corpus, logs, r, limit);
        write();
        ingest(n, corpus, logs, r, limit);
        write();

        // 5. Jena's bulk loader on the same quads
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

        // 6. queries
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

        // 7. the same corpus with one broken article: the build fails naming it, db/current stays
        brokenBuild(n, corpus, logs, r, limit, buildProcess);
        write();
    }

    private ObjectNode ourServer(Path corpus, Path logs, QueryMix mix, boolean cache, ObjectNode q, Duration limit)
            throws InterruptedException {
        String key = cache ? "oursCached" : "ours";
        int port = Child.freePort();
        List<String> cmd = ourServerCommand(corpus, port);
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

    /**
     * Our {@code serve} on the corpus, on this port, with the limits of stock Fuseki's configuration (30 s overall, no
     * row cap), so both answer the same mix in full.
     */
    private List<String> ourServerCommand(Path corpus, int port) {
        return Child.javaCommand(HEAP, serverMain, "serve", "--port", String.valueOf(port), "--project",
                corpus.toString(), "--query-timeout", "30000", "--max-rows", String.valueOf(Integer.MAX_VALUE));
    }

    /** Stock Fuseki on the corpus's database with the project's configuration, on this port. */
    private static List<String> stockCommand(Path jar, Path corpus, int port) {
        return List.of(Child.java(), "-Xmx" + HEAP, "-jar", jar.toString(), "--localhost", "--port",
                String.valueOf(port), "--config", corpus.resolve("fuseki-config/config.ttl").toString());
    }

    private Path stockJar() {
        return s.stockJar() != null ? s.stockJar() : s.project().root().resolve("target/stock/jena-fuseki-server.jar");
    }

    private ObjectNode stockFuseki(Path corpus, Path logs, QueryMix mix, ObjectNode q, Duration limit)
            throws InterruptedException {
        Path jar = stockJar();
        if (!Files.isRegularFile(jar)) {
            q.putObject("stockFuseki").put("unavailable", "no stock Fuseki jar at " + jar
                    + " (mvn generate-test-resources copies it)");
            print("stock Fuseki: unavailable (no %s)", jar);
            return null;
        }
        int port = Child.freePort();
        List<String> cmd = stockCommand(jar, corpus, port);
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
     * Builds the corpus with its last article's front matter broken, with the {@code build} command in a child JVM:
     * records its time beside the good build's, whether it failed naming that file, and whether {@code db/current}
     * kept its target and {@code build.json}; then puts the article back as it was (content and modification time,
     * so that the database is still up to date with the files).
     */
    private void brokenBuild(int n, Path corpus, Path logs, ObjectNode r, Duration limit, double goodSeconds)
            throws IOException {
        ObjectNode b = r.putObject("brokenBuild");
        Path article = corpus.resolve("data/articles/" + CorpusGenerator.articleId(n - 1) + ".md");
        String name = "data/articles/" + article.getFileName();
        Path current = corpus.resolve("db/current");
        Path target = Files.readSymbolicLink(current);
        byte[] info = Files.readAllBytes(current.resolve(Store.BUILD_INFO));
        List<String> databases = new Store(ProjectLayout.of(corpus)).databases();
        byte[] original = Files.readAllBytes(article);
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(article);
        Path log = logs.resolve("broken-build.log");
        b.put("article", name);
        b.put("breakage", "front matter date \"" + BAD_DATE + "\"");
        b.put("goodBuildProcessSeconds", goodSeconds);
        try {
            Files.writeString(article, breakFrontMatter(new String(original, StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
            int exit;
            double seconds;
            try (Child build = Child.start("broken build", Child.javaCommand(HEAP, serverMain, "build", "--project",
                    corpus.toString()), corpus, log)) {
                exit = build.waitFor(limit);
                seconds = build.seconds();
            }
            Optional<String> message = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains(name)).findFirst().map(String::strip);
            b.put("processSeconds", seconds);
            b.put("toGoodBuild", seconds / goodSeconds);
            b.put("exit", exit);
            b.put("failedNamingTheFile", exit != 0 && message.isPresent());
            b.put("message", message.orElse(""));
        } catch (RuntimeException e) {
            b.put("error", e.getMessage());
        } finally {
            Files.write(article, original);
            Files.setLastModifiedTime(article, modified);
        }
        boolean sameTarget = target.equals(Files.readSymbolicLink(current));
        boolean sameInfo = java.util.Arrays.equals(info, Files.readAllBytes(current.resolve(Store.BUILD_INFO)));
        boolean sameDatabases = databases.equals(new Store(ProjectLayout.of(corpus)).databases());
        b.put("currentTarget", target.toString());
        b.put("currentUntouched", sameTarget && sameInfo);
        b.put("sameBuildJson", sameInfo);
        b.put("noDirectoryLeft", sameDatabases);
        if (b.has("error")) {
            print("N=%,d: build with one broken article (%s): %s", n, name, b.path("error").asText());
            return;
        }
        print("N=%,d: build with one broken article (%s): exit %d in %.1f s (good build %.1f s; %.2f); "
                        + "fails naming the file: %s%s", n, name, b.path("exit").asInt(),
                b.path("processSeconds").asDouble(), goodSeconds, b.path("toGoodBuild").asDouble(),
                yes(b.path("failedNamingTheFile").asBoolean()),
                b.path("message").asText().isEmpty() ? "" : " (" + abbreviated(b.path("message").asText()) + ")");
        print("N=%,d: db/current untouched: %s (-> %s %s, build.json %s, %s)", n,
                yes(sameTarget && sameInfo), target, sameTarget ? "as before" : "MOVED",
                sameInfo ? "identical" : "CHANGED", sameDatabases ? "no directory left behind"
                        : "database directories now " + new Store(ProjectLayout.of(corpus)).databases());
    }

    /** The front matter's date made one that is no date. */
    static String breakFrontMatter(String markdown) {
        String broken = markdown.replaceFirst("(?m)^date: .*$", "date: \"" + BAD_DATE + "\"");
        if (broken.equals(markdown)) {
            throw new IllegalStateException("no date line in the front matter to break");
        }
        return broken;
    }

    /**
     * Starts our server and stock Fuseki on the N-article database alternately, {@value #STARTS} times each, and
     * records each start to first answer and their medians.
     */
    private void startToFirstAnswer(int n, Path corpus, Path logs, ObjectNode r, Duration limit) {
        ObjectNode st = r.putObject("startToFirstAnswer");
        ArrayNode ours = st.putArray("oursSeconds");
        ArrayNode stock = st.putArray("stockSeconds");
        Path jar = stockJar();
        try {
            for (int k = 0; k < STARTS; k++) {
                int port = Child.freePort();
                try (Child c = Child.start("ours (start)", ourServerCommand(corpus, port), corpus,
                        logs.resolve("start-ours-" + k + ".log"))) {
                    ours.add(c.awaitFirstAnswer("http://localhost:" + port + "/kg/sparql", limit));
                }
                if (Files.isRegularFile(jar)) {
                    int stockPort = Child.freePort();
                    try (Child c = Child.start("stock Fuseki (start)", stockCommand(jar, corpus, stockPort), corpus,
                            logs.resolve("start-stock-" + k + ".log"))) {
                        stock.add(c.awaitFirstAnswer("http://localhost:" + stockPort + "/kg/sparql", limit));
                    }
                }
            }
        } catch (RuntimeException e) {
            st.put("error", e.getMessage());
            print("N=%,d: start to first answer: %s", n, e.getMessage());
            return;
        }
        double oursMedian = median(ours);
        st.put("ours", oursMedian);
        if (stock.isEmpty()) {
            st.put("stock", "unavailable (no " + jar + ")");
            print("N=%,d: start to first answer: ours %.2f s (%s); stock Fuseki unavailable", n, oursMedian, ours);
            return;
        }
        double stockMedian = median(stock);
        st.put("stock", stockMedian);
        st.put("oursToStock", oursMedian / stockMedian);
        print("N=%,d: start to first answer, median of %d: ours %.2f s %s, stock Fuseki %.2f s %s; ours / stock %.2f "
                        + "(target <= 1)", n, STARTS, oursMedian, seconds(ours), stockMedian, seconds(stock),
                oursMedian / stockMedian);
    }

    /**
     * Starts our server with a password file, then POSTs articles N+1 to N+1+{@value #NEXT_INGESTS} one after another
     * (with their claims files in {@code data/claims/}) to {@code /kg/articles} with HTTP Basic; records each answer's
     * time, the first's and the median of the others'; then takes them out of the corpus files.
     */
    private void serverIngest(int n, Path corpus, Path logs, ObjectNode r, Duration limit) throws IOException {
        ObjectNode si = r.putObject("serverIngest");
        CorpusGenerator generator = new CorpusGenerator(s.project());
        Path passwords = logs.resolve("passwords");
        char[] password = java.util.UUID.randomUUID().toString().toCharArray();
        org.alliancekg.serve.guard.PasswordFile.setPassword(passwords, INGEST_USER, password);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (INGEST_USER + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
        int port = Child.freePort();
        List<String> cmd = ourServerCommand(corpus, port);
        cmd.addAll(List.of("--password-file", passwords.toString()));
        List<Path> added = new java.util.ArrayList<>();
        ArrayNode each = si.putArray("articles");
        try (Child server = Child.start("ours (ingest)", cmd, corpus, logs.resolve("server-ingest.log"))) {
            server.awaitFirstAnswer("http://localhost:" + port + "/kg/sparql", limit);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (int k = 0; k <= NEXT_INGESTS; k++) {
                CorpusGenerator.GeneratedArticle a = generator.article(n + k, s.seed());
                Path claims = corpus.resolve("data/claims/" + a.id() + ".yaml");
                Files.writeString(claims, a.claimsYaml(), StandardCharsets.UTF_8);
                added.add(claims);
                added.add(corpus.resolve("data/articles/" + a.id() + ".md"));
                HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/kg/articles?id="
                                + a.id())).header("Authorization", basic)
                        .header("Content-Type", "text/markdown; charset=utf-8").timeout(limit)
                        .POST(HttpRequest.BodyPublishers.ofString(a.markdown(), StandardCharsets.UTF_8)).build();
                long t0 = System.nanoTime();
                HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (answer.statusCode() != 201 && answer.statusCode() != 200) {
                    throw new IllegalStateException("POST /kg/articles?id=" + a.id() + " answered "
                            + answer.statusCode() + ": " + answer.body().strip());
                }
                ObjectNode o = each.addObject();
                o.put("id", a.id());
                o.put("seconds", seconds);
                o.put("status", answer.statusCode());
                o.set("answer", JSON.readTree(answer.body()));
            }
            si.put("seconds", each.get(0).path("seconds").asDouble());
            ArrayNode next = secondsAfterFirst(each);
            si.put("nextSeconds", median(next));
            print("N=%,d: ingest through the running server (POST /kg/articles): first article %.2f s, the next %d: "
                            + "median %.2f s %s (target < 1 s)", n, si.path("seconds").asDouble(), next.size(),
                    si.path("nextSeconds").asDouble(), seconds(next));
        } catch (RuntimeException e) {
            si.put("error", e.getMessage());
            print("N=%,d: ingest through the server: %s", n, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            si.put("error", "interrupted");
        } finally {
            for (Path p : added) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Adds the article after those {@link #serverIngest} added (with its claims) to the N-article database as the
     * {@code ingest} command does (the same {@code ArticleIngester}, in a child JVM), then {@value #NEXT_INGESTS}
     * more in the same process (warm); then takes them out of the corpus files.
     */
    private void ingest(int n, Path corpus, Path logs, ObjectNode r, Duration limit) throws IOException {
        ObjectNode i = r.putObject("ingest");
        CorpusGenerator generator = new CorpusGenerator(s.project());
        Path dir = Files.createDirectories(s.work().resolve("ingest-" + n));
        List<String> command = new java.util.ArrayList<>(Child.javaCommand(HEAP, BuildProbe.class.getName(), "ingest",
                corpus.toString(), logs.resolve("ingest.json").toString()));
        List<Path> added = new java.util.ArrayList<>();
        for (int k = NEXT_INGESTS + 1; k <= 2 * NEXT_INGESTS + 1; k++) {
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
            print("N=%,d: ingest as the command (one process): first article %.2f s (loads the models), the next %d: "
                            + "median %.2f s (process %.1f s for all; target < 1 s): %s", n,
                    probe.path("seconds").asDouble(), NEXT_INGESTS, probe.path("nextSeconds").asDouble(), process,
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

    /**
     * One table of what the targets compare, a column per size: build (good corpus, and with one broken
     * article), bulk load, start to first answer of ours and stock Fuseki, ingest through the server and as the
     * command.
     */
    private void printSummary() {
        List<JsonNode> sizes = new java.util.ArrayList<>();
        runs.forEach(sizes::add);
        String[] labels = {"build, good corpus (process)", "build with one broken article",
            "db/current after the broken build", "tdbloader --loader=parallel", "build / bulk load",
            "start to first answer: ours / stock Fuseki", "ingest through the server: first / median next",
            "ingest as the command: first / median next"};
        List<List<String>> cells = new java.util.ArrayList<>();
        for (JsonNode r : sizes) {
            JsonNode b = r.path("brokenBuild");
            JsonNode st = r.path("startToFirstAnswer");
            JsonNode si = r.path("serverIngest");
            JsonNode in = r.path("ingest");
            cells.add(List.of(
                    secondsOrDash(r.path("build").path("processSeconds")),
                    b.has("processSeconds") ? String.format(Locale.ROOT, "%.1f s (%.2f), %s", b.path("processSeconds")
                            .asDouble(), b.path("toGoodBuild").asDouble(), b.path("failedNamingTheFile").asBoolean()
                            ? "fails naming it" : "NOT FAILED NAMING IT") : "-",
                    b.has("currentUntouched")
                            ? (b.path("currentUntouched").asBoolean() ? "untouched" : "CHANGED") : "-",
                    secondsOrDash(r.path("bulkLoad").path("processSeconds")),
                    r.has("buildToBulkLoadRatio") ? String.format(Locale.ROOT, "%.2f",
                            r.path("buildToBulkLoadRatio").asDouble()) : "-",
                    st.has("oursToStock") ? String.format(Locale.ROOT, "%.2f / %.2f s (%.2f)",
                            st.path("ours").asDouble(), st.path("stock").asDouble(), st.path("oursToStock").asDouble())
                            : st.has("ours") ? String.format(Locale.ROOT, "%.2f s / -", st.path("ours").asDouble())
                            : "-",
                    pair(si), pair(in)));
        }
        int width = java.util.Arrays.stream(labels).mapToInt(String::length).max().orElse(0);
        int[] col = new int[sizes.size()];
        for (int c = 0; c < sizes.size(); c++) {
            col[c] = String.format(Locale.ROOT, "%,d articles", sizes.get(c).path("articles").asInt()).length();
            for (String cell : cells.get(c)) {
                col[c] = Math.max(col[c], cell.length());
            }
        }
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "summary (same run)"));
        for (int c = 0; c < sizes.size(); c++) {
            head.append(" | ").append(String.format(Locale.ROOT, "%" + col[c] + "s",
                    String.format(Locale.ROOT, "%,d articles", sizes.get(c).path("articles").asInt())));
        }
        print("%s", head);
        for (int row = 0; row < labels.length; row++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", labels[row]));
            for (int c = 0; c < sizes.size(); c++) {
                line.append(" | ").append(String.format(Locale.ROOT, "%" + col[c] + "s", cells.get(c).get(row)));
            }
            print("%s", line);
        }
    }

    private static String secondsOrDash(JsonNode seconds) {
        return seconds.isNumber() ? String.format(Locale.ROOT, "%.1f s", seconds.asDouble()) : "-";
    }

    /** "first / median next s" of an ingest figure, or its error, or a dash. */
    private static String pair(JsonNode ingest) {
        if (ingest.has("nextSeconds")) {
            return String.format(Locale.ROOT, "%.2f / %.2f s", ingest.path("seconds").asDouble(),
                    ingest.path("nextSeconds").asDouble());
        }
        return ingest.has("error") ? "failed" : "-";
    }

    /** The {@code seconds} of each ingested article after the first, in order. */
    static ArrayNode secondsAfterFirst(JsonNode articles) {
        ArrayNode next = JSON.createArrayNode();
        for (int k = 1; k < articles.size(); k++) {
            next.add(articles.get(k).path("seconds").asDouble());
        }
        return next;
    }

    /** The median of an array of numbers (the mean of the middle two for an even count). */
    static double median(JsonNode numbers) {
        double[] v = new double[numbers.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = numbers.get(k).asDouble();
        }
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String seconds(JsonNode numbers) {
        StringBuilder sb = new StringBuilder("(");
        numbers.forEach(x -> sb.append(sb.length() == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f",
                x.asDouble())));
        return sb.append(')').toString();
    }

    private static String yes(boolean b) {
        return b ? "yes" : "NO";
    }

    private static String abbreviated(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
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
