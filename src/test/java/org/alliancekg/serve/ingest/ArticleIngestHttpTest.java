package org.alliancekg.serve.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.alliancekg.build.BadInputCases;
import org.alliancekg.build.GraphBuilder;
import org.alliancekg.build.ProjectCopy;
import org.alliancekg.store.ServerStatus;
import org.alliancekg.cli.IngestCommand;
import org.alliancekg.cli.ServerModules;
import org.alliancekg.serve.guard.PasswordFile;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.serve.ServerSettings;
import org.alliancekg.vocab.Iris;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code POST /kg/articles} on a real server (free loopback port) over a database built from a project copy. */
class ArticleIngestHttpTest {

    private static final String ID = ProjectCopy.UNSEEN;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private KgServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private ProjectLayout project() {
        ProjectLayout layout = ProjectCopy.of(dir.resolve("project"));
        new GraphBuilder(layout).build();
        return layout;
    }

    private Path passwords() {
        Path file = dir.resolve("passwords");
        PasswordFile.setPassword(file, "alice", "s3cret".toCharArray());
        return file;
    }

    private KgServer start(ProjectLayout layout, ServerSettings settings) {
        server = KgServer.builder().layout(layout).port(0).settings(settings)
                .modules(List.of(ArticleIngestModule::new)).build().start();
        return server;
    }

    private String endpoint() {
        return server.baseUrl() + server.serviceName() + "/articles";
    }

    private static HttpResponse<String> post(String url, byte[] body, String contentType, String user,
                                             String password) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean served(String ask) {
        return QueryExec.service(server.sparqlUrl()).query(ask).ask();
    }

    @Test
    void anAuthenticatedPostAddsTheArticleToTheServedDatasetAtOnce() throws Exception {
        ProjectLayout layout = project();
        start(layout, ServerSettings.defaults().withPasswordFile(passwords()));
        byte[] article = Files.readAllBytes(ProjectCopy.unseenArticle());
        String url = endpoint() + "?id=" + ID;
        String ask = "ASK { GRAPH <" + Iris.articleGraph(ID) + "> { <" + Iris.article(ID) + "> a "
                + "<https://w3id.org/alliance-kg/ontology#Article> } }";
        String md = "text/markdown; charset=utf-8";

        assertEquals(401, post(url, article, md, null, null).statusCode(), "no credentials");
        assertEquals(401, post(url, article, md, "alice", "wrong").statusCode(), "wrong password");
        assertEquals(401, post(url, article, md, "mallory", "s3cret").statusCode(), "unknown user");
        assertFalse(served(ask));

        HttpResponse<String> created = post(url, article, md, "alice", "s3cret");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode json = new ObjectMapper().readTree(created.body());
        assertEquals(Iris.article(ID), json.path("article").asText());
        assertEquals("created", json.path("status").asText());
        assertTrue(json.path("mentions").asInt() > 20, created.body());
        assertTrue(json.path("articleQuads").asLong() > 0 && json.path("suggestedQuads").asLong() > 0);
        assertEquals(Iris.article(ID), created.headers().firstValue("Location").orElse(null));
        assertTrue(served(ask), "the running server sees the article at once");
        assertTrue(served("ASK { GRAPH <" + Iris.suggestedGraph(ID) + "> { ?s a "
                + "<https://w3id.org/alliance-kg/ontology#SuggestedClaim> } }"));
        assertTrue(Files.isRegularFile(layout.articlesDir().resolve(ID + ".md")), "copied for the next build");

        Set<Quad> before = Set.copyOf(org.apache.jena.system.Txn.calculateRead(server.dataset(),
                () -> server.dataset().stream().toList()));
        HttpResponse<String> again = post(url, article, md, "alice", "s3cret");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("unchanged", new ObjectMapper().readTree(again.body()).path("status").asText());
        assertEquals(before, Set.copyOf(org.apache.jena.system.Txn.calculateRead(server.dataset(),
                () -> server.dataset().stream().toList())));
    }

