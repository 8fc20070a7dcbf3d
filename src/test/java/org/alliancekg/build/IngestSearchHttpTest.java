package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.serve.guard.PasswordFile;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.ingest.ArticleIngestModule;
import org.alliancekg.search.SearchModule;
import org.alliancekg.serve.KgServer;
import org.alliancekg.serve.ServerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ingest keeps the full-text index in step: an article posted to {@code /kg/articles} is found by {@code /search} at
 * once, and replacing it removes its old words from the index.
 */
class IngestSearchHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private KgServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private int post(String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + server.serviceName()
                        + "/articles?id=" + ProjectCopy.UNSEEN))
                .header("Content-Type", "text/markdown; charset=utf-8")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "alice:s3cret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private JsonNode search(String q) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + "search?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Accept", "application/json").build();
        HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, resp.statusCode(), resp.body());
        return JSON.readTree(resp.body());
    }

    private static long sentencesOf(JsonNode r, String articleId) {
        int n = 0;
        for (JsonNode s : r.path("sentences")) {
            if (s.path("article").path("iri").asText().endsWith("/article/" + articleId)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void ingestUpdatesTheIndexInTheSameTransaction() throws Exception {
        ProjectLayout layout = ProjectCopy.of(dir.resolve("project"));
        new GraphBuilder(layout).build();
        Path passwords = dir.resolve("passwords");
        PasswordFile.setPassword(passwords, "alice", "s3cret".toCharArray());
        server = KgServer.builder().layout(layout).port(0)
                .settings(ServerSettings.defaults().withPasswordFile(passwords))
                .modules(List.of(ArticleIngestModule::new, SearchModule::new)).build().start();

        assertEquals(0, sentencesOf(search("Nakatani Hegseth"), ProjectCopy.UNSEEN), "not ingested yet");
        String article = Files.readString(ProjectCopy.unseenArticle());
        assertEquals(201, post(article));
        assertTrue(sentencesOf(search("Nakatani Hegseth"), ProjectCopy.UNSEEN) > 0, "found right after ingest");
        assertEquals(0, sentencesOf(search("zyxquorbel"), ProjectCopy.UNSEEN));

        // replaced: the new word is found, the sentences it replaced are gone from the index
        String replaced = article.replace("Nakatani in Tokyo", "Nakatani in zyxquorbel Tokyo");
        assertTrue(!replaced.equals(article));
        assertEquals(200, post(replaced));
        assertEquals(1, sentencesOf(search("zyxquorbel"), ProjectCopy.UNSEEN));
        JsonNode old = search("\"Nakatani in Tokyo\"");
        assertEquals(0, sentencesOf(old, ProjectCopy.UNSEEN), "the replaced sentence left the index: " + old);
    }
}
