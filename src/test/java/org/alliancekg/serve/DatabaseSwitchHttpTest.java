package org.alliancekg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.ingest.TestProjects;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server on {@code db/current} serves a new build as soon as a build moves the link: new requests see it at once,
 * a transaction already open on the old dataset (a request in flight) keeps reading the old data until it ends, and
 * only then is the old database closed and its directory deleted. The build runs in a process of its own, as a
 * user runs it.
 */
class DatabaseSwitchHttpTest {

    private static final String JAPAN = "https://w3id.org/alliance-kg/id/state/japan";
    private static final String LABEL_QUERY = "SELECT ?l WHERE { <" + JAPAN
            + "> <http://www.w3.org/2000/01/rdf-schema#label> ?l }";

    @TempDir
    Path tmp;

    private KgServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private String served(String query) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void aNewBuildIsServedAndTheOldOneClosedWhenItsLastReaderEnds() throws Exception {
        Path project = TestProjects.copy("fixtures/mini", tmp.resolve("p"));
        Path config = ProjectLayout.detect().fusekiConfig();
        Files.createDirectories(project.resolve("fuseki-config"));
        Files.copy(config, project.resolve("fuseki-config").resolve(config.getFileName()));
        ProjectLayout layout = ProjectLayout.of(project).withDbRoot(tmp.resolve("db"));
        new GraphBuilder(layout).build();
        server = KgServer.builder().layout(layout).port(0).modules(List.of()).build().start();
        Path oldDir = server.databaseDirectory();
        assertTrue(served(LABEL_QUERY).contains("Japan"));

        // a request in flight: a read transaction open on the served dataset
        DatasetGraph old = server.dataset();
        old.begin(TxnType.READ);
        try {
            Path states = project.resolve("data/entities/states.yaml");
            Files.writeString(states, Files.readString(states).replace("label: Japan", "label: Nippon"));
            // the build in its own process, as a user runs it (in this JVM it would count as the server's holder)
            Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.alliancekg.cli.Main", "build",
                    "--project", project.toString(), "--db", layout.dbRoot().toString()).inheritIO().start();
            assertTrue(build.waitFor(120, TimeUnit.SECONDS) && build.exitValue() == 0, "build failed");
            Path newDir = layout.currentDb().toRealPath();

            long deadline = System.currentTimeMillis() + 10_000;
            while (!server.databaseDirectory().equals(newDir) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(newDir, server.databaseDirectory(), "the server follows db/current");
            assertNotEquals(oldDir, newDir);
            assertTrue(served(LABEL_QUERY).contains("Nippon"), "new requests see the new build");
            assertFalse(served(LABEL_QUERY).contains("Japan\n"), "and only it");

            Thread.sleep(500);
            assertTrue(Files.isDirectory(oldDir), "the old database stays while a transaction is open on it");
            List<String> labels = old.stream(Node.ANY, NodeFactory.createURI(JAPAN), RDFS.Nodes.label, Node.ANY)
                    .map(q -> q.getObject().getLiteralLexicalForm()).toList();
            assertTrue(labels.contains("Japan") && !labels.contains("Nippon"),
                    "the transaction in flight still reads the old data: " + labels);
        } finally {
            old.end();
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (Files.exists(oldDir) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(Files.exists(oldDir), "closed and deleted once its last transaction ended");
        assertTrue(served(LABEL_QUERY).contains("Nippon"));
    }
}
