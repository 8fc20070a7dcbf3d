package org.alliancekg.search;

import org.alliancekg.serve.ServerContext;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

import java.util.Objects;
import java.util.Set;

/** Adds the full-text search page {@code /search} (HTML, or JSON by {@code Accept}) over the served text index. */
public final class SearchModule implements FusekiModule {

    private final ServerContext ctx;

    /** The module for the server that {@code ctx} describes. */
    public SearchModule(ServerContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    @Override
    public String name() {
        return "alliance-kg search";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addServlet("/search", new SearchServlet(ctx.dataset(), ctx.serviceName()));
    }
}
