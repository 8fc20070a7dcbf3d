package org.alliancekg.serve;

import org.apache.jena.fuseki.main.FusekiServer;

/**
 * A feature of the server beyond SPARQL (linked-data pages, exports, ingestion, operations), added to the
 * Fuseki builder before the server is built. Modules live in the package of their capability and are listed in
 * {@link ServerModules#defaults()}.
 *
 * <pre>{@code
 * public final class PingModule implements ServerModule {
 *     public void configure(FusekiServer.Builder builder, ServerContext ctx) {
 *         builder.addServlet("/ping", new PingServlet());
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ServerModule {

    /** Adds servlets and filters to {@code builder}; {@code ctx} tells what is being served. */
    void configure(FusekiServer.Builder builder, ServerContext ctx);
}
