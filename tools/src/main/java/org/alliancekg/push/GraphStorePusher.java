package org.alliancekg.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every named graph of a dataset to a SPARQL 1.1 Graph Store Protocol endpoint with {@code PUT ?graph=IRI}
 * (N-Triples, through Jena's {@code GSP}), so that each graph on the other side is replaced as a whole: pushing
 * twice leaves the same data.
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

    /** The format of the graphs sent: N-Triples ({@code application/n-triples}). */
    private static final RDFFormat FORMAT = RDFFormat.NTRIPLES_UTF8;

    private final URI endpoint;
    private final String authorization;
    private final HttpClient http;

    private GraphStorePusher(URI endpoint, String authorization, Duration connectTimeout) {
        this.endpoint = endpoint;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A builder for pushing to this Graph Store Protocol endpoint (e.g. {@code http://host:3030/kg/data}). */
    public static Builder to(URI endpoint) {
        return new Builder(endpoint);
    }

    /** What a push sent. */
    public record Result(int graphs, long triples, Duration elapsed) {
    }

    /**
     * Sends each named graph of the dataset (read in one read transaction); the default graph is not sent.
     *
     * @throws PushException when the endpoint refuses a graph or cannot be reached; graphs sent before stay
     *                       replaced, and pushing again completes the job
     */
    public Result push(DatasetGraph dsg) {
        long t0 = System.nanoTime();
        long[] triples = new long[1];
        List<Node> names = new ArrayList<>();
        Txn.executeRead(dsg, () -> {
            dsg.listGraphNodes().forEachRemaining(names::add);
            names.sort((a, b) -> a.toString().compareTo(b.toString()));
            for (Node name : names) {
                Graph g = dsg.getGraph(name);
                put(name, g);
                triples[0] += g.size();
            }
        });
        Result r = new Result(names.size(), triples[0], Duration.ofNanos(System.nanoTime() - t0));
        LOG.info("pushed {} graphs, {} triples to {} in {} ms", r.graphs(), r.triples(), endpoint,
                r.elapsed().toMillis());
        return r;
    }

    private void put(Node graph, Graph g) {
        if (!graph.isURI()) {
            throw new PushException("graph " + graph + " has no IRI: the Graph Store Protocol names graphs by IRI");
        }
        GSP gsp = GSP.service(endpoint.toString()).httpClient(http).graphName(graph).contentType(FORMAT);
        if (authorization != null) {
            gsp.httpHeader("Authorization", authorization);
        }
        try {
            gsp.PUT(g);
        } catch (HttpException e) {
            int status = e.getStatusCode();
            if (status <= 0) {
                throw new PushException("cannot reach " + endpoint + ": " + e.getMessage(), e);
            }
            String text = e.getResponse() == null ? "" : e.getResponse().strip();
            if (text.length() > 300) {
                text = text.substring(0, 300) + "...";
            }
            throw new PushException("PUT " + endpoint + "?graph=" + graph.getURI() + " answered " + status
                    + (status == 401 ? " (authentication required or refused: check --user and --password-file)" : "")
                    + (text.isEmpty() ? "" : ": " + text), e);
        }
        LOG.debug("PUT {}", graph.getURI());
    }

    /** Settings of a push; {@link #build()} checks them. */
    public static final class Builder {
        private final URI endpoint;
        private String user;
        private String password;
        private Duration connectTimeout = Duration.ofSeconds(10);

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
            return new GraphStorePusher(endpoint, auth, connectTimeout);
        }
    }
}
