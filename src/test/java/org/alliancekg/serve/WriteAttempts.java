package org.alliancekg.serve;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.alliancekg.vocab.Iris;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Requests that try to change the served data, each with the status the bare server (no modules) answers, as
 * documented in {@link KgServer}'s class comment.
 */
final class WriteAttempts {

    static final String SUBJECT = "urn:x-akg-test:written";
    static final String UPDATE = "INSERT DATA { <" + SUBJECT + "> <urn:x-akg-test:p> <urn:x-akg-test:o> }";
    static final String TURTLE = "<" + SUBJECT + "> <urn:x-akg-test:p> <urn:x-akg-test:o> .";

    /** One attempt and the status of the bare server. */
    record Attempt(String what, String method, String path, String contentType, String body, int bareStatus) { }

    static final List<Attempt> ALL;

    static {
        String graph = URLEncoder.encode(Iris.ENTITIES_GRAPH, StandardCharsets.UTF_8);
        String form = "update=" + URLEncoder.encode(UPDATE, StandardCharsets.UTF_8);
        ALL = List.of(
                new Attempt("POST application/sparql-update to /kg/sparql", "POST", "/kg/sparql",
                        "application/sparql-update", UPDATE, 415),
                new Attempt("POST form update= to /kg/sparql", "POST", "/kg/sparql",
                        "application/x-www-form-urlencoded", form, 400),
                new Attempt("POST application/sparql-update to /kg/update", "POST", "/kg/update",
                        "application/sparql-update", UPDATE, 404),
                new Attempt("POST application/sparql-update to /kg", "POST", "/kg",
                        "application/sparql-update", UPDATE, 400),
                new Attempt("PUT /kg/get?default", "PUT", "/kg/get?default", "text/turtle", TURTLE, 405),
                new Attempt("POST /kg/get?graph=", "POST", "/kg/get?graph=" + graph, "text/turtle", TURTLE, 405),
                new Attempt("DELETE /kg/get?graph=", "DELETE", "/kg/get?graph=" + graph, "text/turtle", "", 405),
                new Attempt("PUT /kg?default", "PUT", "/kg?default", "text/turtle", TURTLE, 400),
                new Attempt("PUT /kg/data?default", "PUT", "/kg/data?default", "text/turtle", TURTLE, 404),
                new Attempt("POST to /", "POST", "/", "text/turtle", TURTLE, 405));
    }

    private WriteAttempts() {
    }

    /**
     * Sends every attempt to {@code baseUrl} (e.g. {@code http://localhost:1234}) and lists those whose status
     * fails {@code expected} (given the attempt's bare-server status and the actual status).
     */
    static List<String> send(String baseUrl, StatusCheck expected) throws InterruptedException {
        List<String> wrong = new ArrayList<>();
        for (Attempt a : ALL) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + a.path()))
                    .header("Content-Type", a.contentType())
                    .method(a.method(), HttpRequest.BodyPublishers.ofString(a.body())).build();
            try {
                // a fresh client each time: the server may close a connection whose request body it did not read
                HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
                if (!expected.ok(a.bareStatus(), r.statusCode())) {
                    wrong.add(a.what() + ": " + r.statusCode() + " (bare server: " + a.bareStatus() + ")");
                }
            } catch (IOException e) {
                wrong.add(a.what() + ": " + e);
            }
        }
        return wrong;
    }

    /** Whether anything written by an attempt is in the dataset. */
    static boolean written(DatasetGraph dsg) {
        Node s = NodeFactory.createURI(SUBJECT);
        return Txn.calculateRead(dsg, () -> dsg.find(Node.ANY, s, Node.ANY, Node.ANY).hasNext());
    }

    /** Judges a status. */
    @FunctionalInterface
    interface StatusCheck {
        boolean ok(int bareStatus, int actual);

        /** Exactly the bare server's status. */
        StatusCheck EXACT = (bare, actual) -> bare == actual;
        /** Any client error. */
        StatusCheck CLIENT_ERROR = (bare, actual) -> actual >= 400 && actual < 500;
    }
}
