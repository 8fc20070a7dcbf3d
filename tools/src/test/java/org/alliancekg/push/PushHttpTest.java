package org.alliancekg.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.cli.ServerModules;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.store.Store;
import org.alliancekg.tools.ToolsMain;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code push} against a live stock Fuseki ({@code target/stock/jena-fuseki-server.jar}, copied by
 * {@code mvn generate-test-resources}) started on a free loopback port with an updatable TDB2 dataset whose
 * default graph is the union of the named graphs (as ours), Graph Store writes allowed to one user with HTTP Basic:
 * the project's build is pushed, pushed again (same quads), refused with a wrong password, and then every
 * competency question answers alike on our server and on the stock one.
 */
class PushHttpTest {

    private static final String USER = "pusher";
    private static final String PASSWORD = "s3cret-for-the-test";
    private static final String QUADS = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }";

    @TempDir
    static Path tmp;

    static ProjectLayout layout;
    static Process fuseki;
    static String base;
    static HttpClient http;

    @BeforeAll
    static void buildAndStartStockFuseki() throws Exception {
        layout = ProjectLayout.detect().withDbRoot(tmp.resolve("db"));
        new GraphBuilder(layout).build();

        Path jar = ProjectLayout.detect().root().resolve("target/stock/jena-fuseki-server.jar");
        assertTrue(Files.isRegularFile(jar), "stock Fuseki jar missing: run mvn generate-test-resources");
        Path stockDb = tmp.resolve("stock-db");
        Path config = tmp.resolve("stock-config.ttl");
        Files.writeString(config, """
                PREFIX :       <#>
                PREFIX fuseki: <http://jena.apache.org/fuseki#>
                PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                PREFIX tdb2:   <http://jena.apache.org/2016/tdb#>
                :server rdf:type fuseki:Server ; fuseki:services ( :kg ) .
                :kg rdf:type fuseki:Service ;
                    fuseki:name "kg" ;
                    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
                    fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ; fuseki:name "data" ;
                                      fuseki:allowedUsers "%s" ] ;
                    fuseki:dataset :dataset .
                :dataset rdf:type tdb2:DatasetTDB2 ;
                    tdb2:location "%s" ;
                    tdb2:unionDefaultGraph true .
                """.formatted(USER, stockDb.toAbsolutePath().toString().replace("\\", "/")));
        Path passwd = tmp.resolve("stock-passwd");
        Files.writeString(passwd, USER + ": " + PASSWORD + "\n");

        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        fuseki = new ProcessBuilder(java.toString(), "-Xmx1g", "-jar", jar.toString(), "--localhost",
                "--port", String.valueOf(port), "--passwd=" + passwd, "--auth=basic", "--config=" + config)
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("fuseki.log").toFile())
                .start();
        base = "http://localhost:" + port;
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        waitForStock();
    }

    @AfterAll
    static void stopStockFuseki() throws InterruptedException {
        if (fuseki != null) {
            fuseki.destroy();
            if (!fuseki.waitFor(20, TimeUnit.SECONDS)) {
                fuseki.destroyForcibly();
            }
        }
    }

    @Test
    void pushIsRepeatableAndTheCompetencyQuestionsAnswerAlike() throws Exception {
        long local = localQuads();
        int graphs = localGraphs();
        Path passwordFile = tmp.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");

        // the command, as a user runs it
        int status = ToolsMain.run("push", "--endpoint", base + "/kg/data", "--user", USER,
                "--client-password-file", passwordFile.toString(), "--project", layout.root().toString(),
                "--db", layout.dbRoot().toString());
        assertEquals(0, status);
        assertEquals(local, stockCount(QUADS));
        assertEquals(graphs, stockCount("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }"));

        // again: whole graphs replaced, nothing doubled
        GraphStorePusher.Result again = pushWith(PASSWORD);
        assertEquals(graphs, again.graphs());
        assertEquals(local, again.triples());
        assertEquals(local, stockCount(QUADS));

        // a wrong password is refused, and says so
        PushException refused = assertThrows(PushException.class, () -> pushWith("wrong"));
        assertTrue(refused.getMessage().contains("401"), refused.getMessage());
        assertEquals(local, stockCount(QUADS));

        // every competency question answers alike on both servers
        KgServer ours = KgServer.builder().layout(layout).port(0).modules(ServerModules.defaults()).build().start();
        try {
            List<Path> queries;
            try (Stream<Path> s = Files.list(ProjectLayout.detect().queriesDir().resolve("cq"))) {
                queries = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
            }
            assertFalse(queries.isEmpty());
            for (Path q : queries) {
                String text = Files.readString(q);
                List<Map<String, Node>> mine = rows(select(ours.sparqlUrl(), text));
                List<Map<String, Node>> theirs = rows(select(base + "/kg/sparql", text));
                assertFalse(mine.isEmpty(), q.getFileName() + " answers nothing on our server");
                if (text.contains("ORDER BY")) {
                    assertEquals(mine, theirs, q.getFileName().toString());
                } else {
                    assertEquals(counts(mine), counts(theirs), q.getFileName().toString());
                }
            }
        } finally {
            ours.stop();
        }
    }

    private static GraphStorePusher.Result pushWith(String password) {
        Dataset ds = new Store(layout).openCurrent();
        try {
            return GraphStorePusher.to(URI.create(base + "/kg/data")).credentials(USER, password).build()
                    .push(ds.asDatasetGraph());
        } finally {
            Store.close(ds);
        }
    }

    private static long localQuads() {
        Dataset ds = new Store(layout).openCurrent();
        try {
            return Txn.calculateRead(ds, () -> ds.asDatasetGraph().stream().filter(q -> !q.isDefaultGraph()).count());
        } finally {
            Store.close(ds);
        }
    }

    private static int localGraphs() {
        Dataset ds = new Store(layout).openCurrent();
        try {
            return Txn.calculateRead(ds, () -> {
                int[] n = {0};
                ds.asDatasetGraph().listGraphNodes().forEachRemaining(g -> n[0]++);
                return n[0];
            });
        } finally {
            Store.close(ds);
        }
    }

    private static long stockCount(String query) throws Exception {
        List<Map<String, Node>> r = rows(select(base + "/kg/sparql", query));
        return Long.parseLong(r.get(0).get("n").getLiteralLexicalForm());
    }

    private static String select(String endpoint, String query) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), endpoint + ": " + r.body());
        return r.body();
    }

    private static List<Map<String, Node>> rows(String json) {
        ResultSet rs = ResultSetFactory.fromJSON(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        List<Map<String, Node>> out = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            Map<String, Node> row = new HashMap<>();
            s.varNames().forEachRemaining(v -> row.put(v, s.get(v).asNode()));
            out.add(row);
        }
        return out;
    }

    private static Map<Map<String, Node>, Integer> counts(List<Map<String, Node>> rows) {
        Map<Map<String, Node>, Integer> m = new HashMap<>();
        rows.forEach(r -> m.merge(r, 1, Integer::sum));
        return m;
    }

    private static void waitForStock() throws Exception {
        String url = base + "/kg/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8);
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!fuseki.isAlive()) {
                throw new AssertionError("stock Fuseki exited with " + fuseki.exitValue() + ":\n"
                        + Files.readString(tmp.resolve("fuseki.log")));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("stock Fuseki did not answer within 90 s:\n" + Files.readString(tmp.resolve("fuseki.log")));
    }
}
