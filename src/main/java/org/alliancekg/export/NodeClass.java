package org.alliancekg.export;

import java.util.Arrays;
import java.util.Optional;

import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.EntityKind;

/**
 * The classes whose individuals become nodes of the relation graph, each with the colour and shape every export
 * and the explorer draw it with (one palette for Gephi, yEd, Graphviz, Cytoscape and the browser).
 *
 * <p>The eleven entity classes of the vocabulary are nodes of every graph; {@link #ARTICLE} only when articles are
 * asked for. {@code akg:Claim} and {@code akg:Mention} are never nodes: they are the evidence carried by the edges.
 *
 * <pre>{@code
 * NodeClass.fromIri("https://w3id.org/alliance-kg/ontology#State"); // Optional[STATE]
 * NodeClass.STATE.color();                                           // "#1f77b4"
 * }</pre>
 */
public enum NodeClass {
    STATE("State", "state", "#1f77b4", Shape.ELLIPSE),
    PERSON("Person", "person", "#ff7f0e", Shape.ELLIPSE),
    ORGANIZATION("Organization", "organization", "#8c564b", Shape.ROUND_RECTANGLE),
    ALLIANCE("Alliance", "alliance", "#17becf", Shape.HEXAGON),
    STRATEGY_DOCUMENT("StrategyDocument", "strategy document", "#2ca02c", Shape.RECTANGLE),
    CAPABILITY("Capability", "capability", "#9467bd", Shape.DIAMOND),
    MEETING("Meeting", "meeting", "#d62728", Shape.OCTAGON),
    MEETING_SERIES("MeetingSeries", "meeting series", "#e377c2", Shape.OCTAGON),
    THREAT("Threat", "threat", "#bcbd22", Shape.TRIANGLE),
    PLACE("Place", "place", "#7f7f7f", Shape.ELLIPSE),
    POSITION("Position", "position", "#aec7e8", Shape.ROUND_RECTANGLE),
    DECISION("Decision", "decision", "#ff9896", Shape.HEXAGON),
    QUANTITY("Quantity", "quantity", "#c5b0d5", Shape.RECTANGLE),
    EXERCISE("Exercise", "exercise", "#98df8a", Shape.OCTAGON),
    ARTICLE("Article", "article", "#c7c7c7", Shape.RECTANGLE);

    /** A node shape, named as yEd names it, with Graphviz's and Cytoscape.js's names for the same figure. */
    public enum Shape {
        ELLIPSE("ellipse", "ellipse", "ellipse"),
        RECTANGLE("rectangle", "box", "rectangle"),
        ROUND_RECTANGLE("roundrectangle", "box", "round-rectangle"),
        HEXAGON("hexagon", "hexagon", "hexagon"),
        OCTAGON("octagon", "octagon", "octagon"),
        DIAMOND("diamond", "diamond", "diamond"),
        TRIANGLE("triangle", "triangle", "triangle");

        private final String yed;
        private final String graphviz;
        private final String cytoscape;

        Shape(String yed, String graphviz, String cytoscape) {
            this.yed = yed;
            this.graphviz = graphviz;
            this.cytoscape = cytoscape;
        }

        /** The yEd {@code y:Shape type}. */
        public String yed() {
            return yed;
        }

        /** The Graphviz {@code shape}. */
        public String graphviz() {
            return graphviz;
        }

        /** The Cytoscape.js {@code shape}. */
        public String cytoscape() {
            return cytoscape;
        }
    }

    private final String localName;
    private final String label;
    private final String color;
    private final Shape shape;

    NodeClass(String localName, String label, String color, Shape shape) {
        this.localName = localName;
        this.label = label;
        this.color = color;
        this.shape = shape;
    }

    /** The akg class local name, e.g. {@code StrategyDocument}. */
    public String localName() {
        return localName;
    }

    /** The class IRI. */
    public String iri() {
        return AKG.iri(localName);
    }

    /** A lower-case English label, e.g. {@code strategy document}. */
    public String label() {
        return label;
    }

    /** The fill colour as {@code #rrggbb}. */
    public String color() {
        return color;
    }

    /** Red, green and blue of {@link #color()}, 0-255 each. */
    public int[] rgb() {
        int v = Integer.parseInt(color.substring(1), 16);
        return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }

    /** The shape. */
    public Shape shape() {
        return shape;
    }

    /** Whether this is the class of an entity of the catalogue (every class but {@link #ARTICLE}). */
    public boolean isEntity() {
        return this != ARTICLE;
    }

    /** The node class of an akg class IRI. */
    public static Optional<NodeClass> fromIri(String iri) {
        return Arrays.stream(values()).filter(c -> c.iri().equals(iri)).findFirst();
    }

    /** The node class of an entity kind. */
    public static NodeClass of(EntityKind kind) {
        return Arrays.stream(values()).filter(c -> c.localName.equals(kind.className())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node class for " + kind));
    }
}
