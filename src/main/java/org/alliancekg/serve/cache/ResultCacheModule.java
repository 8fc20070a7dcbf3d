package org.alliancekg.serve.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import org.alliancekg.serve.FeatureModule;
import org.alliancekg.serve.ServerContext;
import org.alliancekg.store.Store;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's SPARQL result cache ({@code serve --cache}; off by default): a {@link ResultCacheFilter} on every
 * query endpoint of the service, answering a repeated query (same endpoint, parameters or body, {@code Accept}
 * and {@code Origin}) from memory until the data changes.
 *
 * <p>The data version is the TDB2 data version of the served database (it moves on every committed write, so an
 * ingest invalidates the cache), the storage behind it (a compaction swaps it) and the directory that
 * {@code db/current} points to (a build swaps it). While a write transaction is open nothing is cached.
 *
 * <pre>{@code
 * KgServer.builder().layout(layout).settings(ServerSettings.defaults().withResultCache(true)).build().start();
 * }</pre>
 */
public final class ResultCacheModule extends FeatureModule {

    private static final Logger LOG = LoggerFactory.getLogger("akg.serve");
    private static final String FUSEKI = "http://jena.apache.org/fuseki#";

    /** Bound on the bytes of all cached answers. */
    public static final long MAX_BYTES = 512L << 20;
    /**
     * The largest answer cached: a quarter of all, so that an answer that grows with the corpus (P10 lists every
     * article's authors and publisher: about 50 MB of JSON at 100,000 articles) is kept whole.
     */
    public static final int MAX_ENTRY_BYTES = 128 << 20;

    private final Boolean forced;
    private volatile ResultCache cache;

    /** The module as {@link org.alliancekg.serve.ServerSettings#resultCache()} says: on or off. */
    public ResultCacheModule(ServerContext ctx) {
        this(ctx, null);
    }

    /** The module on or off whatever the settings say (null: as the settings say). */
    public ResultCacheModule(ServerContext ctx, Boolean on) {
        super("result cache", ctx);
        this.forced = on;
    }

    /** What the data version of a served dataset is made of. */
    record DataVersion(Store.DataVersion store, String current) {
    }

    @Override
    protected void configure(FusekiServer.Builder builder) {
        boolean on = forced != null ? forced : ctx.settings().resultCache();
        if (!on) {
            return;
        }
        ResultCache c = new ResultCache(MAX_BYTES, MAX_ENTRY_BYTES, () -> version(ctx));
        this.cache = c;
        ResultCacheFilter filter = new ResultCacheFilter(c);
        List<String> endpoints = queryEndpoints(ctx.config(), ctx.serviceName());
        for (String endpoint : endpoints) {
            builder.addFilter("/" + ctx.serviceName() + (endpoint.isEmpty() ? "" : "/" + endpoint), filter);
        }
        LOG.info("result cache on for {} (up to {} MiB)", endpoints.stream().map(e -> "/" + ctx.serviceName()
                + (e.isEmpty() ? "" : "/" + e)).toList(), MAX_BYTES >> 20);
    }

    /** The cache, once the module has configured a server with the cache on. */
    public ResultCache cache() {
        return cache;
    }

    /** The data version of the served dataset, or null while a writer is active or for a non-TDB2 dataset. */
    static Object version(ServerContext ctx) {
        return Store.dataVersion(ctx.dataset().get())
                .map(v -> new DataVersion(v, currentTarget(ctx.layout().currentDb()))).orElse(null);
    }

    private static String currentTarget(Path current) {
        try {
            return Files.isSymbolicLink(current) ? Files.readSymbolicLink(current).toString() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Names of the query endpoints of the service ("" for the service itself), sorted. */
    static List<String> queryEndpoints(Model config, String serviceName) {
        Property name = config.createProperty(FUSEKI, "name");
        Property endpoint = config.createProperty(FUSEKI, "endpoint");
        Property operation = config.createProperty(FUSEKI, "operation");
        Property serviceQuery = config.createProperty(FUSEKI, "serviceQuery");
        Resource query = config.createResource(FUSEKI + "query");
        TreeSet<String> names = new TreeSet<>();
        for (Resource service : config.listSubjectsWithProperty(RDF.type, config.createResource(FUSEKI + "Service"))
                .toList()) {
            Statement n = service.getProperty(name);
            if (n == null || !n.getObject().isLiteral() || !n.getString().replaceFirst("^/", "").equals(serviceName)) {
                continue;
            }
            for (Statement ep : service.listProperties(endpoint).toList()) {
                if (!ep.getObject().isResource()) {
                    continue;
                }
                Resource e = ep.getResource();
                if (e.hasProperty(operation, query)) {
                    Statement en = e.getProperty(name);
                    names.add(en == null ? "" : en.getString());
                }
            }
            for (RDFNode q : service.listProperties(serviceQuery).mapWith(Statement::getObject).toList()) {
                if (q.isLiteral()) {
                    names.add(q.asLiteral().getString());
                }
            }
        }
        return List.copyOf(names);
    }
}
