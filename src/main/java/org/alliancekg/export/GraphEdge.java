package org.alliancekg.export;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An edge of the {@link RelationGraph}: one triple {@code source predicate target} between two nodes, with the
 * statement nodes that support it.
 *
 * @param id        a stable id, {@code source-id predicate-name target-id}
 * @param source    the subject node's id
 * @param target    the object node's id
 * @param predicate the property IRI
 * @param relation  the property's short name: the akg local name ({@code namesThreat}), or a prefixed name
 *                  ({@code dcterms:creator}) for other vocabularies
 * @param label     the property's {@code rdfs:label} ({@code names threat}), or the relation name
 * @param evidence  the claims (or mentions) that support it, ordered by article and IRI
 * @param start     the first day the edge exists on a timeline: the earliest date of its evidence, but never before
 *                  either end node exists; empty when nothing dates it
 */
public record GraphEdge(String id, String source, String target, String predicate, String relation, String label,
                        List<Evidence> evidence, Optional<LocalDate> start) {

    public GraphEdge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(label, "label");
        evidence = List.copyOf(evidence);
        start = start == null ? Optional.empty() : start;
    }

    /** The weight: the number of supporting statement nodes (claims; mentions for {@code akg:mentions}). */
    public int weight() {
        return evidence.size();
    }

    /** The distinct articles of the evidence, in order. */
    public List<String> articles() {
        return evidence.stream().flatMap(e -> e.article().stream()).distinct().toList();
    }

    /** The distinct dates of the evidence, in date order. */
    public List<DateSpan> dates() {
        return evidence.stream().flatMap(e -> e.date().stream()).distinct().sorted().toList();
    }
}
