package org.alliancekg.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.alliancekg.export.ExportFormat;
import org.alliancekg.publish.SiteLinks;
import org.alliancekg.serve.FeatureModule;
import org.alliancekg.serve.ServerContext;
import org.alliancekg.serve.SiteNav;
import org.alliancekg.serve.StaticResourceServlet;
import org.apache.jena.fuseki.main.FusekiServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeing the graph: graph exports over HTTP ({@code /export/graph.gexf}, {@code .graphml}, {@code .dot},
 * {@code .cyjs}, {@code .ttl}, {@code .nq}), the interactive explorer ({@code /explore}), the timeline of meetings
 * and documents ({@code /timeline}), the SPARQL editor with the competency questions ({@code /query}), their JSON API
 * ({@code /api/search}, {@code /api/neighbourhood}, {@code /api/timeline}, {@code /api/classes},
 * {@code /api/queries}, {@code /api/sources}) and their static files ({@code /explore/static/}, libraries from
 * WebJars).
 */
public final class ExploreModule extends FeatureModule {

    private static final Logger LOG = LoggerFactory.getLogger("akg.explore");

    /** Classpath folder of the explorer's own files. */
    static final String OWN = "explore/";

    /** Paths of the pages; each is the file of its name plus {@code .html} in the classpath folder {@code explore/}. */
    static final String[] PAGES = {"/explore", "/timeline", "/query"};

    /** Paths of the JSON API. */
    static final String[] API = {"/api/search", "/api/neighbourhood", "/api/timeline", "/api/classes", "/api/queries",
            "/api/sources"};


    /** The module for the server that {@code ctx} describes. */
    public ExploreModule(ServerContext ctx) {
        super("explorer", ctx);
    }

    @Override
    protected void configure(FusekiServer.Builder builder) {
        SiteLinks links = new SiteLinks(ctx.publicBase(), ctx.serviceName());
        builder.addServlet("/export/*", new ExportServlet(ctx.dataset(), ctx.settings().queryTimeoutMs()));
        ApiServlet api = new ApiServlet(ctx.dataset(), links, List.of(ctx.layout().queriesDir().resolve("cq"),
                ctx.layout().queriesDir().resolve("examples")));
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
        builder.addServlet("/explore/static/*", assets());
        LOG.debug("explorer on /explore, /timeline, /query; exports on /export; API on /api");
    }

    /**
     * The explorer's static files under {@code /explore/static/}: its own scripts and styles from the classpath
     * folder {@code explore/}, and, under {@code lib/}, the browser libraries from their WebJars on the classpath (no
     * CDN): Cytoscape.js ({@code lib/cytoscape.min.js}) and YASGUI ({@code lib/yasgui.min.js},
     * {@code lib/yasgui.min.css}). The WebJar versions are read from the WebJars' Maven metadata, so the pages need no
     * version number.
     *
     * @throws IllegalStateException if a WebJar or one of its files is missing
     */
    static StaticResourceServlet assets() {
        String cytoscape = webjar("cytoscape");
        String yasgui = webjar("zazuko__yasgui");
        Map<String, String> libraries = Map.of(
                "lib/cytoscape.min.js", cytoscape + "dist/cytoscape.min.js",
                "lib/yasgui.min.js", yasgui + "build/yasgui.min.js",
                "lib/yasgui.min.css", yasgui + "build/yasgui.min.css");
        return new StaticResourceServlet(OWN, "/explore/static/", Set.of("js", "css", "svg"), "no-cache")
                .withLibraries("lib/", libraries, "max-age=86400");
    }

    /** The classpath folder of an npm WebJar's files, with its version: {@code META-INF/resources/webjars/NAME/V/}. */
    static String webjar(String artifact) {
        String props = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = ExploreModule.class.getClassLoader().getResourceAsStream(props)) {
            if (in == null) {
                throw new IllegalStateException("WebJar org.webjars.npm:" + artifact + " is not on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return "META-INF/resources/webjars/" + artifact + "/" + p.getProperty("version") + "/";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + props, e);
        }
    }

    /** The export formats as a space-separated list of extensions, for the pages' download links. */
    static String exportLinks() {
        return ExportFormat.names().replace(", ", " ");
    }
}
