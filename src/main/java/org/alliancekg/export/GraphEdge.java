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
 * @param evidence  the claims (or mentions) that support it, ordered by article and IRI: all of them, or the first
 *                  that a reader with an evidence limit read in full
 * @param weight    the number of supporting statement nodes (claims; mentions for {@code akg:mentions}), including
 *                  those left out of {@code evidence}
 * @param dates     the distinct dates of all the supporting claims, in date order
 * @param start     the first day the edge exists on a timeline: the earliest date of its evidence, but never before
 *                  either end node exists; empty when nothing dates it
 */
public record GraphEdge(String id, String source, String target, String predicate, String relation, String label,
                        List<Evidence> evidence, int weight, List<DateSpan> dates, Optional<LocalDate> start) {

    public GraphEdge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(label, "label");
        evidence = List.copyOf(evidence);
        dates = List.copyOf(dates);
        start = start == null ? Optional.empty() : start;
        if (weight < evidence.size()) {
            throw new IllegalArgumentException("weight " + weight + " of " + id + " is less than its "
                    + evidence.size() + " pieces of evidence");
        }
    }

    /** The number of supporting claims: the weight, unless the edge is supported by mentions. */
    public int claims() {
        return evidence.stream().anyMatch(x -> x.kind() == Evidence.Kind.MENTION) ? 0 : weight;
    }

    /** Whether some supporting statement nodes are counted in the weight but left out of the evidence. */
    public boolean evidenceCut() {
        return weight > evidence.size();
    }

    /** The distinct articles of the evidence (of the evidence given, when it is cut), in order. */
    public List<String> articles() {
        return evidence.stream().flatMap(e -> e.article().stream()).distinct().toList();
    }
}
