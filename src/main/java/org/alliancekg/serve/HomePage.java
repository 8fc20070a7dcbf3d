package org.alliancekg.serve;

import static org.alliancekg.serve.HtmlEscape.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.alliancekg.store.Store;
import org.alliancekg.export.ExportFormat;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ParameterizedSparqlString;

/**
 * The HTML home page of the server: the site's pages (explorer, timeline, query editor, ontology, VoID,
 * reconciliation), what the dataset holds (statements, named graphs, instances per class), the endpoints, the
 * downloads (dumps and graph exports), and the example queries, each with a link that runs it. Every text from the data or the query files
 * is HTML-escaped.
 *
 * <pre>{@code
 * String html = new HomePage("kg", endpoints, DatasetSummary.of(dataset), queries).render();
 * }</pre>
 *
 * @param serviceName the Fuseki service name, e.g. {@code kg}
 * @param endpoints   the service's endpoints, in the order to show
 * @param summary     the counts to show
 * @param queries     the example queries to list
 */
public record HomePage(String serviceName, List<EndpointLink> endpoints, DatasetSummary summary,
                       List<ExampleQuery> queries) {

    /** What an endpoint does. */
    public enum EndpointKind {
        /** SPARQL 1.1 Query. */
        QUERY("SPARQL query: GET ?query=..., POST form or application/sparql-query"),
        /** SPARQL 1.1 Graph Store Protocol, reading only. */
        GRAPH_STORE_READ("Graph Store Protocol, read only: GET ?default or ?graph=IRI"),
        /** Anything else. */
        OTHER("other operation");

        private final String description;

        EndpointKind(String description) {
            this.description = description;
        }

        /** A short description for people. */
        public String description() {
            return description;
        }
    }

    /**
     * One endpoint of the service.
     *
     * @param name endpoint name under the service, e.g. {@code sparql}
     * @param kind what it does
     */
    public record EndpointLink(String name, EndpointKind kind) {
        public EndpointLink {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * A page of the site listed under "Explore the data".
     *
     * @param name        its name
     * @param path        its path on the server
     * @param explanation what it is for, in one line
     */
    record PageLink(String name, String path, String explanation) {
    }

    /** The pages listed under "Explore the data", in order. */
    static final List<PageLink> PAGES = List.of(
            new PageLink("Explorer", "/explore",
                    "search an actor, meeting, document or threat and open its neighbourhood as a graph; every edge "
                            + "shows the quotes it was taken from"),
            new PageLink("Timeline", "/timeline", "the meetings and strategy documents by date"),
            new PageLink("Query editor", "/query",
                    "SPARQL in the browser, with the competency questions open as tabs"),
            new PageLink("Ontology", "/ontology", "the classes and properties of the graph, with their definitions"),
            new PageLink("Dataset description (VoID)", "/void",
                    "size, classes, properties, named graphs, dumps and the links to Wikidata, counted from the live "
                            + "data"),
            new PageLink("Reconciliation service", "/reconcile",
                    "match names in a spreadsheet to the graph's entities from OpenRefine (Reconciliation API)"));

    /** Where the graph exports are served: this plus the format's extension. */
    static final String EXPORT_PATH = "/export/graph.";

    /** What an export format is for, in one line. */
    static String exportExplanation(ExportFormat format) {
        return switch (format) {
            case GEXF -> "GEXF for Gephi; dynamic, so Gephi's timeline replays the graph";
            case GRAPHML -> "GraphML for yEd, Gephi, NetworkX and other graph tools";
            case DOT -> "DOT for Graphviz";
            case CYJS -> "Cytoscape JSON, for Cytoscape desktop and Cytoscape.js";
            case TTL -> "the graph's statements and their evidence, as Turtle";
            case NQ -> "the graph's statements and their evidence, as N-Quads with their named graphs";
        };
    }

    public HomePage {
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(summary, "summary");
        endpoints = List.copyOf(endpoints);
        queries = List.copyOf(queries);
    }

    /**
     * The path of the query endpoint that the run links use: {@code /kg/sparql} if there is such an endpoint, else
     * the first query endpoint; null if there is none.
     */
    public String queryPath() {
        return endpoints.stream().filter(e -> e.kind() == EndpointKind.QUERY)
                .min((a, b) -> Boolean.compare(!a.name().equals("sparql"), !b.name().equals("sparql")))
                .map(this::path).orElse(null);
    }

    /** The path of the first read-only Graph Store endpoint, e.g. {@code /kg/get}; null if there is none. */
    public String graphStorePath() {
        return endpoints.stream().filter(e -> e.kind() == EndpointKind.GRAPH_STORE_READ).findFirst()
                .map(this::path).orElse(null);
    }

    private String path(EndpointLink endpoint) {
        return "/" + serviceName + "/" + endpoint.name();
    }

    /** Renders the page as a complete HTML document. */
    public String render() {
        NumberFormat num = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        String queryPath = queryPath();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>alliance-kg SPARQL endpoint</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(SiteNav.STYLESHEET).append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"/static/home.css\">\n</head>\n<body>\n")
                .append(SiteNav.bar(serviceName, path -> path, "/"))
                .append("<main>\n<h1>alliance-kg</h1>\n")
                .append("<p>A knowledge graph of Japan&#39;s national security strategy and the U.S.-Japan alliance, ")
                .append("built from five source articles. Read only.</p>\n");

        h.append("<h2 id=\"explore\">Explore the data</h2>\n<ul id=\"pages\">\n");
        for (PageLink p : PAGES) {
            h.append("<li><a href=\"").append(esc(p.path())).append("\">").append(esc(p.name())).append("</a>: ")
                    .append(esc(p.explanation())).append("</li>\n");
        }
        h.append("<li>Resource pages: each IRI of the graph, <code>").append(esc(Iris.ID))
                .append("…</code>, is described at the same path here, as HTML or RDF by <code>Accept</code> ")
                .append("(e.g. <a href=\"/id/state/japan\"><code>/id/state/japan</code></a>, with its claims and ")
                .append("their quotes)</li>\n</ul>\n");

        h.append("<h2>Dataset</h2>\n<p id=\"size\"><span id=\"quads\">").append(num.format(summary.quads()))
                .append("</span> triples in <span id=\"graph-count\">").append(num.format(summary.graphs().size()))
                .append("</span> named graphs; the default graph, their union, holds <span id=\"default-triples\">")
                .append(num.format(summary.defaultTriples())).append("</span> distinct triples.</p>\n");

        h.append("<h2>Endpoints</h2>\n<ul id=\"endpoints\">\n");
        for (EndpointLink e : endpoints) {
            String path = path(e);
            h.append("<li><a href=\"").append(esc(path)).append("\"><code>").append(esc(path))
                    .append("</code></a>: ").append(esc(e.kind().description())).append("</li>\n");
        }
        h.append("</ul>\n<p>Without a query, <code>GET</code> on a query endpoint answers its SPARQL service ")
                .append("description (a page in a browser, RDF by <code>Accept</code>).</p>\n");

        h.append("<h2 id=\"").append(SiteNav.DOWNLOADS_ANCHOR).append("\">Downloads</h2>\n<ul id=\"dumps\">\n");
        String dump = "/dumps/" + Store.DUMP_NAME;
        h.append("<li><a href=\"").append(esc(dump)).append(".trig.gz\"><code>").append(esc(dump))
                .append(".trig.gz</code></a>: every named graph, as gzipped TriG</li>\n");
        h.append("<li><a href=\"").append(esc(dump)).append(".nq.gz\"><code>").append(esc(dump))
                .append(".nq.gz</code></a>: the same quads, as gzipped N-Quads (one per line)</li>\n</ul>\n");
        h.append("<p>The relation graph between the entities (articles are the evidence on its edges; ")
                .append("<code>?articles=true</code> adds them as nodes, <code>?query=</code> a SPARQL CONSTRUCT ")
                .append("selects a subgraph):</p>\n<ul id=\"exports\">\n");
        for (ExportFormat f : ExportFormat.values()) {
            String path = EXPORT_PATH + f.extension();
            h.append("<li><a href=\"").append(esc(path)).append("\"><code>").append(esc(path)).append("</code></a>: ")
                    .append(esc(exportExplanation(f))).append("</li>\n");
        }
        h.append("</ul>\n");

        h.append("<h2>Instances by class</h2>\n<table id=\"classes\">\n<thead><tr><th>class</th><th>instances</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (DatasetSummary.ClassCount c : summary.classes()) {
            String name = shortName(c.type());
            h.append("<tr><td>");
            if (queryPath != null && c.type().isURI() && writableIri(c.type().getURI())) {
                h.append("<a href=\"").append(esc(runLink(queryPath, instancesQuery(c.type())))).append("\">")
                        .append(esc(name)).append("</a>");
            } else {
                h.append(esc(name));
            }
            h.append("</td><td class=\"count\">").append(num.format(c.instances())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");

        h.append("<h2>Named graphs</h2>\n<table id=\"graphs\">\n<thead><tr><th>graph</th><th>triples</th>")
                .append("</tr></thead>\n<tbody>\n");
        String getPath = graphStorePath();
        for (DatasetSummary.GraphCount g : summary.graphs()) {
            String name = g.graph().isURI() ? g.graph().getURI() : g.graph().toString();
            h.append("<tr><td>");
            if (getPath != null && g.graph().isURI()) {
                String href = getPath + "?graph=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
                h.append("<a href=\"").append(esc(href)).append("\">").append(esc(name)).append("</a>");
            } else {
                h.append(esc(name));
            }
            h.append("</td><td class=\"count\">").append(num.format(g.statements())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");

        h.append("<h2>Example queries</h2>\n");
        if (queries.isEmpty()) {
            h.append("<p>No query files found.</p>\n");
        } else {
            h.append("<ol id=\"queries\">\n");
            for (ExampleQuery q : queries) {
                h.append("<li><span class=\"title\">").append(esc(q.title())).append("</span> <code>")
                        .append(esc(q.fileName())).append("</code>");
                if (queryPath != null) {
                    h.append(" <a class=\"run\" href=\"").append(esc(runLink(queryPath, q.text())))
                            .append("\">run</a>");
                }
                h.append("\n<details><summary>query</summary><pre>").append(esc(q.text()))
                        .append("</pre></details></li>\n");
            }
            h.append("</ol>\n");
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The link that runs {@code query} with HTTP GET at {@code path}. */
    static String runLink(String path, String query) {
        return path + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** A query listing the instances of a class with their labels; the class IRI must be {@link #writableIri}. */
    static String instancesQuery(Node type) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(
                "SELECT ?instance ?label WHERE { ?instance a ?class OPTIONAL { ?instance rdfs:label ?label } } "
                        + "ORDER BY ?instance ?label");
        pss.setNsPrefix("rdfs", Namespaces.RDFS);
        pss.setIri("class", type.getURI());
        return pss.toString();
    }

    /** Whether an IRI can be written between {@code <>} in SPARQL (no space, no {@code <>"{}|^`\\}). */
    static boolean writableIri(String iri) {
        return iri.chars().noneMatch(c -> c <= 0x20 || "<>\"{}|^`\\".indexOf(c) >= 0);
    }

    private static String shortName(Node node) {
        if (!node.isURI()) {
            return node.toString();
        }
        String uri = node.getURI();
        String shortForm = Namespaces.PREFIXES.shortForm(uri);
        return shortForm.equals(uri) ? "<" + uri + ">" : shortForm;
    }
}
