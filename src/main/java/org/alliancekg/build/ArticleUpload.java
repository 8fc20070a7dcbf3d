package org.alliancekg.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Sends an article file to a running server's {@code POST /kg/articles} with HTTP Basic credentials, for commands
 * that cannot open a database a server holds.
 *
 * <pre>{@code
 * ArticleUpload.Response r = ArticleUpload.post(URI.create(status.articles()), "005-x", bytes, "alice", password);
 * }</pre>
 */
public final class ArticleUpload {

    /** The server's answer: HTTP status and body. */
    public record Response(int status, String body) {
        /** Whether the article was taken (200 or 201). */
        public boolean ok() {
            return status == 200 || status == 201;
        }
    }

    private ArticleUpload() {
    }

    /**
     * POSTs the article's bytes as {@code text/markdown; charset=utf-8} to {@code endpoint?id=<articleId>}.
     *
     * @throws UncheckedIOException when the server cannot be reached
     */
    public static Response post(URI endpoint, String articleId, byte[] bytes, String user, char[] password) {
        URI target = URI.create(endpoint + (endpoint.getQuery() == null ? "?" : "&") + "id="
                + URLEncoder.encode(articleId, StandardCharsets.UTF_8));
        String credentials = Base64.getEncoder().encodeToString((user + ":" + new String(password))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "text/markdown; charset=utf-8")
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json, text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the server at " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the article to " + endpoint, e);
        }
    }

    /**
     * The password in a client password file: its first line (without the line break). This is a file holding the
     * password itself, readable by its owner only; not the server's file of hashed passwords.
     */
    public static char[] readPassword(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new IllegalArgumentException(file + ": the first line must be the password");
            }
            return lines.get(0).toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + file, e);
        }
    }
}
