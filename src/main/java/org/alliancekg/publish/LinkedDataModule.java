package org.alliancekg.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.alliancekg.serve.FeatureModule;
import org.alliancekg.serve.ServerContext;
import org.alliancekg.store.CachedStatistics;
import org.alliancekg.store.DatasetStatistics;
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
 * Linked-data publishing: makes every IRI of the graph a working address on the server and describes the dataset.
 *
 * <table>
 *   <caption>Addresses</caption>
 *   <tr><td>{@code /id/...}, {@code /ontology}, {@code /ontology/{Term}}, {@code /graph/...}</td>
 *       <td>dereferencing with content negotiation and extensions ({@link ResourceServlet}); HTML pages</td></tr>
 *   <tr><td>{@code /void}, {@code /.well-known/void}</td><td>VoID ({@link VoidDescriber})</td></tr>
 *   <tr><td>{@code /{service}/sparql}, {@code /{service}/query} without {@code query}</td>
 *       <td>SPARQL 1.1 Service Description ({@link ServiceDescriber})</td></tr>
 *   <tr><td>{@code /dumps/alliance-kg.trig.gz}, {@code .nq.gz} (and uncompressed)</td><td>dumps</td></tr>
 *   <tr><td>{@code /reconcile}</td><td>reconciliation API ({@link Reconciler}); a short HTML page for browsers</td></tr>
 *   <tr><td>{@code /favicon.ico}, {@code /favicon.svg}</td><td>the site's icon ({@link FaviconServlet})</td></tr>
 * </table>
 *
 * <p>All of these, and the query endpoints, answer cross-origin requests ({@link CorsFilter}). Links in pages and
 * absolute addresses follow the server's public base ({@link SiteLinks}); request paths map to IRIs under the
 * canonical base {@code https://w3id.org/alliance-kg/}.
 *
 * <pre>{@code
 * KgServer.builder().layout(layout).modules(List.of(LinkedDataModule::new)).build().start();
 * }</pre>
 */
public final class LinkedDataModule extends FeatureModule {

    private static final Logger LOG = LoggerFactory.getLogger("akg.publish");
    private static final String FUSEKI = "http://jena.apache.org/fuseki#";

    /** Servlet path specs of dereferencing: prefixes, plus the ontology document and its extension forms. */
    static final List<String> RESOURCE_PATHS = paths("/ontology", "/id/*", "/ontology/*", "/graph/*");
    /** Servlet path specs of VoID. */
    static final List<String> VOID_PATHS = paths("/void", "/.well-known/void");

    /** The path specs plus, for the first (a document), its {@code .ext} forms. */
    private static List<String> paths(String document, String... more) {
        List<String> out = new ArrayList<>();
        out.add(document);
        for (Format f : Format.all()) {
            out.add(document + "." + f.extension());
        }
        out.addAll(List.of(more));
        return List.copyOf(out);
    }


    /** The module for the server that {@code ctx} describes. */
    public LinkedDataModule(ServerContext ctx) {
        super("linked data", ctx);
    }

    @Override
    protected void configure(FusekiServer.Builder builder) {
        SiteLinks links = new SiteLinks(ctx.publicBase(), ctx.serviceName());
        ArticleTexts texts = new ArticleTexts(ctx.dataset());
        ResourceServlet resources = new ResourceServlet(ctx.dataset(), links, texts);
        for (String path : RESOURCE_PATHS) {
            builder.addServlet(path, resources);
        }
        CachedStatistics cached = ctx.statistics();
        Supplier<Optional<DatasetStatistics>> statistics = () -> cached.await(CachedStatistics.PAGE_WAIT);
        VoidServlet voidServlet = new VoidServlet(ctx.dataset(), statistics, links, ctx.serviceName());
        for (String path : VOID_PATHS) {
            builder.addServlet(path, voidServlet);
        }
        builder.addServlet("/dumps/*", new DumpServlet(ctx.dataset(), ctx.layout(), ctx.database()));
        ReconciliationServlet reconcile = new ReconciliationServlet(ctx.dataset(), links);
        builder.addServlet("/reconcile", reconcile);
        builder.addServlet("/reconcile/*", reconcile);
        FaviconServlet favicon = new FaviconServlet();
        builder.addServlet("/" + PageLayout.FAVICON_ICO, favicon);
        builder.addServlet("/" + PageLayout.FAVICON_SVG, favicon);

        List<String> endpoints = queryEndpoints(ctx.config(), ctx.serviceName());
        ServiceDescriptionFilter description = new ServiceDescriptionFilter(statistics, links);
        CorsFilter cors = new CorsFilter();
        for (String endpoint : endpoints) {
            builder.addFilter("/" + ctx.serviceName() + "/" + endpoint, cors);
            builder.addFilter("/" + ctx.serviceName() + "/" + endpoint, description);
        }
        List<String> corsPaths = new ArrayList<>(RESOURCE_PATHS);
        corsPaths.addAll(VOID_PATHS);
        corsPaths.addAll(List.of("/dumps/*", "/reconcile", "/reconcile/*"));
        for (String path : corsPaths) {
            builder.addFilter(path, cors);
        }
        LOG.debug("linked data on /id, /ontology, /graph, /void, /dumps, /reconcile, /favicon.ico; "
                + "service description on {}", endpoints);
    }

    /**
     * The names of the query endpoints of a service in a Fuseki configuration: {@code fuseki:endpoint}s with
     * {@code fuseki:operation fuseki:query} and old-style {@code fuseki:serviceQuery} values, sorted.
     */
    static List<String> queryEndpoints(Model config, String serviceName) {
        Property name = config.createProperty(FUSEKI, "name");
        Property endpoint = config.createProperty(FUSEKI, "endpoint");
        Property operation = config.createProperty(FUSEKI, "operation");
        Resource query = config.createResource(FUSEKI + "query");
        TreeSet<String> names = new TreeSet<>();
        for (Resource service : config.listSubjectsWithProperty(RDF.type, config.createResource(FUSEKI + "Service"))
                .toList()) {
            Statement n = service.getProperty(name);
            if (n == null || !n.getObject().isLiteral()
                    || !n.getString().replaceFirst("^/", "").equals(serviceName)) {
                continue;
            }
            for (Statement e : service.listProperties(endpoint).toList()) {
                if (e.getObject().isResource() && e.getResource().hasProperty(operation, query)) {
                    Statement en = e.getResource().getProperty(name);
                    if (en != null && en.getObject().isLiteral() && !en.getString().isEmpty()) {
                        names.add(en.getString());
                    }
                }
            }
            for (RDFNode o : service.listProperties(config.createProperty(FUSEKI, "serviceQuery"))
                    .mapWith(Statement::getObject).toList()) {
                if (o.isLiteral() && !o.asLiteral().getString().isEmpty()) {
                    names.add(o.asLiteral().getString());
                }
            }
        }
        return new ArrayList<>(names);
    }
}
