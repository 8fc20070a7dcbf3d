package org.alliancekg.export;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes GEXF 1.3 for Gephi, with {@code mode="dynamic"}: nodes and edges carry a {@code start} date (see
 * {@link RelationGraphReader} for how they are dated) and no end, so Gephi's timeline replays the graph growing
 * meeting by meeting; undated elements are always present. Edges have {@code kind} = the relation (so Gephi keeps
 * parallel edges of different relations apart), {@code label} and {@code weight} = the number of supporting claims;
 * attributes as {@link Attributes}; {@code viz} colour by class, size by degree, and positions from
 * {@link ForceLayout}.
 *
 * <p>Written by hand with the JDK's XML stream writer: JGraphT 1.5.2's {@code GEXFExporter} writes static GEXF 1.2
 * only (no {@code mode}, {@code start}/{@code end}, {@code kind} or {@code viz}).
 */
public final class GexfWriter implements GraphWriter {

    /** The GEXF 1.3 namespace. */
    public static final String NS = "http://gexf.net/1.3";
    /** The GEXF 1.3 visualization namespace. */
    public static final String VIZ = "http://gexf.net/1.3/viz";

    @Override
    public void write(RelationGraph graph, OutputStream out) {
        Map<String, double[]> positions = ForceLayout.positions(graph);
        Map<String, Integer> degrees = Attributes.degrees(graph);
        try (XmlOut xml = new XmlOut(out)) {
            xml.open("gexf", "version", "1.3")
                    .namespace("", NS).namespace("viz", VIZ)
                    .namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
                    .attribute("xsi:schemaLocation", NS + " http://gexf.net/1.3/gexf.xsd");
            xml.open("meta");
            xml.text("creator", "alliance-kg");
            xml.text("description", description(graph));
            xml.end();
            xml.open("graph", "mode", "dynamic", "defaultedgetype", "directed", "timeformat", "date",
                    "timerepresentation", "interval");
            declare(xml, "node", Attributes.NODE);
            declare(xml, "edge", Attributes.EDGE);

            xml.open("nodes");
            for (GraphNode n : graph.nodes()) {
                xml.open("node", "id", n.id(), "label", n.label(),
                        "start", RelationGraph.start(n).map(LocalDate::toString).orElse(null));
                values(xml, Attributes.NODE, n);
                int[] rgb = n.nodeClass().rgb();
                xml.empty("viz:color", "r", Integer.toString(rgb[0]), "g", Integer.toString(rgb[1]),
                        "b", Integer.toString(rgb[2]));
                double[] p = positions.get(n.id());
                xml.empty("viz:position", "x", num(p[0]), "y", num(-p[1]), "z", "0.0");
                xml.empty("viz:size", "value", num(Attributes.size(degrees.get(n.id()))));
                xml.end();
            }
            xml.end();

            xml.open("edges");
            for (GraphEdge e : graph.edges()) {
                xml.open("edge", "id", e.id(), "source", e.source(), "target", e.target(), "kind", e.relation(),
                        "label", e.label(), "weight", num(e.weight()),
                        "start", e.start().map(LocalDate::toString).orElse(null));
                values(xml, Attributes.EDGE, e);
                xml.end();
            }
            xml.end();
            xml.end();
            xml.end();
        }
    }

    static String description(RelationGraph graph) {
        return "alliance-kg relation graph: " + graph.nodes().size() + " nodes (entities"
                + (graph.includesArticles() ? " and articles" : "; articles left out") + "), "
                + graph.edges().size() + " edges (relations; weight = supporting claims)";
    }

    private static <T> void declare(XmlOut xml, String target, List<Attributes.Def<T>> defs) {
        xml.open("attributes", "class", target, "mode", "static");
        for (Attributes.Def<T> d : defs) {
            xml.empty("attribute", "id", d.name(), "title", d.name(),
                    "type", d.type() == Attributes.Type.INTEGER ? "integer" : "string");
        }
        xml.end();
    }

    private static <T> void values(XmlOut xml, List<Attributes.Def<T>> defs, T element) {
        xml.open("attvalues");
        for (Attributes.Def<T> d : defs) {
            String v = d.value().apply(element);
            if (v != null) {
                xml.empty("attvalue", "for", d.name(), "value", v);
            }
        }
        xml.end();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
