package org.alliancekg.explore;

import org.alliancekg.text.FullTextSearch;
import org.alliancekg.text.SearchException;
import org.alliancekg.text.SearchJson;
import org.alliancekg.text.SearchQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.export.CytoscapeJsonWriter;
import org.alliancekg.export.DateSpan;
import org.alliancekg.export.GraphNode;
import org.alliancekg.export.GraphSelection;
import org.alliancekg.export.NodeClass;
import org.alliancekg.export.RelationGraph;
import org.alliancekg.export.RelationGraphReader;
import org.alliancekg.publish.SiteLinks;
import org.alliancekg.serve.ExampleQuery;
import org.alliancekg.serve.HttpProblem;
import org.alliancekg.serve.ProblemWriter;
import org.alliancekg.sources.ClaimsAbout;
import org.alliancekg.sources.SourceView;
import org.alliancekg.sources.SourceViewReader;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The explorer's JSON API (GET only):
 * <ul>
 *   <li>{@code /api/search?q=TEXT[&limit=N][&articles=true]}: nodes whose label or alias contains the text (and, over
 *   the full-text index, {@code sentences} and {@code quotes} as on {@code /search}), best
 *       first ({@code {"query", "results": [{iri, id, label, class, class_label, color, matched, page}]}});</li>
 *   <li>{@code /api/neighbourhood?iri=IRI[&articles=true]}: the node, every relation touching it and the nodes at
 *       their other ends, as Cytoscape JSON with page links and the evidence's article titles
 *       ({@code evidence_article_titles}) (404 if the IRI is no node); an edge gives as many of its claims or
 *       mentions in full as a page shows of one fact ({@value ClaimsAbout#PER_FACT}; {@code evidence_shown} then
 *       says how many, and {@code weight} counts all);</li>
 *   <li>{@code /api/timeline}: meetings and strategy documents with their dates, in date order, and those without
 *       a date ({@code {"items": [...], "undated": [...]}});</li>
 *   <li>{@code /api/classes}: the node classes with label, colour and shape;</li>
 *   <li>{@code /api/queries}: the competency questions ({@code queries/cq/*.rq}), then the example queries
 *       ({@code queries/examples/*.rq}), each with title and text;</li>
 *   <li>{@code /api/sources?iri=IRI}: where sources disagree: every claim about the resource, article by article in
 *       date order, with modality, characterization, attribution, rank and quote ({@link SourcesJson}; 404 if the
 *       IRI is not in the data).</li>
 * </ul>
 * A missing or bad parameter answers 400 with {@code {"error": "..."}}.
 */
final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Largest number of search results. */
    static final int MAX_LIMIT = 100;

    private final transient Supplier<DatasetGraph> dataset;
    private final transient SiteLinks links;
    private final transient List<Path> queries;

    ApiServlet(Supplier<DatasetGraph> dataset, SiteLinks links, List<Path> queries) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.links = Objects.requireNonNull(links, "links");
        this.queries = List.copyOf(queries);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath();
        try {
            switch (path) {
                case "/api/search" -> search(req, resp);
                case "/api/neighbourhood" -> neighbourhood(req, resp);
                case "/api/timeline" -> timeline(resp);
                case "/api/classes" -> classes(resp);
                case "/api/queries" -> queries(resp);
                case "/api/sources" -> sources(req, resp);
                default -> throw HttpProblem.notFound("no API " + path);
            }
        } catch (HttpProblem e) {
            ProblemWriter.json(resp, e);
        }
    }


    private void search(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String q = req.getParameter("q");
        if (q == null || q.isBlank()) {
            throw HttpProblem.badRequest("parameter q (the text to search for) is missing");
        }
        int limit = 20;
        String l = req.getParameter("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                throw HttpProblem.badRequest("limit must be a number from 1 to " + MAX_LIMIT + ": " + l);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw HttpProblem.badRequest("limit must be a number from 1 to " + MAX_LIMIT + ": " + l);
            }
        }
        List<EntitySearch.Hit> hits = new EntitySearch(dataset.get(), articles(req)).search(q, limit);
        ObjectNode body = Json.object();
        body.put("query", q);
        ArrayNode results = body.putArray("results");
        for (EntitySearch.Hit h : hits) {
            ObjectNode r = node(h.node());
            r.put("matched", h.matched());
            results.add(r);
        }
        // with the full-text index: also the sentences and claim quotes that hold the words (see /search)
        if (FullTextSearch.hasIndex(dataset.get())) {
            try {
                SearchJson.addTexts(body, new FullTextSearch(dataset.get()).search(SearchQuery.of(q), limit));
            } catch (SearchException e) {
                throw HttpProblem.badRequest(e.getMessage());
            }
        }
        Json.send(resp, HttpServletResponse.SC_OK, body);
    }

    private void neighbourhood(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String iri = req.getParameter("iri");
        if (iri == null || iri.isBlank()) {
            throw HttpProblem.badRequest("parameter iri (the node to show) is missing");
        }
        RelationGraph g = RelationGraphReader.of(dataset.get()).withArticles(articles(req))
                .withEvidenceLimit(ClaimsAbout.PER_FACT).read(GraphSelection.around(Set.of(iri)));
        if (g.nodes().isEmpty()) {
            throw HttpProblem.notFound("not a node of the graph: " + iri);
        }
        ObjectNode body = new CytoscapeJsonWriter().withPageLinks(links::href).withPositions(false).toJson(g);
        addArticleTitles(body, dataset.get());
        body.put("center", iri);
        Json.send(resp, HttpServletResponse.SC_OK, body);
    }

    /**
     * Adds to every edge {@code evidence_article_titles}, parallel to {@code evidence_articles}: the article's
     * {@code dcterms:title}, else its {@code rdfs:label}, else the last segment of its IRI (empty where the evidence
     * names no article).
     */
    static void addArticleTitles(ObjectNode cyjs, DatasetGraph dataset) {
        Map<String, String> titles = new HashMap<>();
        Txn.executeRead(dataset, () -> {
            Graph union = dataset.getUnionGraph();
            for (JsonNode edge : cyjs.path("elements").path("edges")) {
                ArrayNode out = ((ObjectNode) edge.path("data")).putArray("evidence_article_titles");
                for (JsonNode article : edge.path("data").path("evidence_articles")) {
                    String a = article.asText();
                    out.add(a.isEmpty() ? "" : titles.computeIfAbsent(a, x -> title(union, x)));
                }
            }
        });
    }

    private static String title(Graph graph, String article) {
        Node a = NodeFactory.createURI(article);
        for (Node p : List.of(DCTerms.title.asNode(), RDFS.label.asNode())) {
            var it = graph.find(a, p, Node.ANY);
            try {
                while (it.hasNext()) {
                    Node o = it.next().getObject();
                    if (o.isLiteral()) {
                        return o.getLiteralLexicalForm();
                    }
                }
            } finally {
                it.close();
            }
        }
        return article.substring(article.lastIndexOf('/') + 1);
    }

    private void sources(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String iri = req.getParameter("iri");
        if (iri == null || iri.isBlank()) {
            throw HttpProblem.badRequest("parameter iri (the resource whose sources to show) is missing");
        }
        if (!SourceViewReader.isUsableIri(iri)) {
            throw HttpProblem.badRequest("iri must be an absolute IRI: " + iri);
        }
        Optional<SourceView> view = new SourceViewReader(dataset.get()).read(iri);
        if (view.isEmpty()) {
            throw HttpProblem.notFound("not in the graph: " + iri);
        }
        Json.send(resp, HttpServletResponse.SC_OK, SourcesJson.toJson(view.get(), links));
    }

    private void timeline(HttpServletResponse resp) throws IOException {
        List<GraphNode> nodes = RelationGraphReader.of(dataset.get())
                .nodes(EnumSet.of(NodeClass.MEETING, NodeClass.STRATEGY_DOCUMENT));
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        ArrayNode undated = body.putArray("undated");
        nodes.stream().filter(n -> n.date().isPresent())
                .sorted(Comparator.comparing((GraphNode n) -> n.date().orElseThrow()).thenComparing(GraphNode::label))
                .forEach(n -> items.add(node(n)));
        nodes.stream().filter(n -> n.date().isEmpty()).sorted(Comparator.comparing(GraphNode::label))
                .forEach(n -> undated.add(node(n)));
        Json.send(resp, HttpServletResponse.SC_OK, body);
    }

    private void classes(HttpServletResponse resp) throws IOException {
        ObjectNode body = Json.object();
        ArrayNode classes = body.putArray("classes");
        for (NodeClass c : NodeClass.values()) {
            ObjectNode o = classes.addObject();
            o.put("class", c.localName());
            o.put("label", c.label());
            o.put("color", c.color());
            o.put("shape", c.shape().cytoscape());
            o.put("entity", c.isEntity());
        }
        Json.send(resp, HttpServletResponse.SC_OK, body);
    }

    private void queries(HttpServletResponse resp) throws IOException {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("queries");
        for (ExampleQuery q : queries.stream().flatMap(dir -> ExampleQuery.readAll(dir).stream()).toList()) {
            ObjectNode o = list.addObject();
            o.put("file", q.fileName());
            o.put("title", q.title());
            o.put("text", q.text());
        }
        Json.send(resp, HttpServletResponse.SC_OK, body);
    }

    /** A node's summary for lists. */
    private ObjectNode node(GraphNode n) {
        ObjectNode o = Json.object();
        o.put("iri", n.iri());
        o.put("id", n.id());
        o.put("label", n.label());
        o.put("class", n.nodeClass().localName());
        o.put("class_label", n.nodeClass().label());
        o.put("color", n.nodeClass().color());
        n.wikidata().ifPresent(q -> o.put("wikidata", q));
        n.date().ifPresent(d -> {
            o.put("date", d.lexical());
            o.put("date_first", d.first().toString());
            o.put("date_last", d.last().toString());
        });
        n.endDate().map(DateSpan::lexical).ifPresent(d -> o.put("end_date", d));
        o.put("page", links.href(n.iri()));
        return o;
    }

    private static boolean articles(HttpServletRequest req) {
        String a = req.getParameter("articles");
        if (a == null || a.equals("false")) {
            return false;
        }
        if (a.equals("true")) {
            return true;
        }
        throw HttpProblem.badRequest("articles must be true or false: " + a);
    }
}
