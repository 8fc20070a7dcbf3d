package org.alliancekg.cli;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.Problem;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.ServerStatus;
import org.alliancekg.store.Store;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live data for a read command ({@code export}, {@code push}): TDB2 lets one process open a database, so when a
 * server runs on it (it keeps {@code db/server.json}) every quad is read from the server's Graph Store endpoint
 * ({@code GET /kg/get}, the whole dataset as N-Quads) into memory; otherwise the database is opened here and released
 * by {@link #close()}. Either way the command sees what the server serves.
 *
 * <pre>{@code
 * try (LiveData live = LiveData.open(layout, "export")) {
 *     GraphExporter.of(live.dataset()) ...
 * }
 * }</pre>
 */
public final class LiveData implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("akg.store");

    private final DatasetGraph dataset;
    private final Dataset opened;

    private LiveData(DatasetGraph dataset, Dataset opened) {
        this.dataset = dataset;
        this.opened = opened;
    }

    /** The project's live data, from its running server if there is one, else from {@code db/current}. */
    public static LiveData open(ProjectLayout layout) {
        Optional<ServerStatus> server = ServerStatus.running(layout);
        if (server.isPresent()) {
            return new LiveData(fetch(server.get()), null);
        }
        Dataset ds = openCurrent(layout);
        return new LiveData(ds.asDatasetGraph(), ds);
    }

    /** Opens {@code db/current} in this process (no server runs on it), warning when the inputs have changed since. */
    static Dataset openCurrent(ProjectLayout layout) {
        Store store = new Store(layout);
        if (store.currentDir().isEmpty()) {
            throw new InputException(new Problem(layout.display(layout.currentDb()), 0, null,
                    "no database: run 'alliance-kg build' first"));
        }
        if (store.isStale()) {
            LOG.warn("the database was built from other inputs than the project's files now: run 'alliance-kg build'");
        }
        return store.openCurrent();
    }

    /** Every quad the server serves, read from its Graph Store endpoint. */
    static DatasetGraph fetch(ServerStatus server) {
        String url = server.endpoint("get");
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/n-quads")
                .timeout(Duration.ofMinutes(30)).build();
        HttpResponse<InputStream> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.io.IOException e) {
            throw unreachable(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(server, e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new CommandFailure(Main.EXIT_INPUT, "the server at " + server.url() + " answered "
                        + response.statusCode() + " for " + url + "; stop it to read the database directly");
            }
            DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
            RDFParser.source(in).lang(Lang.NQUADS).parse(dsg);
            LOG.info("read {} quads from the running server at {}", dsg.stream().count(), server.url());
            return dsg;
        } catch (java.io.IOException | RiotException e) {
            throw unreachable(server, e);
        }
    }

    static CommandFailure unreachable(ServerStatus server, Exception e) {
        return new CommandFailure(Main.EXIT_INPUT, "the server at " + server.url() + " (process " + server.pid()
                + ") holds the database but did not answer (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); wait for it, or stop it");
    }

    /** The data; read it in a read transaction. */
    public DatasetGraph dataset() {
        return dataset;
    }

    /** Releases the database if this process opened it. */
    @Override
    public void close() {
        if (opened != null) {
            Store.close(opened);
        }
    }
}