    @Test
    void badInputIsRefusedWithTheReadersMessageAndNothingChanges() throws Exception {
        ProjectLayout layout = project();
        start(layout, ServerSettings.defaults().withPasswordFile(passwords()));
        long quads = org.apache.jena.system.Txn.calculateRead(server.dataset(), () -> server.dataset().stream()
                .count());
        for (Path dir : BadInputCases.articleFileCases()) {
            HttpResponse<String> r = post(endpoint() + "?id=a1", Files.readAllBytes(
                    dir.resolve(BadInputCases.ARTICLE)), "text/markdown; charset=utf-8", "alice", "s3cret");
            assertEquals(400, r.statusCode(), dir + ": " + r.body());
            for (String expected : BadInputCases.expected(dir)) {
                // the same message, naming the request body instead of the file
                String wire = expected.replace(BadInputCases.ARTICLE, "a1.md (request body)");
                assertTrue(r.body().contains(wire), "expected '" + wire + "' in: " + r.body());
            }
        }
        assertEquals(400, post(endpoint(), Files.readAllBytes(ProjectCopy.unseenArticle()), "text/markdown",
                "alice", "s3cret").statusCode(), "no article id");
        assertEquals(415, post(endpoint() + "?id=" + ID, Files.readAllBytes(ProjectCopy.unseenArticle()),
                "application/json", "alice", "s3cret").statusCode());
        assertEquals(415, post(endpoint() + "?id=" + ID, Files.readAllBytes(ProjectCopy.unseenArticle()),
                "text/markdown; charset=iso-8859-1", "alice", "s3cret").statusCode());
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(get.statusCode() == 405 || get.statusCode() == 401, "GET: " + get.statusCode());
        assertEquals(quads, org.apache.jena.system.Txn.calculateRead(server.dataset(), () -> server.dataset()
                .stream().count()), "the served dataset is unchanged");
    }

    @Test
    void theDefaultServerTakesArticles() throws Exception {
        ProjectLayout layout = project();
        server = KgServer.builder().layout(layout).port(0).modules(ServerModules.defaults())
                .settings(ServerSettings.defaults().withPasswordFile(passwords())).build().start();
        assertEquals(401, post(endpoint() + "?id=" + ID, Files.readAllBytes(ProjectCopy.unseenArticle()),
                "text/markdown; charset=utf-8", null, null).statusCode());
        HttpResponse<String> r = post(endpoint() + "?id=" + ID, Files.readAllBytes(ProjectCopy.unseenArticle()),
                "text/markdown; charset=utf-8", "alice", "s3cret");
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(served("ASK { GRAPH <" + Iris.articleGraph(ID) + "> { ?s ?p ?o } }"));
    }

    @Test
    void withoutAPasswordFileArticlesAreRefused() throws Exception {
        start(project(), ServerSettings.defaults());
        HttpResponse<String> r = post(endpoint() + "?id=" + ID, Files.readAllBytes(ProjectCopy.unseenArticle()),
                "text/markdown; charset=utf-8", "alice", "s3cret");
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("--password-file"), r.body());
    }

    @Test
    void theServerAnnouncesItselfAndTheIngestCommandGoesThroughIt() throws Exception {
        ProjectLayout layout = project();
        start(layout, ServerSettings.defaults().withPasswordFile(passwords()));
        ServerStatus status = ServerStatus.running(layout).orElseThrow();
        assertEquals(server.port(), status.port());
        assertEquals(endpoint(), status.articles());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int refused = run(layout, out, err, ProjectCopy.unseenArticle().toString());
        assertEquals(1, refused);
        assertTrue(err.toString().contains("a server (process " + ProcessHandle.current().pid()), err.toString());
        assertTrue(err.toString().contains("--client-password-file"), err.toString());

        Path client = dir.resolve("client-password");
        Files.writeString(client, "s3cret\n");
        out = new StringWriter();
        err = new StringWriter();
        int sent = run(layout, out, err, ProjectCopy.unseenArticle().toString(), "--user", "alice",
                "--client-password-file", client.toString());
        assertEquals(0, sent, err.toString());
        assertTrue(out.toString().contains("answered 201"), out.toString());
        assertTrue(served("ASK { GRAPH <" + Iris.articleGraph(ID) + "> { ?s ?p ?o } }"));

        server.stop();
        server = null;
        assertFalse(Files.exists(ServerStatus.file(layout)), "removed when the server stops");
    }

    private static int run(ProjectLayout layout, StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new IngestCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--project";
        all[args.length + 1] = layout.root().toString();
        return cl.execute(all);
    }
}
