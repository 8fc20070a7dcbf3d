package org.alliancekg.conformance;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.alliancekg.conformance.W3cManifest.Expect;
import org.alliancekg.conformance.W3cManifest.Header;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.RiotException;

/** Compares a response with what a W3C test expects of it: status, result format and value, headers, RDF body. */
final class ResponseCheck {

    /** The named status codes the manifests use. */
    static final Map<String, Integer> NAMED = Map.of("OK", 200, "Created", 201, "Accepted", 202, "NoContent", 204,
            "BadRequest", 400, "Unauthorized", 401, "Forbidden", 403, "NotFound", 404, "MethodNotAllowed", 405,
            "UnsupportedMediaType", 415);

    /** Media types the protocol accepts for each expected format. */
    static final Map<String, Set<String>> FORMATS = Map.of(
            "boolean", Set.of("application/sparql-results+xml", "application/sparql-results+json"),
            "tabular", Set.of("application/sparql-results+xml", "application/sparql-results+json", "text/csv",
                    "text/tab-separated-values"),
            "RDF", Set.of("application/rdf+xml", "text/turtle", "application/n-triples", "text/html",
                    "application/xhtml+xml"));

    private ResponseCheck() {
    }

    static Optional<String> check(Expect expect, HttpResponse<byte[]> r, String url) {
        int status = r.statusCode();
        if (!expect.statuses().isEmpty() && expect.statuses().stream().noneMatch(s -> matches(s, status))) {
            return Optional.of("status " + status + ", expected " + expect.statuses().stream()
                    .map(s -> s.substring(W3cManifest.HTS.length())).toList() + body(r));
        }
        String ct = W3cConformanceHttpTest.mediaType(r);
        if (expect.format().isPresent()) {
            String format = expect.format().get();
            Set<String> allowed = FORMATS.get(format);
            if (allowed == null) {
                return Optional.of("unknown expected format " + format);
            }
            if (!allowed.contains(ct)) {
                return Optional.of("content type '" + ct + "', expected one of " + allowed + " (" + format + ")");
            }
            try {
                switch (format) {
                    case "boolean" -> {
                        boolean b = ResultSetMgr.readBoolean(new ByteArrayInputStream(r.body()),
                                W3cConformanceHttpTest.resultsLang(ct));
                        if (expect.bool().isPresent() && expect.bool().get() != b) {
                            return Optional.of("boolean result " + b + ", expected " + expect.bool().get());
                        }
                    }
                    case "tabular" -> W3cConformanceHttpTest.readResults(r.body(),
                            W3cConformanceHttpTest.resultsLang(ct));
                    default -> {
                        if (!ct.contains("html")) {
                            W3cConformanceHttpTest.parse(r.body(), ct, url);
                        }
                    }
                }
            } catch (RuntimeException e) {
                return Optional.of("the " + format + " result does not parse: " + e.getMessage());
            }
        } else if (expect.bool().isPresent()) {
            return Optional.of("expectedBoolean without expectedFormat");
        }
        for (Header h : expect.headers()) {
            String actual = r.headers().firstValue(h.name()).orElse(null);
            if (actual == null) {
                return Optional.of("no " + h.name() + " header, expected " + h.value());
            }
            if (h.name().equalsIgnoreCase("content-type")
                    ? !base(actual).equals(base(h.value())) : !actual.equalsIgnoreCase(h.value())) {
                return Optional.of(h.name() + ": " + actual + ", expected " + h.value());
            }
        }
        if (expect.body().isPresent()) {
            String expectedType = expect.headers().stream().filter(h -> h.name().equalsIgnoreCase("content-type"))
                    .map(h -> base(h.value())).findFirst().orElse("text/turtle");
            try {
                Graph expected = W3cConformanceHttpTest.parse(expect.body().get().bytes(), expectedType, url);
                Graph actual = W3cConformanceHttpTest.parse(r.body(), ct, url);
                if (!expected.isIsomorphicWith(actual)) {
                    return Optional.of("the graph differs from the expected one: got\n"
                            + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (RiotException e) {
                return Optional.of("body does not parse: " + e.getMessage());
            }
        }
        if (expect.locationVariable().isPresent() && r.headers().firstValue("Location").isEmpty()) {
            return Optional.of("no Location header");
        }
        return Optional.empty();
    }

    static boolean matches(String statusTerm, int status) {
        String name = statusTerm.substring(W3cManifest.HTS.length());
        if (name.matches("StatusCode[1-5]xx")) {
            return status / 100 == name.charAt("StatusCode".length()) - '0';
        }
        Integer code = NAMED.get(name);
        if (code == null) {
            throw new IllegalArgumentException("unknown status term " + statusTerm);
        }
        return status == code;
    }

    private static String base(String contentType) {
        return contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String body(HttpResponse<byte[]> r) {
        String b = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).strip();
        return b.isEmpty() ? "" : ": " + (b.length() > 300 ? b.substring(0, 300) + "..." : b);
    }

}
