package org.alliancekg.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.alliancekg.testkit.TestHttp;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;

/** HTTP requests of the linked-data tests, and parsing their RDF answers. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {
    }

    /** GET with an Accept header (null: none). */
    static HttpResponse<String> get(String url, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b.build());
    }

    /** GET returning bytes. */
    static HttpResponse<byte[]> getBytes(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request of any method with headers. */
    static HttpResponse<String> request(String method, String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
                HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return send(b.build());
    }

    /** POST of an HTML form. */
    static HttpResponse<String> postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** URL-encodes a query parameter value. */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Parses an RDF answer in the language of its Content-Type; fails the test if it does not parse. */
    static Model parse(HttpResponse<String> r, String base) {
        String ct = r.headers().firstValue("Content-Type").orElseThrow(() -> new AssertionError("no Content-Type"));
        Lang lang = RDFLanguages.contentTypeToLang(ct.split(";")[0].trim());
        if (lang == null) {
            throw new AssertionError("not an RDF content type: " + ct);
        }
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), lang).base(base).parse(m);
        return m;
    }

    private static HttpResponse<String> send(HttpRequest req) {
        return TestHttp.send(CLIENT, req);
    }
}
