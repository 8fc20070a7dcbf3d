package org.alliancekg.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The attributes the file exports (GEXF, GraphML, DOT) attach to nodes and edges, defined once so that every
 * format names and fills them the same way. Lists are flattened: IRIs and dates separated by a space, texts by
 * {@value #TEXT_SEPARATOR}; {@code evidence} holds every supporting statement node as a JSON array, lossless.
 */
final class Attributes {

    /** Separator of texts (aliases, quotes, characterizations) in one attribute value. */
    static final String TEXT_SEPARATOR = " | ";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The value type of an attribute. */
    enum Type { STRING, INTEGER }

    /**
     * One attribute.
     *
     * @param name  its name (GEXF attribute id and title, GraphML {@code attr.name}, DOT attribute)
     * @param type  its value type
     * @param value its value for an element; null when the element has none
     */
    record Def<T>(String name, Type type, Function<T, String> value) {
    }

    /** Node attributes (the label is written by each format in its own way). */
    static final List<Def<GraphNode>> NODE = List.of(
            new Def<>("iri", Type.STRING, GraphNode::iri),
            new Def<>("class", Type.STRING, n -> n.nodeClass().localName()),
            new Def<>("class_label", Type.STRING, n -> n.nodeClass().label()),
            new Def<>("wikidata", Type.STRING, n -> n.wikidata().orElse(null)),
            new Def<>("aliases", Type.STRING, n -> n.aliases().isEmpty() ? null
                    : String.join(TEXT_SEPARATOR, n.aliases())),
            new Def<>("date", Type.STRING, n -> n.date().map(DateSpan::lexical).orElse(null)),
            new Def<>("end_date", Type.STRING, n -> n.endDate().map(DateSpan::lexical).orElse(null)));

    /** Edge attributes (label and weight are written by each format in its own way). */
    static final List<Def<GraphEdge>> EDGE = List.of(
            new Def<>("predicate", Type.STRING, GraphEdge::predicate),
            new Def<>("relation", Type.STRING, GraphEdge::relation),
            new Def<>("claims", Type.INTEGER, e -> Integer.toString(e.claims())),
            new Def<>("claim_iris", Type.STRING, e -> join(e.evidence().stream()
                    .filter(x -> x.kind() == Evidence.Kind.CLAIM).map(Evidence::iri).toList(), " ")),
            new Def<>("quotes", Type.STRING, e -> join(e.evidence().stream().map(Evidence::quote)
                    .filter(q -> !q.isEmpty()).distinct().toList(), TEXT_SEPARATOR)),
            new Def<>("articles", Type.STRING, e -> join(e.articles(), " ")),
            new Def<>("dates", Type.STRING, e -> join(e.dates().stream().map(DateSpan::lexical).toList(), " ")),
            new Def<>("characterizations", Type.STRING, e -> join(e.evidence().stream()
                    .flatMap(x -> x.characterization().stream()).distinct().toList(), TEXT_SEPARATOR)),
            new Def<>("evidence", Type.STRING, e -> e.evidence().isEmpty() ? null : evidenceJson(e.evidence())));

    private Attributes() {
    }

    private static String join(List<String> values, String separator) {
        return values.isEmpty() ? null : String.join(separator, values);
    }

    /** The evidence as a JSON array of objects {iri, kind, article, quote, characterization, date}. */
    static String evidenceJson(List<Evidence> evidence) {
        try {
            return JSON.writeValueAsString(evidenceMaps(evidence));
        } catch (JsonProcessingException e) {
            throw new ExportException("cannot write evidence as JSON", e);
        }
    }

    /** The evidence as maps (absent fields left out), for JSON writers. */
    static List<Map<String, String>> evidenceMaps(List<Evidence> evidence) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Evidence x : evidence) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("iri", x.iri());
            m.put("kind", x.kind().name().toLowerCase(java.util.Locale.ROOT));
            x.article().ifPresent(a -> m.put("article", a));
            m.put("quote", x.quote());
            x.characterization().ifPresent(c -> m.put("characterization", c));
            x.date().ifPresent(d -> m.put("date", d.lexical()));
            out.add(m);
        }
        return out;
    }

    /** Degree (in + out) of every node id. */
    static Map<String, Integer> degrees(RelationGraph graph) {
        Map<String, Integer> degree = graph.nodes().stream()
                .collect(Collectors.toMap(GraphNode::id, n -> 0, (a, b) -> a, LinkedHashMap::new));
        for (GraphEdge e : graph.edges()) {
            degree.merge(e.source(), 1, Integer::sum);
            degree.merge(e.target(), 1, Integer::sum);
        }
        return degree;
    }

    /** A node size growing with its degree. */
    static double size(int degree) {
        return Math.round((8 + 4 * Math.sqrt(degree)) * 10) / 10.0;
    }
}
