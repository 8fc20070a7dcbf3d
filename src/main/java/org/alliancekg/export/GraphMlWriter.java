package org.alliancekg.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes GraphML that yEd draws and every GraphML reader understands: standard {@code <key>} declarations
 * ({@code attr.name}, {@code attr.type}) for the label, the {@link Attributes} and the weight, plus yEd's
 * {@code nodegraphics}/{@code edgegraphics} keys holding a {@code y:ShapeNode} (label, fill colour and shape by class,
 * position from {@link ForceLayout}) and a {@code y:PolyLineEdge} (arrow, label). Readers that do not know yEd
 * skip those two keys. Node ids are {@code n0, n1, ...} and edge ids {@code e0, ...} (GraphML ids are XML name
 * tokens, which {@code state/japan} is not); the entity id is the {@code entity} attribute.
 *
 * <p>Written by hand with the JDK's XML stream writer: JGraphT 1.5.2's {@code GraphMLExporter} writes the standard
 * keys but cannot declare yEd's {@code yfiles.type} keys or write their XML content.
 */
public final class GraphMlWriter implements GraphWriter {

    /** The GraphML namespace. */
    public static final String NS = "http://graphml.graphdrawing.org/xmlns";
    /** yEd's GraphML extension namespace. */
    public static final String YED = "http://www.yworks.com/xml/graphml";

    private record Key(String id, String target, String name, String type) {
    }

    @Override
    public void write(RelationGraph graph, OutputStream out) {
        Map<String, double[]> positions = ForceLayout.positions(graph);
        List<Key> nodeKeys = new ArrayList<>();
        List<Key> edgeKeys = new ArrayList<>();
        int k = 0;
        nodeKeys.add(new Key("d" + k++, "node", "label", "string"));
        nodeKeys.add(new Key("d" + k++, "node", "entity", "string"));
        for (Attributes.Def<GraphNode> d : Attributes.NODE) {
            nodeKeys.add(new Key("d" + k++, "node", d.name(), type(d.type())));
        }
        nodeKeys.add(new Key("d" + k++, "node", "url", "string"));
        nodeKeys.add(new Key("d" + k++, "node", "description", "string"));
        String nodeGraphics = "d" + k++;
        edgeKeys.add(new Key("d" + k++, "edge", "label", "string"));
        edgeKeys.add(new Key("d" + k++, "edge", "weight", "double"));
        for (Attributes.Def<GraphEdge> d : Attributes.EDGE) {
            edgeKeys.add(new Key("d" + k++, "edge", d.name(), type(d.type())));
        }
        String edgeGraphics = "d" + k;

        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < graph.nodes().size(); i++) {
            ids.put(graph.nodes().get(i).id(), "n" + i);
        }
        try (XmlOut xml = new XmlOut(out)) {
            xml.open("graphml").namespace("", NS).namespace("y", YED)
                    .namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
                    .attribute("xsi:schemaLocation", NS + " http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd");
            xml.comment(GexfWriter.description(graph));
            for (Key key : nodeKeys) {
                xml.empty("key", "id", key.id(), "for", key.target(), "attr.name", key.name(),
                        "attr.type", key.type());
            }
            xml.empty("key", "id", nodeGraphics, "for", "node", "yfiles.type", "nodegraphics");
            for (Key key : edgeKeys) {
                xml.empty("key", "id", key.id(), "for", key.target(), "attr.name", key.name(),
                        "attr.type", key.type());
            }
            xml.empty("key", "id", edgeGraphics, "for", "edge", "yfiles.type", "edgegraphics");
            xml.open("graph", "id", "alliance-kg", "edgedefault", "directed");
            for (GraphNode n : graph.nodes()) {
                xml.open("node", "id", ids.get(n.id()));
                Map<String, String> values = new HashMap<>();
                values.put("label", n.label());
                values.put("entity", n.id());
                for (Attributes.Def<GraphNode> d : Attributes.NODE) {
                    values.put(d.name(), d.value().apply(n));
                }
                values.put("url", n.iri());
                values.put("description", n.nodeClass().label() + n.wikidata().map(q -> ", Wikidata " + q).orElse(""));
                data(xml, nodeKeys, values);
                xml.open("data", "key", nodeGraphics);
                shapeNode(xml, n, positions.get(n.id()));
                xml.end();
                xml.end();
            }
            for (int i = 0; i < graph.edges().size(); i++) {
                GraphEdge e = graph.edges().get(i);
                xml.open("edge", "id", "e" + i, "source", ids.get(e.source()), "target", ids.get(e.target()));
                Map<String, String> values = new HashMap<>();
                values.put("label", e.label());
                values.put("weight", Integer.toString(e.weight()));
                for (Attributes.Def<GraphEdge> d : Attributes.EDGE) {
                    values.put(d.name(), d.value().apply(e));
                }
                data(xml, edgeKeys, values);
                xml.open("data", "key", edgeGraphics);
                xml.open("y:PolyLineEdge");
                xml.empty("y:LineStyle", "color", "#555555", "type", "line",
                        "width", num(1 + Math.log1p(e.weight())));
                xml.empty("y:Arrows", "source", "none", "target", "standard");
                xml.text("y:EdgeLabel", e.label(), "fontSize", "10", "textColor", "#333333");
                xml.end();
                xml.end();
                xml.end();
            }
            xml.end();
            xml.end();
        }
    }

    private static void shapeNode(XmlOut xml, GraphNode n, double[] position) {
        double width = Math.max(60, 7 * n.label().length() + 20);
        double height = 30;
        xml.open("y:ShapeNode");
        xml.empty("y:Geometry", "x", num(position[0] - width / 2), "y", num(position[1] - height / 2),
                "width", num(width), "height", num(height));
        xml.empty("y:Fill", "color", n.nodeClass().color().toUpperCase(Locale.ROOT), "transparent", "false");
        xml.empty("y:BorderStyle", "color", "#333333", "type", "line", "width", "1.0");
        xml.text("y:NodeLabel", n.label(), "fontSize", "12", "textColor", "#000000");
        xml.empty("y:Shape", "type", n.nodeClass().shape().yed());
        xml.end();
    }

    private static void data(XmlOut xml, List<Key> keys, Map<String, String> values) {
        for (Key key : keys) {
            String v = values.get(key.name());
            if (v != null) {
                xml.text("data", v, "key", key.id());
            }
        }
    }

    private static String type(Attributes.Type type) {
        return type == Attributes.Type.INTEGER ? "int" : "string";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
