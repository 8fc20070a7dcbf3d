package org.alliancekg.serve;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;

import org.alliancekg.store.Store;
import org.alliancekg.export.ExportFormat;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ParameterizedSparqlString;

/**
 * The HTML home page of the server: the site's pages (explorer, timeline, query editor, ontology, VoID,
 * reconciliation), what the dataset holds (statements, named graphs, instances per class), the endpoints, the
 * downloads (dumps and graph exports), and the example queries, each with a link that opens it in the query editor
 * ({@code /query}) and runs it there, as do the class counts. Rendered from {@code templates/home.mustache}, which
 * HTML-escapes every text from the data or the query files.
 *
 * <pre>{@code
 * String html = new HomePage("kg", endpoints, DatasetSummary.of(dataset), queries).render();
 * }</pre>
 *
 * @param serviceName the Fuseki service name, e.g. {@code kg}
 * @param endpoints   the service's endpoints, in the order to show
 * @param summary     the counts to show; null while they are being counted (the page says so)
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

    /** Renders the page as a complete HTML document ({@code templates/home.mustache}). */
    public String render() {
        NumberFormat num = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        boolean runnable = queryPath() != null;
        List<Link> endpointLinks = endpoints.stream()
                .map(e -> new Link(path(e), e.kind().description())).toList();
        List<Link> exports = java.util.Arrays.stream(ExportFormat.values())
                .map(f -> new Link(EXPORT_PATH + f.extension(), exportExplanation(f))).toList();
        boolean counted = summary != null;
        DatasetSummary shown = counted ? summary : new DatasetSummary(0, 0, List.of(), List.of());
        List<Row> classes = shown.classes().stream().map(c -> new Row(shortName(c.type()),
                runnable && c.type().isURI() && writableIri(c.type().getURI())
                        ? runLink(instancesQuery(c.type())) : null,
                num.format(c.instances()))).toList();
        String getPath = graphStorePath();
        List<Row> graphs = shown.graphs().size() > MAX_GRAPH_ROWS ? graphFamilies(shown.graphs(), num, getPath)
                : shown.graphs().stream().map(g -> graphRow(g, num, getPath)).toList();
        List<QueryItem> items = queries.stream().map(q -> new QueryItem(q.title(), q.fileName(), q.text(),
                runnable ? runLink(q.text()) : null)).toList();
        return Templates.render("home", new Scope(SiteNav.STYLESHEET, SiteNav.bar(serviceName, path -> path, "/"),
                PAGES, Iris.ID, counted, num.format(shown.quads()), num.format(shown.graphs().size()),
                num.format(shown.defaultTriples()), endpointLinks, SiteNav.DOWNLOADS_ANCHOR,
                "/dumps/" + Store.DUMP_NAME, exports, classes, graphs, items, !items.isEmpty()));
    }

    /**
     * Above this many named graphs (a corpus of thousands of articles has two per article) the table lists each
     * family of graphs once: the graphs whose IRIs share everything up to the last {@code /}, with how many there are
     * and their triples together.
     */
    static final int MAX_GRAPH_ROWS = 100;

    private static List<Row> graphFamilies(List<DatasetSummary.GraphCount> graphs, NumberFormat num, String getPath) {
        TreeMap<String, List<DatasetSummary.GraphCount>> families = new TreeMap<>();
        for (DatasetSummary.GraphCount g : graphs) {
            String name = graphName(g);
            families.computeIfAbsent(name.substring(0, name.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(g);
        }
        List<Row> rows = new ArrayList<>();
        families.forEach((prefix, members) -> {
            if (members.size() == 1) {
                rows.add(graphRow(members.get(0), num, getPath));
            } else {
                long triples = members.stream().mapToLong(DatasetSummary.GraphCount::statements).sum();
                rows.add(new Row(prefix + "\u2026 (" + num.format(members.size()) + " graphs)", null,
                        num.format(triples)));
            }
        });
        return rows;
    }

    private static Row graphRow(DatasetSummary.GraphCount g, NumberFormat num, String getPath) {
        String name = graphName(g);
        String href = getPath != null && g.graph().isURI()
                ? getPath + "?graph=" + URLEncoder.encode(name, StandardCharsets.UTF_8) : null;
        return new Row(name, href, num.format(g.statements()));
    }

    private static String graphName(DatasetSummary.GraphCount g) {
        return g.graph().isURI() ? g.graph().getURI() : g.graph().toString();
    }

    /** The template's values ({@code bar} is markup made by {@link SiteNav}). */
    record Scope(String stylesheet, String bar, List<PageLink> pages, String idBase, boolean counted, String quads,
                 String graphCount, String defaultTriples, List<Link> endpoints, String downloadsAnchor, String dump,
                 List<Link> exports,
                 List<Row> classes, List<Row> graphs, List<QueryItem> queries, boolean hasQueries) {
    }

    /** A link with a one-line description. */
    record Link(String path, String description) {
    }

    /** A table row: a name, linked when {@code href} is not null, and a formatted count. */
    record Row(String name, String href, String count) {
    }

    /** An example query; {@code run} is null when the server has no query endpoint. */
    record QueryItem(String title, String file, String text, String run) {
    }

    /** The query editor's page, where the run links open their queries. */
    static final String QUERY_PAGE = "/query";

    /**
     * The link that opens {@code query} in the query editor ({@code /query}) and runs it there:
     * {@code /query?query=...&run=1}.
     */
    static String runLink(String query) {
        return QUERY_PAGE + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&run=1";
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
