package org.alliancekg.ingestion.http;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.alliancekg.guard.BasicAuthFilter;
import org.alliancekg.guard.PasswordFile;
import org.alliancekg.ingestion.ArticleIngester;
import org.alliancekg.store.ServerStatus;
import org.alliancekg.serve.ServerContext;
import org.alliancekg.serve.ServerModule;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.main.sys.FusekiModules;
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
public final class ArticleIngestModule implements ServerModule {

    private static final Logger LOG = LoggerFactory.getLogger("akg.ingest");

    /** The endpoint's name under the service ({@code /kg/articles}). */
    public static final String ENDPOINT = "articles";

    @Override
    public void configure(FusekiServer.Builder builder, ServerContext ctx) {
        String path = "/" + ctx.serviceName() + "/" + ENDPOINT;
        Optional<PasswordFile> users = ctx.settings().passwordFile().map(PasswordFile::read);
        ArticleIngester ingester = new ArticleIngester(ctx.layout());
        builder.addServlet(path, new ArticleIngestServlet(ingester, ctx.dataset(), users.isPresent(),
                ctx.settings().maxRequestBytes()));
        users.ifPresent(u -> builder.addFilter(path, new BasicAuthFilter(u)));
        LOG.debug("POST {} {}", path, users.isPresent() ? "for " + users.get().users().size() + " user(s)"
                : "refused: no password file");

        List<FusekiModule> modules = new ArrayList<>(builder.fusekiModules() != null
                ? builder.fusekiModules().asList() : FusekiModules.getSystemModules().asList());
        modules.add(new StatusFile(ctx));
        builder.fusekiModules(FusekiModules.create(modules));
    }

    /** Writes {@code server.json} once the server listens and removes it when the server stops. */
    private static final class StatusFile implements FusekiModule {
        private final ServerContext ctx;
        private final AtomicReference<ServerStatus> written = new AtomicReference<>();

        StatusFile(ServerContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public String name() {
            return "alliance-kg server status";
        }

        @Override
        public void serverAfterStarting(FusekiServer server) {
            int port = server.getHttpPort();
            String url = "http://" + host(server) + ":" + port + "/";
            ServerStatus s = new ServerStatus(ProcessHandle.current().pid(), port, url,
                    url + ctx.serviceName() + "/" + ENDPOINT, ctx.database().toString(), Instant.now());
            s.write(ctx.layout());
            written.set(s);
        }

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
}
