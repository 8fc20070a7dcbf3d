package org.alliancekg.search;

import org.alliancekg.serve.FeatureModule;
import org.alliancekg.serve.ServerContext;
import org.apache.jena.fuseki.main.FusekiServer;


/** Adds the full-text search page {@code /search} (HTML, or JSON by {@code Accept}) over the served text index. */
public final class SearchModule extends FeatureModule {

    /** The module for the server that {@code ctx} describes. */
    public SearchModule(ServerContext ctx) {
        super("search", ctx);
    }

    @Override
    protected void configure(FusekiServer.Builder builder) {
        builder.addServlet("/search", new SearchServlet(ctx.dataset(), ctx.serviceName()));
    }
}
