package org.alliancekg.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes Cytoscape JSON ({@code .cyjs}), read by Cytoscape.js ({@code cy.add(json.elements)}) and Cytoscape
 * desktop: {@code {"elements": {"nodes": [{"data": {...}, "position": {...}}], "edges": [{"data": {...}}]}}}.
 *
 * <p>Node data: {@code id} (the entity id), {@code label}, {@code iri}, {@code class}, {@code class_label},
 * {@code color}, {@code shape}, {@code wikidata}, {@code aliases}, {@code date} with the first and last day it
 * covers ({@code date_first}, {@code date_last}, {@code YYYY-MM-DD}), {@code end_date}, {@code start} (first day on
 * a timeline), {@code degree}, and {@code page} when a page link function is given. Edge data:
 * {@code id}, {@code source}, {@code target}, {@code relation}, {@code predicate}, {@code label}, {@code weight},
 * {@code claims}, {@code start}, and the evidence as parallel lists (one entry per claim or mention, in the same
 * order; an empty string where a claim has no value): {@code evidence_iris}, {@code evidence_quotes},
 * {@code evidence_articles}, {@code evidence_dates}, {@code evidence_characterizations}; plus the distinct
 * {@code articles} (of the evidence given) and {@code dates} (of all the claims). When a reader with an evidence
 * limit gave only some of the supporting claims, {@code evidence_shown} says how many the lists hold, and
 * {@code weight} still counts all. Values are strings, numbers or lists of strings only, as Cytoscape desktop
 * reads them.
 *
 * <pre>{@code
 * new CytoscapeJsonWriter().withPageLinks(iri -> links.href(iri)).write(graph, out);
 * }</pre>
 */
public final class CytoscapeJsonWriter implements GraphWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Function<String, String> pageLink;
    private final boolean positions;

    /** A writer without page links, with the {@link ForceLayout} positions. */
    public CytoscapeJsonWriter() {
        this(null, true);
    }

    private CytoscapeJsonWriter(Function<String, String> pageLink, boolean positions) {
        this.pageLink = pageLink;
        this.positions = positions;
    }

    /** A copy that adds {@code page} (the link to the node's page, from its IRI) to every node. */
    public CytoscapeJsonWriter withPageLinks(Function<String, String> link) {
        return new CytoscapeJsonWriter(Objects.requireNonNull(link, "link"), positions);
    }

    /** A copy with or without node positions (without: the client lays the graph out). */
    public CytoscapeJsonWriter withPositions(boolean include) {
        return new CytoscapeJsonWriter(pageLink, include);
    }

    @Override
    public void write(RelationGraph graph, OutputStream out) {
        try {
            JSON.writeValue(out, toJson(graph));
            out.flush();
        } catch (IOException e) {
            throw new ExportException("cannot write Cytoscape JSON", e);
        }
    }

    /** The document as a Jackson tree. */
    public ObjectNode toJson(RelationGraph graph) {
        Map<String, double[]> xy = positions ? ForceLayout.positions(graph) : Map.of();
        Map<String, Integer> degrees = Attributes.degrees(graph);
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", "1.0");
        root.put("generated_by", "alliance-kg");
        root.put("target_cytoscapejs_version", "~3.33");
        ObjectNode meta = root.putObject("data");
        meta.put("name", "alliance-kg");
        meta.put("description", GexfWriter.description(graph));
        meta.put("articles", graph.includesArticles());
        ObjectNode elements = root.putObject("elements");
        ArrayNode nodes = elements.putArray("nodes");
        for (GraphNode n : graph.nodes()) {
            ObjectNode el = nodes.addObject();
            ObjectNode d = el.putObject("data");
            d.put("id", n.id());
            d.put("label", n.label());
            d.put("iri", n.iri());
            d.put("class", n.nodeClass().localName());
            d.put("class_label", n.nodeClass().label());
            d.put("color", n.nodeClass().color());
            d.put("shape", n.nodeClass().shape().cytoscape());
            n.wikidata().ifPresent(q -> d.put("wikidata", q));
            ArrayNode aliases = d.putArray("aliases");
            n.aliases().forEach(aliases::add);
            n.date().ifPresent(x -> {
                d.put("date", x.lexical());
                d.put("date_first", x.first().toString());
                d.put("date_last", x.last().toString());
            });
            n.endDate().ifPresent(x -> d.put("end_date", x.lexical()));
            RelationGraph.start(n).ifPresent(x -> d.put("start", x.toString()));
            d.put("degree", degrees.get(n.id()));
            if (pageLink != null) {
                d.put("page", pageLink.apply(n.iri()));
            }
            double[] p = xy.get(n.id());
            if (p != null) {
                ObjectNode pos = el.putObject("position");
                pos.put("x", p[0]);
                pos.put("y", p[1]);
            }
        }
        ArrayNode edges = elements.putArray("edges");
        for (GraphEdge e : graph.edges()) {
            ObjectNode d = edges.addObject().putObject("data");
            d.put("id", e.id());
            d.put("source", e.source());
            d.put("target", e.target());
            d.put("relation", e.relation());
            d.put("predicate", e.predicate());
            d.put("label", e.label());
            d.put("weight", e.weight());
            d.put("claims", e.claims());
            if (e.evidenceCut()) {
                d.put("evidence_shown", e.evidence().size());
            }
            e.start().map(LocalDate::toString).ifPresent(s -> d.put("start", s));
            list(d, e, "evidence_iris", x -> Optional.of(x.iri()));
            list(d, e, "evidence_quotes", x -> Optional.of(x.quote()));
            list(d, e, "evidence_articles", Evidence::article);
            list(d, e, "evidence_dates", x -> x.date().map(DateSpan::lexical));
            list(d, e, "evidence_characterizations", Evidence::characterization);
            if (pageLink != null) {
                list(d, e, "evidence_pages", x -> Optional.of(pageLink.apply(x.iri())));
                list(d, e, "evidence_article_pages", x -> x.article().map(pageLink));
            }
            ArrayNode articles = d.putArray("articles");
            e.articles().forEach(articles::add);
            ArrayNode dates = d.putArray("dates");
            e.dates().forEach(x -> dates.add(x.lexical()));
        }
        return root;
    }

    private static void list(ObjectNode d, GraphEdge e, String name, Function<Evidence, Optional<String>> value) {
        ArrayNode a = d.putArray(name);
        for (Evidence x : e.evidence()) {
            a.add(value.apply(x).orElse(""));
        }
    }
}
