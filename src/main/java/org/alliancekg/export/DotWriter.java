package org.alliancekg.export;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.ExportException;
import org.jgrapht.nio.dot.DOTExporter;

/**
 * Writes Graphviz DOT with JGraphT's {@link DOTExporter}: a {@code digraph} whose nodes are filled with their
 * class colour, shaped by class and link ({@code URL}) to their IRI, and whose edges are labelled with the relation,
 * weighted by the number of supporting claims and drawn thicker for more. Every {@link Attributes attribute} is
 * written too (Graphviz keeps attributes it does not use). Node ids are {@code n0, n1, ...}; the entity id is the
 * {@code entity} attribute.
 */
public final class DotWriter implements GraphWriter {

    @Override
    public void write(RelationGraph graph, OutputStream out) {
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < graph.nodes().size(); i++) {
            ids.put(graph.nodes().get(i).id(), "n" + i);
        }
        DOTExporter<GraphNode, GraphEdge> exporter = new DOTExporter<>(n -> ids.get(n.id()));
        exporter.setGraphIdProvider(() -> "alliance_kg");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", quoted(GexfWriter.description(graph)));
            a.put("labelloc", quoted("t"));
            a.put("rankdir", quoted("LR"));
            a.put("fontname", quoted("Helvetica"));
            return a;
        });
        exporter.setVertexAttributeProvider(n -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", text(n.label()));
            a.put("entity", text(n.id()));
            a.put("shape", text(n.nodeClass().shape().graphviz()));
            a.put("style", text(n.nodeClass().shape() == NodeClass.Shape.ROUND_RECTANGLE ? "filled,rounded" : "filled"));
            a.put("fillcolor", text(n.nodeClass().color()));
            a.put("fontname", text("Helvetica"));
            a.put("URL", text(n.iri()));
            a.put("tooltip", text(n.label() + " (" + n.nodeClass().label() + ")"));
            for (Attributes.Def<GraphNode> d : Attributes.NODE) {
                put(a, d, n);
            }
            return a;
        });
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", text(e.label()));
            a.put("weight", DefaultAttribute.createAttribute(e.weight()));
            a.put("penwidth", text(String.format(Locale.ROOT, "%.1f", 1 + Math.log1p(e.weight()))));
            a.put("fontname", text("Helvetica"));
            a.put("fontsize", text("10"));
            if (!e.evidence().isEmpty()) {
                a.put("tooltip", text(e.evidence().get(0).quote()));
            }
            for (Attributes.Def<GraphEdge> d : Attributes.EDGE) {
                put(a, d, e);
            }
            return a;
        });
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            exporter.exportGraph(graph.toJGraphT(), w);
            w.flush();
        } catch (ExportException | java.io.IOException e) {
            throw new org.alliancekg.export.ExportException("cannot write DOT", e);
        }
    }

    private static <T> void put(Map<String, Attribute> attributes, Attributes.Def<T> def, T element) {
        String v = def.value().apply(element);
        if (v != null) {
            attributes.put(def.name(), def.type() == Attributes.Type.INTEGER
                    ? DefaultAttribute.createAttribute(Integer.parseInt(v)) : text(v));
        }
    }

    /** A graph attribute value, which JGraphT writes as it is: quoted and escaped here. */
    private static Attribute quoted(String value) {
        return DefaultAttribute.createAttribute("\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }

    /** A quoted DOT string; JGraphT escapes double quotes, backslashes are doubled here. */
    private static Attribute text(String value) {
        return DefaultAttribute.createAttribute(value.replace("\\", "\\\\"));
    }
}
