package org.alliancekg.explore;

import java.util.Map;

import org.alliancekg.export.ExportFormat;
import org.alliancekg.publish.SiteLinks;
import org.alliancekg.serve.ServerContext;
import org.alliancekg.serve.ServerModule;
import org.alliancekg.serve.SiteNav;
import org.apache.jena.fuseki.main.FusekiServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeing the graph: graph exports over HTTP ({@code /export/graph.gexf}, {@code .graphml}, {@code .dot},
 * {@code .cyjs}, {@code .ttl}, {@code .nq}), the interactive explorer ({@code /explore}), the timeline of meetings
 * and documents ({@code /timeline}), the SPARQL editor with the competency questions ({@code /query}), their JSON API
 * ({@code /api/search}, {@code /api/neighbourhood}, {@code /api/timeline}, {@code /api/classes},
 * {@code /api/queries}) and their static files ({@code /explore/static/}, libraries from WebJars).
 */
public final class ExploreModule implements ServerModule {

    private static final Logger LOG = LoggerFactory.getLogger("akg.explore");

    /** Paths of the pages; each is the file of its name plus {@code .html} in the classpath folder {@code explore/}. */
    static final String[] PAGES = {"/explore", "/timeline", "/query"};

    /** Paths of the JSON API. */
    static final String[] API = {"/api/search", "/api/neighbourhood", "/api/timeline", "/api/classes", "/api/queries"};

    @Override
    public void configure(FusekiServer.Builder builder, ServerContext ctx) {
        SiteLinks links = new SiteLinks(ctx.publicBase(), ctx.serviceName());
        builder.addServlet("/export/*", new ExportServlet(ctx.dataset(), ctx.settings().queryTimeoutMs()));
        ApiServlet api = new ApiServlet(ctx.dataset(), links, ctx.layout().queriesDir().resolve("cq"));
        for (String path : API) {
            builder.addServlet(path, api);
        }
        Map<String, String> values = Map.of(
                "sparql", ctx.serviceName() + "/sparql",
                "exports", exportLinks());
        for (String page : PAGES) {
            Map<String, String> markup = Map.of("site-bar", SiteNav.bar(ctx.serviceName(), SiteNav::relative, page));
            builder.addServlet(page, new PageServlet(page.substring(1) + ".html", values, markup));
        }
        builder.addServlet("/explore/static/*", new AssetServlet());
        LOG.debug("explorer on /explore, /timeline, /query; exports on /export; API on /api");
    }

    /** The export formats as a space-separated list of extensions, for the pages' download links. */
    static String exportLinks() {
        return ExportFormat.names().replace(", ", " ");
    }
}
