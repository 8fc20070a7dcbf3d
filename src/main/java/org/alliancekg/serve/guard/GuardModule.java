package org.alliancekg.serve.guard;

import java.util.Optional;

import org.alliancekg.serve.FeatureModule;
import org.alliancekg.serve.ServerContext;
import org.alliancekg.serve.ServerSettings;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's defences and operations endpoints, from the {@link ServerSettings}:
 *
 * <table>
 *   <caption>What the module adds</caption>
 *   <tr><td>every query endpoint</td><td>timeout ({@code queryTimeoutMs}) with a watchdog, row cap
 *       ({@code maxResultRows}), 406 for unusable {@code Accept}, no remote {@code SERVICE}
 *       ({@link GuardedQueryProcessor})</td></tr>
 *   <tr><td>every request</td><td>bodies over {@code maxRequestBytes} refused with 413 ({@link RequestSizeFilter});
 *       one access-log line on logger {@code akg.access} ({@link AccessLog})</td></tr>
 *   <tr><td>{@code /$/ping}, {@code /$/ready}</td><td>liveness (Fuseki's) and readiness
 *       ({@link ReadinessServlet})</td></tr>
 *   <tr><td>{@code /scratch}</td><td>only with a {@code passwordFile}: an in-memory dataset with SPARQL Update and
 *       Graph Store read-write ({@code /scratch/sparql}, {@code /scratch/update}, {@code /scratch/data},
 *       {@code /scratch/get}), every request behind HTTP Basic authentication ({@link BasicAuthFilter}), no
 *       {@code LOAD} ({@link UpdateRequestFilter}), direct graph identification and graph creation by POST on
 *       {@code /scratch/data} ({@link GraphStoreFilter}). It starts empty and is lost at shutdown; the published
 *       graph stays read only.</td></tr>
 *   <tr><td>shutdown</td><td>graceful: the server stops accepting requests and lets those in flight finish, for up
 *       to the query timeout plus {@value #STOP_GRACE_MS} ms</td></tr>
 * </table>
 */
public final class GuardModule extends FeatureModule {

    private static final Logger LOG = LoggerFactory.getLogger("akg.guard");

    /** Name of the scratch dataset. */
    public static final String SCRATCH = "scratch";
    /** How long past its timeout a query may run before the watchdog aborts it, in milliseconds. */
    public static final long WATCHDOG_GRACE_MS = 1_000;
    /** Extra time a graceful stop waits beyond the query timeout, in milliseconds. */
    public static final long STOP_GRACE_MS = 5_000;

    private volatile QueryWatchdog watchdog;

    /** The module for the server that {@code ctx} describes. */
    public GuardModule(ServerContext ctx) {
        super("guard", ctx);
    }

    @Override
    protected void configure(FusekiServer.Builder builder) {
        ServerSettings settings = ctx.settings();
        QueryWatchdog watchdog = new QueryWatchdog(WATCHDOG_GRACE_MS);
        this.watchdog = watchdog;
        allowTopNSorting(settings.maxResultRows());
        builder.registerOperation(Operation.Query,
                new GuardedQueryProcessor(settings.queryTimeoutMs(), settings.maxResultRows(), watchdog));
        builder.enablePing(true);
        builder.addServlet("/$/ready", new ReadinessServlet(ctx.dataset()));
        builder.addFilter("/*", new RequestSizeFilter(settings.maxRequestBytes()));

        Optional<PasswordFile> users = PasswordFile.of(settings.passwordFile());
        if (users.isPresent()) {
            settings.passwordFile().filter(PasswordFile::readableByOthers).ifPresent(f -> LOG.warn(
                    "the password file {} is readable by other users: chmod 600 it", f));
            DatasetGraph scratch = DatasetGraphFactory.createTxnMem();
            scratch.getContext().set(ARQ.httpServiceAllowed, false);
            scratch.getContext().set(ARQ.updateTimeout, Long.toString(settings.queryTimeoutMs()));
            builder.add("/" + SCRATCH, scratch, true);
            BasicAuthFilter auth = new BasicAuthFilter(users.get());
            builder.addFilter("/" + SCRATCH, auth);
            builder.addFilter("/" + SCRATCH + "/*", auth);
            UpdateRequestFilter updates = new UpdateRequestFilter();
            builder.addFilter("/" + SCRATCH, updates);
            builder.addFilter("/" + SCRATCH + "/*", updates);
            GraphStoreFilter graphStore = new GraphStoreFilter("/" + SCRATCH + "/data");
            builder.addFilter("/" + SCRATCH + "/data", graphStore);
            builder.addFilter("/" + SCRATCH + "/data/*", graphStore);
            LOG.info("scratch dataset /{} (update and graph store) for {} user(s)", SCRATCH, users.get().users().size());
        }
    }

    /**
     * Lets ARQ evaluate {@code ORDER BY} with a {@code LIMIT} up to the row cap by keeping only the top rows
     * (otherwise it sorts the whole solution sequence in memory whenever the limit exceeds 1,000, and an ORDER BY
     * over a large join fills the heap before the timeout). The threshold has to be set in ARQ's global context: Jena
     * 5.6's {@code TransformTopN} reads it from {@code ARQ.getContext()} only, never from the dataset's or the query's
     * context, so it cannot be scoped to the served dataset. It is only ever raised, never lowered.
     */
    static void allowTopNSorting(long maxRows) {
        long wanted = Math.min(Integer.MAX_VALUE, maxRows + 1);
        Object current = ARQ.getContext().get(ARQ.topNSortingThreshold);
        if (!(current instanceof Number n) || n.longValue() < wanted) {
            ARQ.getContext().set(ARQ.topNSortingThreshold, (int) wanted);
        }
    }

    /** Hooks into the built Jetty server: graceful stop, access log. */
    @Override
    public void server(FusekiServer server) {
        Server jetty = server.getJettyServer();
        jetty.setHandler(new GracefulHandler(jetty.getHandler()));
        jetty.setStopTimeout(ctx.settings().queryTimeoutMs() + STOP_GRACE_MS);
        jetty.setRequestLog(new AccessLog());
    }

    /** The watchdog of the queries running on the server (null before the server is built). */
    QueryWatchdog watchdog() {
        return watchdog;
    }

    /** Closes the watchdog when the server stops. */
    @Override
    public void serverStopped(FusekiServer server) {
        QueryWatchdog w = watchdog;
        if (w != null) {
            w.close();
        }
    }
}
