package org.alliancekg.serve.ingest;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.alliancekg.serve.guard.BasicAuthFilter;
import org.alliancekg.serve.guard.PasswordFile;
import org.alliancekg.build.ArticleIngester;
import org.alliancekg.store.ServerStatus;
import org.alliancekg.serve.FeatureModule;
import org.alliancekg.serve.ServerContext;
import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Article ingestion on a running server: {@code POST /kg/articles} (see {@link ArticleIngestServlet}), behind HTTP
 * Basic authentication against the password file of the server settings; without a password file the endpoint
 * refuses every article (403). While the server runs it keeps {@code <dbRoot>/server.json} ({@link ServerStatus}),
 * so that {@code alliance-kg ingest} finds it instead of opening the database the server holds.
 */
public final class ArticleIngestModule extends FeatureModule {

    private static final Logger LOG = LoggerFactory.getLogger("akg.ingest");

    /** The endpoint's name under the service ({@code /kg/articles}). */
    public static final String ENDPOINT = "articles";

    private final AtomicReference<ServerStatus> written = new AtomicReference<>();

    /** The module for the server that {@code ctx} describes. */
    public ArticleIngestModule(ServerContext ctx) {
        super("ingest", ctx);
    }

    @Override
    protected void configure(FusekiServer.Builder builder) {
        String path = "/" + ctx.serviceName() + "/" + ENDPOINT;
        Optional<PasswordFile> users = ctx.settings().passwordFile().map(PasswordFile::read);
        ArticleIngester ingester = new ArticleIngester(ctx.layout());
        builder.addServlet(path, new ArticleIngestServlet(ingester, ctx.dataset(), users.isPresent(),
                ctx.settings().maxRequestBytes()));
        users.ifPresent(u -> builder.addFilter(path, new BasicAuthFilter(u)));
        LOG.debug("POST {} {}", path, users.isPresent() ? "for " + users.get().users().size() + " user(s)"
                : "refused: no password file");
    }

    /** Writes {@code server.json} once the server listens. */
    @Override
    public void serverAfterStarting(FusekiServer server) {
        int port = server.getHttpPort();
        String url = "http://" + host(server) + ":" + port + "/";
        ServerStatus s = new ServerStatus(ProcessHandle.current().pid(), port, url,
                url + ctx.serviceName() + "/" + ENDPOINT, ctx.database().toString(), Instant.now());
        s.write(ctx.layout());
        written.set(s);
    }

    /** Removes {@code server.json} when the server stops. */
    @Override
    public void serverStopped(FusekiServer server) {
        ServerStatus s = written.getAndSet(null);
        if (s != null) {
            s.delete(ctx.layout());
        }
    }

    private static String host(FusekiServer server) {
        for (Connector c : server.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc && sc.getHost() != null) {
                String h = sc.getHost();
                try {
                    if (InetAddress.getByName(h).isAnyLocalAddress()) {
                        return "localhost";
                    }
                } catch (java.net.UnknownHostException e) {
                    return h;
                }
                return h.contains(":") ? "[" + h + "]" : h;
            }
        }
        return "localhost";
    }
}
