package org.alliancekg.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP client of the server tests: sends a request to the server under test and returns its answer as text,
 * an I/O failure as an unchecked exception. Redirects are not followed, so tests see them.
 *
 * <pre>{@code
 * HttpResponse<String> r = TestHttp.get(server.baseUrl() + "id/state/japan", "text/turtle");
 * }</pre>
 */
public final class TestHttp {

    /** The shared client: no redirects followed, 10 s to connect. */
    public static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private TestHttp() {
    }

    /** Sends the request with the shared client; the body as UTF-8 text. */
    public static HttpResponse<String> send(HttpRequest request) {
        return send(CLIENT, request);
    }

    /** Sends the request with the given client; the body as UTF-8 text. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    /** GET with an {@code Accept} header (null: none). */
    public static HttpResponse<String> get(String url, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b.build());
    }

    /** URL-encodes a query parameter value. */
    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
