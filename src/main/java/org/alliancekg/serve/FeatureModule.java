package org.alliancekg.serve;

import java.util.Objects;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

/**
 * A feature of the server (linked-data pages, explorer, search, guard, cache, ingest): a Fuseki module made for one
 * server from its {@link ServerContext}, which adds its servlets and filters when Fuseki prepares the build. A
 * feature may also use Fuseki's later hooks ({@code server}, {@code serverAfterStarting}, {@code serverStopped}).
 *
 * <pre>{@code
 * public final class PingModule extends FeatureModule {
 *     public PingModule(ServerContext ctx) { super("ping", ctx); }
 *     protected void configure(FusekiServer.Builder builder) { builder.addServlet("/ping", new PingServlet()); }
 * }
 * KgServer.builder().layout(layout).modules(List.of(PingModule::new)).build().start();
 * }</pre>
 */
public abstract class FeatureModule implements FusekiModule {

    /** What the module knows of the server being built. */
    protected final ServerContext ctx;
    private final String name;

    /** A module called {@code alliance-kg NAME} for the server that {@code ctx} describes. */
    protected FeatureModule(String name, ServerContext ctx) {
        this.name = "alliance-kg " + Objects.requireNonNull(name, "name");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        configure(builder);
    }

    /** Adds the feature's servlets and filters to {@code builder}. */
    protected abstract void configure(FusekiServer.Builder builder);
}
