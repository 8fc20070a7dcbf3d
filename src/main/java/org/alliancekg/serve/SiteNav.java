package org.alliancekg.serve;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The top bar every HTML page of the site carries: the home page, the resource pages, the explorer, the timeline
 * and the query editor; it ends with a search box that sends its words to {@value #SEARCH}. This class is the one list of its links and the one writer of its markup; the style is the
 * classpath file {@code webapp/static/site.css}, served at {@value #STYLESHEET}.
 *
 * <p>Each page chooses how a site path becomes a link: the home page links root-relative, the resource pages under
 * the deployment's public base, the explorer pages relative to themselves ({@link #relative(String)}).
 *
 * <pre>{@code
 * String bar = SiteNav.bar("kg", path -> path, "/");               // on the home page
 * String bar = SiteNav.bar("kg", SiteNav::relative, "/explore");   // on /explore
 * }</pre>
 */
public final class SiteNav {

    /** Where {@code webapp/static/site.css} is served, the bar's style. */
    public static final String STYLESHEET = "/static/site.css";

    /** The full-text search page, where the bar's search box sends its query ({@code ?q=}). */
    public static final String SEARCH = "/search";

    /** The id of the home page's section with the dumps and exports, the target of the "Downloads" link. */
    public static final String DOWNLOADS_ANCHOR = "downloads";

    /**
     * One link of the bar.
     *
     * @param label the link text
     * @param path  the site path, starting with {@code /} ({@code /explore}, {@code /#downloads})
     * @param title what is behind the link, shown as a tooltip
     */
    public record Link(String label, String path, String title) {
        public Link {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(title, "title");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("site path must start with /: " + path);
            }
        }
    }

    private SiteNav() {
    }

    /**
     * The links of the bar, in order.
     *
     * @param serviceName the Fuseki service whose {@code sparql} endpoint is linked, e.g. {@code kg}
     */
    public static List<Link> links(String serviceName) {
        return List.of(
                new Link("Home", "/", "what the dataset holds, its endpoints and example queries"),
                new Link("Explore", "/explore", "the graph around an entity, interactively"),
                new Link("Timeline", "/timeline", "meetings and documents by date"),
                new Link("Query", "/query", "SPARQL editor with the competency questions"),
                new Link("Ontology", "/ontology", "the classes and properties of the graph"),
                new Link("Dataset (VoID)", "/void", "the dataset's description: size, vocabularies, links"),
                new Link("SPARQL endpoint", "/" + serviceName + "/sparql",
                        "the endpoint; without a query it answers its service description"),
                new Link("Reconciliation", "/reconcile", "OpenRefine reconciliation service"),
                new Link("Downloads", "/#" + DOWNLOADS_ANCHOR, "dumps (TriG, N-Quads) and graph exports"));
    }

    /**
     * The bar's markup: {@code <header class="site-bar">} with the name of the site and a {@code <nav class="site-nav">}
     * of the {@link #links(String)}; the link of the current page carries {@code aria-current="page"}.
     *
     * @param serviceName the Fuseki service, e.g. {@code kg}
     * @param href        turns a site path ({@code /explore}) into the link to write
     * @param currentPath the site path of the page the bar is on ({@code /explore}); null if none of the links
     */
    public static String bar(String serviceName, UnaryOperator<String> href, String currentPath) {
        List<BarLink> links = links(serviceName).stream().map(link -> new BarLink(href.apply(link.path()),
                link.title(), link.label(), link.path().equals(currentPath))).toList();
        return Templates.render("site-bar", new Bar(links, href.apply(SEARCH)));
    }

    /** One link as {@code templates/site-bar.mustache} writes it. */
    private record BarLink(String href, String title, String label, boolean current) {
    }

    /** The bar (template {@code site-bar.mustache}) and its search box ({@code site-search.mustache}): a GET form to {@value #SEARCH}. */
    private record Bar(List<BarLink> links, String action) {
    }

    /**
     * A site path as a link relative to a page at the top level of the site ({@code /explore}): {@code /void} becomes
     * {@code void}, {@code /} becomes {@code ./}, {@code /#downloads} becomes {@code ./#downloads}. Such links keep
     * working when the server is mounted under a path.
     */
    public static String relative(String path) {
        String p = path.substring(1);
        return p.isEmpty() || p.startsWith("#") || p.startsWith("?") ? "./" + p : p;
    }
}
