package org.alliancekg.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.alliancekg.conformance.W3cManifest.Exchange;
import org.alliancekg.conformance.W3cManifest.GraphData;
import org.alliancekg.conformance.W3cManifest.Header;
import org.alliancekg.conformance.W3cManifest.TestCase;
import org.alliancekg.serve.guard.PasswordFile;
import org.alliancekg.ingest.TestProjects;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.cli.ServerModules;
import org.alliancekg.serve.ServerSettings;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.update.UpdateFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the W3C SPARQL 1.1 Protocol, Graph Store Protocol and Service Description tests, vendored unchanged in
 * {@code src/test/resources/w3c-sparql11/} (source and licence in its {@code NOTICE}) and read from the test
 * classpath, against the live server with every default module.
 *
 * <p>Where tests go: query tests without data run against the published, read-only {@code /kg/sparql}; update
 * tests, query tests that load data ({@code ut:graphData}) and every Graph Store test run against the scratch
 * dataset ({@code /scratch/sparql}, {@code /scratch/update}, {@code /scratch/data}) with the test user's
 * credentials, after {@code DROP ALL} and loading their data there; the published graph is never written.
 * {@code /sparql/} in a protocol test's path is replaced by the query or update endpoint (by the request's
 * operation), {@code /gsp} by {@code /scratch/data}.
 *
 * <p>A test listed in {@link #KNOWN_FAILURES} runs too and is reported as skipped with its reason when it fails
 * (and fails the build when it passes: the list must be kept true). The results, passed/total per suite, are
 * printed and written to {@code target/conformance-report.txt}.
 */
class W3cConformanceHttpTest {

    /** Tests that cannot pass, by id, with the reason. Keep in step with the README. */
    static final Map<String, String> KNOWN_FAILURES = Map.of();

    static final String USER = "w3c";
    static final String PASSWORD = "conformance-test-password";

    @TempDir
    static Path dir;

    static Path suite;
    static Path projectDir;
    static KgServer server;
    static String origin;
    static final HttpClient HTTP = newClient();
    static final Map<String, List<String>> RESULTS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        projectDir = ProjectLayout.detect().root();
        suite = TestProjects.resource("w3c-sparql11");
        Path db = dir.resolve("tdb2-w3c");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(db.toString());
        Txn.executeWrite(dsg, () -> dsg.add(new Quad(NodeFactory.createURI("http://example.org/graph"),
                NodeFactory.createURI("http://example.org/s"), NodeFactory.createURI("http://example.org/p"),
                NodeFactory.createLiteralString("o"))));
        TDBInternal.expel(dsg);
        Path passwords = dir.resolve("passwords");
        PasswordFile.setPassword(passwords, USER, PASSWORD.toCharArray());
        server = KgServer.builder().layout(ProjectLayout.detect()).dbLocation(db).port(0)
                .settings(new ServerSettings(Optional.of(passwords), 10_000, 10_000, 1 << 20))
                .modules(ServerModules.defaults()).build().start();
        origin = server.baseUrl().substring(0, server.baseUrl().length() - 1);
    }

    @AfterAll
    static void report() throws IOException {
        if (server != null) {
            server.stop();
        }
        StringBuilder sb = new StringBuilder("W3C SPARQL 1.1 conformance of alliance-kg (live server)\n");
        RESULTS.forEach((suiteName, lines) -> {
            long passed = lines.stream().filter(l -> l.startsWith("PASS")).count();
            sb.append(String.format("%s: %d/%d passed%n", suiteName, passed, lines.size()));
        });
        RESULTS.forEach((suiteName, lines) -> lines.stream().filter(l -> !l.startsWith("PASS"))
                .forEach(l -> sb.append("  ").append(suiteName).append(' ').append(l).append('\n')));
        System.out.print(sb);
        Path target = projectDir.resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("conformance-report.txt"), sb.toString());
    }

    @TestFactory
    Stream<DynamicNode> w3c() {
        List<DynamicNode> suites = new ArrayList<>();
        suites.add(container("Protocol", W3cManifest.read("Protocol", suite.resolve("protocol/manifest.ttl")),
                this::runProtocol));
        suites.add(container("Graph Store Protocol", W3cManifest.read("Graph Store Protocol",
                suite.resolve("graph-store-protocol/manifest.ttl")), this::runGraphStore));
        suites.add(container("Service Description", W3cManifest.read("Service Description",
                suite.resolve("service-description/manifest.ttl")), this::runServiceDescription));
        return suites.stream();
    }

    interface Runner {
        /** Runs the test; returns why it failed, or empty. */
        Optional<String> run(TestCase t) throws Exception;
    }

    private DynamicContainer container(String name, List<TestCase> tests, Runner runner) {
        List<String> lines = RESULTS.computeIfAbsent(name, k -> new ArrayList<>());
        return DynamicContainer.dynamicContainer(name + " (" + tests.size() + ")", tests.stream().map(t ->
                DynamicTest.dynamicTest(t.id() + ": " + t.name(), () -> {
                    Optional<String> failure;
                    try {
                        failure = runner.run(t);
                    } catch (Exception | AssertionError e) {
                        failure = Optional.of("error: " + e);
                    }
                    String known = KNOWN_FAILURES.get(t.id());
                    if (failure.isEmpty()) {
                        lines.add("PASS " + t.id());
                        if (known != null) {
                            fail(t.id() + " passes now: remove it from KNOWN_FAILURES (and the README)");
                        }
                        return;
                    }
                    lines.add("FAIL " + t.id() + (known != null ? " (known: " + known + ")" : "") + ": "
                            + failure.get().lines().findFirst().orElse(""));
                    if (known != null) {
                        Assumptions.abort("known failure: " + known + "\n" + failure.get());
                    }
                    fail(t.id() + ": " + failure.get());
                })));
    }

    // ---- Protocol

    private Optional<String> runProtocol(TestCase t) throws Exception {
        boolean scratch = t.id().startsWith("update_") || t.id().startsWith("bad_update") || !t.data().isEmpty();
        if (scratch) {
            resetScratch(t.data());
        }
        return runExchanges(t, x -> {
            String path = x.path();
            if (!path.startsWith("/sparql/")) {
                throw new IllegalStateException("protocol path not under /sparql/: " + path);
            }
            String rest = path.substring("/sparql/".length());
            String endpoint = !scratch ? "/kg/sparql" : isUpdate(x) ? "/scratch/update" : "/scratch/sparql";
            return endpoint + rest;
        }, scratch);
    }

    /** Whether a protocol request is an update (else a query): by media type, parameter name or body syntax. */
    static boolean isUpdate(Exchange x) {
        String ct = x.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (ct.startsWith("application/sparql-update")) {
            return true;
        }
        if (ct.startsWith("application/sparql-query")) {
            return false;
        }
        int q = x.path().indexOf('?');
        String params = q < 0 ? "" : x.path().substring(q + 1);
        String body = x.body().map(W3cManifest.Body::text).orElse("");
        for (String form : List.of(params, body)) {
            for (String pair : form.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (name.equals("update")) {
                    return true;
                }
                if (name.equals("query")) {
                    return false;
                }
            }
        }
        try {
            QueryFactory.create(body);
            return false;
        } catch (RuntimeException notAQuery) {
            try {
                UpdateFactory.create(body);
                return true;
            } catch (RuntimeException notAnUpdate) {
                return false;
            }
        }
    }

    // ---- Graph Store Protocol

    private Optional<String> runGraphStore(TestCase t) throws Exception {
        resetScratch(List.of());
        return runExchanges(t, x -> {
            if (!x.path().startsWith("/gsp")) {
                throw new IllegalStateException("graph store path not under /gsp: " + x.path());
            }
            return "/scratch/data" + x.path().substring("/gsp".length());
        }, true);
    }

    // ---- Service Description

    static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    private Optional<String> runServiceDescription(TestCase t) throws Exception {
        String endpoint = server.sparqlUrl();
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            return Optional.of("GET " + endpoint + " answered " + r.statusCode());
        }
        String ct = mediaType(r);
        Lang lang = RDFLanguages.contentTypeToLang(ct);
        if (lang == null || !RDFLanguages.isTriples(lang)) {
            return Optional.of("GET " + endpoint + " answered " + ct + ", not an RDF syntax");
        }
        Model m = ModelFactory.createDefaultModel();
        try {
            RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).base(endpoint).parse(m);
        } catch (RiotException e) {
            return Optional.of("the description does not parse as " + lang.getName() + ": " + e.getMessage());
        }
        switch (t.id()) {
            case "returns-rdf":
                return m.isEmpty() ? Optional.of("the description is empty") : Optional.empty();
            case "has-endpoint-triple":
                return ask(m, "ASK { ?service <" + SD + "endpoint> <" + endpoint + "> }")
                        ? Optional.empty() : Optional.of("no sd:endpoint <" + endpoint + ">");
            case "conforms-to-schema":
                return ServiceDescriptionSchema.check(m);
            default:
                return Optional.of("unknown service description test " + t.id());
        }
    }

    static boolean ask(Model m, String query) {
        try (var qe = QueryExecutionFactory.create(query, m)) {
            return qe.execAsk();
        }
    }

    // ---- Exchanges

    interface PathMapper {
        String map(Exchange x);
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Runs a test case's exchanges on connections of its own: the server may close a connection after answering a
     * bad request without reading its body, and a POST that the client sends on such a pooled connection before it
     * sees the close fails with "header parser received no bytes" (Java's client retries only GETs), which is the
     * previous case's connection, not this case's answer.
     */
    private Optional<String> runExchanges(TestCase t, PathMapper mapper, boolean credentials) throws Exception {
        HttpClient client = newClient();
        Map<String, String> vars = new HashMap<>();
        int i = 0;
        for (Exchange x : t.exchanges()) {
            i++;
            Exchange sub = substitute(x, vars);
            String path = mapper.map(sub);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(60));
            for (Header h : sub.headers()) {
                b.header(h.name(), h.value());
            }
            if (credentials) {
                b.header("Authorization", basic());
            }
            HttpRequest.BodyPublisher body = sub.body().map(bd -> HttpRequest.BodyPublishers.ofByteArray(bd.bytes()))
                    .orElse(HttpRequest.BodyPublishers.noBody());
            b.method(sub.method(), body);
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Optional<String> problem = ResponseCheck.check(sub.expect(), r, origin + path);
            if (problem.isPresent()) {
                return Optional.of("request " + i + " (" + sub.method() + " " + path + "): " + problem.get());
            }
            sub.expect().locationVariable().ifPresent(v -> vars.put(v, r.headers().firstValue("Location").orElse("")));
        }
        return Optional.empty();
    }

    private static Exchange substitute(Exchange x, Map<String, String> vars) {
        if (vars.isEmpty()) {
            return x;
        }
        String path = x.path();
        Optional<W3cManifest.Body> body = x.body();
        for (Map.Entry<String, String> v : vars.entrySet()) {
            path = path.replace(v.getKey(), v.getValue());
            String value = v.getValue();
            body = body.map(b -> new W3cManifest.Body(b.text().replace(v.getKey(), value), b.encoding()));
        }
        return new Exchange(x.method(), path, x.headers(), body, x.expect());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Empties the scratch dataset and loads the test's data files into their named graphs. */
    private static void resetScratch(List<GraphData> data) throws Exception {
        send(HttpRequest.newBuilder(URI.create(origin + "/scratch/update"))
                .header("Content-Type", "application/sparql-update").header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.ofString("DROP ALL")).build(), Set.of(200, 204));
        for (GraphData d : data) {
            Lang lang = RDFLanguages.filenameToLang(d.file().toString(), Lang.NTRIPLES);
            send(HttpRequest.newBuilder(URI.create(origin + "/scratch/data?graph="
                            + java.net.URLEncoder.encode(d.name(), StandardCharsets.UTF_8)))
                    .header("Content-Type", lang.getHeaderString()).header("Authorization", basic())
                    .PUT(HttpRequest.BodyPublishers.ofFile(d.file())).build(), Set.of(200, 201, 204));
        }
    }

    private static void send(HttpRequest r, Set<Integer> ok) throws Exception {
        HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        if (!ok.contains(resp.statusCode())) {
            throw new IllegalStateException("setting up: " + r.method() + " " + r.uri() + " answered "
                    + resp.statusCode() + ": " + resp.body());
        }
    }

    static String mediaType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Parses RDF of the given media type into a graph; throws {@link RiotException} if it does not parse. */
    static Graph parse(byte[] body, String mediaType, String base) {
        Lang lang = RDFLanguages.contentTypeToLang(mediaType);
        if (lang == null) {
            throw new RiotException("not an RDF media type: " + mediaType);
        }
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).base(base).parse(g);
        return g;
    }

    static Lang resultsLang(String mediaType) {
        return switch (mediaType) {
            case "application/sparql-results+xml" -> ResultSetLang.RS_XML;
            case "application/sparql-results+json" -> ResultSetLang.RS_JSON;
            case "text/csv" -> ResultSetLang.RS_CSV;
            case "text/tab-separated-values" -> ResultSetLang.RS_TSV;
            default -> null;
        };
    }

    static void readResults(byte[] body, Lang lang) {
        try {
            ResultSetMgr.read(new ByteArrayInputStream(body), lang).forEachRemaining(b -> { });
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("results do not parse as " + lang.getName() + ": " + e));
        }
    }
}
