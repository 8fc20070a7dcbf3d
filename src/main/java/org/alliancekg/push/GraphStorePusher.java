package org.alliancekg.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every named graph of a dataset to a SPARQL 1.1 Graph Store Protocol endpoint with {@code PUT ?graph=IRI}
 * (N-Triples), so that each graph on the other side is replaced as a whole: pushing twice leaves the same data.
 * HTTP Basic authentication when a user is given. Any store that speaks the protocol will do — a replicated
 * Fuseki, a clustered SPARQL store — which is how the graph outgrows one machine.
 *
 * <pre>{@code
 * GraphStorePusher.Result r = GraphStorePusher.to(URI.create("http://host:3030/kg/data"))
 *         .credentials("user", password)
 *         .build()
 *         .push(dataset);
 * }</pre>
 */
public final class GraphStorePusher {

    private static final Logger LOG = LoggerFactory.getLogger("akg.push");

    /** Media type of the graphs sent. */
    public static final String CONTENT_TYPE = "application/n-triples";

    private final URI endpoint;
    private final String authorization;
    private final HttpClient http;
    private final Duration requestTimeout;

    private GraphStorePusher(URI endpoint, String authorization, Duration connectTimeout, Duration requestTimeout) {
        this.endpoint = endpoint;
        this.authorization = authorization;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A builder for pushing to this Graph Store Protocol endpoint (e.g. {@code http://host:3030/kg/data}). */
    public static Builder to(URI endpoint) {
        return new Builder(endpoint);
    }

    /** What a push sent. */
    public record Result(int graphs, long triples, long bytes, Duration elapsed) {
    }

    /**
     * Sends each named graph of the dataset (read in one read transaction); the default graph is not sent.
     *
     * @throws PushException when the endpoint refuses a graph or cannot be reached; graphs sent before stay
     *                       replaced, and pushing again completes the job
     */
    public Result push(DatasetGraph dsg) {
        long t0 = System.nanoTime();
        long[] totals = new long[2];
        List<Node> names = new ArrayList<>();
        Txn.executeRead(dsg, () -> {
            dsg.listGraphNodes().forEachRemaining(names::add);
            names.sort((a, b) -> a.toString().compareTo(b.toString()));
            for (Node name : names) {
                Graph g = dsg.getGraph(name);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                RDFDataMgr.write(out, g, RDFFormat.NTRIPLES_UTF8);
                put(name, out.toByteArray());
                totals[0] += g.size();
                totals[1] += out.size();
            }
        });
        Result r = new Result(names.size(), totals[0], totals[1], Duration.ofNanos(System.nanoTime() - t0));
        LOG.info("pushed {} graphs, {} triples ({} bytes) to {} in {} ms", r.graphs(), r.triples(), r.bytes(),
                endpoint, r.elapsed().toMillis());
        return r;
    }

    private void put(Node graph, byte[] body) {
        if (!graph.isURI()) {
            throw new PushException("graph " + graph + " has no IRI: the Graph Store Protocol names graphs by IRI");
        }
        URI target = URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + "graph="
                + URLEncoder.encode(graph.getURI(), StandardCharsets.UTF_8));
        HttpRequest.Builder rb = HttpRequest.newBuilder(target).timeout(requestTimeout)
                .header("Content-Type", CONTENT_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        HttpResponse<String> resp;
        try {
            resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PushException("cannot reach " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushException("push interrupted", e);
        }
        int status = resp.statusCode();
        if (status < 200 || status > 299) {
            String text = resp.body() == null ? "" : resp.body().strip();
            if (text.length() > 300) {
                text = text.substring(0, 300) + "...";
            }
            throw new PushException("PUT " + target + " answered " + status + (status == 401
                    ? " (authentication required or refused: check --user and --password-file)" : "")
                    + (text.isEmpty() ? "" : ": " + text));
        }
        LOG.debug("PUT {} -> {}", graph.getURI(), status);
    }

    /** Settings of a push; {@link #build()} checks them. */
    public static final class Builder {
        private final URI endpoint;
        private String user;
        private String password;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofMinutes(2);

        private Builder(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        /** HTTP Basic credentials. */
        public Builder credentials(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Time allowed to connect; default 10 s. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** Time allowed for each graph's request; default 2 min. */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = Objects.requireNonNull(d);
            return this;
        }

        /**
         * The pusher.
         *
         * @throws IllegalArgumentException if the endpoint is not an absolute http(s) URL, or the user name
         *                                  holds a colon
         */
        public GraphStorePusher build() {
            String scheme = endpoint.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || endpoint.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) endpoint URL: " + endpoint);
            }
            if (endpoint.getRawFragment() != null) {
                throw new IllegalArgumentException("the endpoint URL must not have a fragment: " + endpoint);
            }
            String auth = null;
            if (user != null) {
                if (user.contains(":")) {
                    throw new IllegalArgumentException("a Basic authentication user name cannot hold ':'");
                }
                auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8));
            }
            return new GraphStorePusher(endpoint, auth, connectTimeout, requestTimeout);
        }
    }
}
