package org.alliancekg.search;

import org.alliancekg.serve.ServerContext;
import org.alliancekg.serve.ServerModule;
import org.apache.jena.fuseki.main.FusekiServer;

/** Adds the full-text search page {@code /search} (HTML, or JSON by {@code Accept}) over the served text index. */
public final class SearchModule implements ServerModule {

    @Override
    public void configure(FusekiServer.Builder builder, ServerContext ctx) {
        builder.addServlet("/search", new SearchServlet(ctx.dataset(), ctx.serviceName()));
    }
}
