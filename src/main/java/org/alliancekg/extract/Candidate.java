package org.alliancekg.extract;

import java.util.List;

/**
 * A name in an article that matches no label or alias of the catalogue: a candidate for a new entity, for a
 * person to review. Never asserted as a fact.
 *
 * @param name     the name as written (the first occurrence's spelling)
 * @param kindHint a guess at its kind: {@code person}, {@code organization}, {@code place}, {@code system} or
 *                 {@code unknown}
 * @param spans    code-point offsets of every occurrence, in order
 */
public record Candidate(String name, String kindHint, List<Span> spans) {

    /** Checks there is at least one occurrence. */
    public Candidate {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a candidate needs a name");
        }
        spans = List.copyOf(spans);
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one occurrence: " + name);
        }
    }

    /** Number of occurrences. */
    public int count() {
        return spans.size();
    }
}
