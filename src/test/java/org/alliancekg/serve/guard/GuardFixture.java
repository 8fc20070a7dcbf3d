package org.alliancekg.serve.guard;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.serve.ServerContext;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import java.util.function.Function;
import org.alliancekg.serve.ServerSettings;
import org.alliancekg.testkit.TestHttp;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDFS;

/**
 * A TDB2 database of {@value #THINGS} generated resources (two triples each, in one named graph): big enough that
 * a join of three triple patterns never finishes, small enough to build in a moment; and a server over it.
 */
final class GuardFixture {

    /** Resources in the fixture. */
    static final int THINGS = 1500;
    /** Triples in the fixture. */
    static final int TRIPLES = 2 * THINGS;
    /** The graph holding them. */
    static final String GRAPH = "https://w3id.org/alliance-kg/graph/guard-test";
    /** Test user and password. */
    static final String USER = "tester";
    static final String PASSWORD = "correct horse battery staple";

    /** A join of three triple patterns: {@value #TRIPLES}^3 solutions. */
    static final String CROSS = "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    private GuardFixture() {
    }

    /** Writes the fixture database to {@code dir/tdb2-guard} and returns its path (released). */
    static Path database(Path dir) {
        Path location = dir.resolve("tdb2-guard");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(location.toString());
        try {
            Node g = NodeFactory.createURI(GRAPH);
            Node type = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
            Node thing = NodeFactory.createURI("https://w3id.org/alliance-kg/ontology#Thing");
            Txn.executeWrite(dsg, () -> {
                for (int i = 0; i < THINGS; i++) {
                    Node s = NodeFactory.createURI("https://w3id.org/alliance-kg/id/thing/t" + i);
                    dsg.add(new Quad(g, s, type, thing));
                    dsg.add(new Quad(g, s, RDFS.label.asNode(), NodeFactory.createLiteralLang("thing " + i, "en")));
                }
            });
        } finally {
            TDBInternal.expel(dsg);
        }
        return location;
    }

    /** A password file with {@link #USER} under {@code dir}. */
    static Path passwordFile(Path dir) {
        Path file = dir.resolve("passwords");
        PasswordFile.setPassword(file, USER, PASSWORD.toCharArray());
        return file;
    }

    /** Settings with the given limits and password file. */
    static ServerSettings settings(Path passwordFile, long timeoutMs, long maxRows, long maxBytes) {
        return new ServerSettings(Optional.ofNullable(passwordFile), timeoutMs, maxRows, maxBytes);
    }

    /** A started server over {@code db} with the given settings and modules. */
    static KgServer serve(Path db, ServerSettings settings, List<Function<ServerContext, FusekiModule>> modules) {
        return KgServer.builder().layout(ProjectLayout.detect()).dbLocation(db).port(0).settings(settings)
                .modules(modules).build().start();
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The guard module as a feature of a server, kept in {@code made} when the server is built. */
    static List<Function<ServerContext, FusekiModule>> guardModule(AtomicReference<GuardModule> made) {
        return List.of(ctx -> {
            GuardModule m = new GuardModule(ctx);
            made.set(m);
            return m;
        });
    }

    /**
     * Waits until the server runs {@code n} queries (as its watchdog counts them); fails if one of the answers
     * comes first, since the queries are then too fast to test with.
     */
    static void awaitRunning(GuardModule guard, int n, List<? extends CompletableFuture<?>> answers)
            throws InterruptedException {
        while (guard.watchdog().running() < n) {
            for (CompletableFuture<?> a : answers) {
                assertFalse(a.isDone(), "a query finished before the server ran " + n + ": too fast to test with");
            }
            try {
                answers.get(0).get(10, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // not answered yet (or failed, which the loop reports as done)
            }
        }
    }

    /** {@code Authorization} header value for the test user. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A GET of {@code url?query=...} request builder. */
    static HttpRequest.Builder query(String endpoint, String query) {
        return HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60));
    }

    /** Sends, returning the response with its body as a string. */
    static HttpResponse<String> send(HttpRequest request) {
        return send(HTTP, request);
    }

    /**
     * Sends on a connection of its own. For a request the server refuses without reading its body: the server then
     * closes the connection, and a pooled client could otherwise send the next request on it as it closes.
     */
    static HttpResponse<String> sendAlone(HttpRequest request) {
        return send(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        return TestHttp.send(client, request);
    }
}
