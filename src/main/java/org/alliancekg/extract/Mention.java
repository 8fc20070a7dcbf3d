package org.alliancekg.extract;

import java.util.List;

import org.alliancekg.ingest.Entity;

/**
 * One occurrence of a label or alias of an entity in an article body, with the sentence it stands in.
 *
 * <p>A resolved mention names its {@code entity} (and {@code candidates} is that one entity). A mention that
 * context cannot resolve has no entity ({@code null}) and two or more {@code candidates}, the entities it may
 * denote; see {@link MentionFinder}.
 */
public record Mention(Entity entity, List<Entity> candidates, String anchorText, Span span, Sentence sentence) {

    /** Checks the anchor fits the span and lies in the sentence, and the entity agrees with the candidates. */
    public Mention {
        if (anchorText.codePointCount(0, anchorText.length()) != span.length()) {
            throw new IllegalArgumentException("anchor '" + anchorText + "' does not fit span " + span);
        }
        if (sentence != null && !sentence.span().contains(span)) {
            throw new IllegalArgumentException("mention " + span + " is outside its sentence " + sentence.span());
        }
        candidates = entity != null && candidates == null ? List.of(entity) : List.copyOf(candidates);
        if (entity != null && !candidates.equals(List.of(entity))) {
            throw new IllegalArgumentException("resolved mention '" + anchorText + "' must have its entity as its only"
                    + " candidate");
        }
        if (entity == null && candidates.size() < 2) {
            throw new IllegalArgumentException("unresolved mention '" + anchorText + "' needs two or more candidates");
        }
    }

    /** A mention resolved to one entity. */
    public Mention(Entity entity, String anchorText, Span span, Sentence sentence) {
        this(java.util.Objects.requireNonNull(entity, "entity"), List.of(entity), anchorText, span, sentence);
    }

    /** Whether the mention names one entity ({@link #entity()} is not null). */
    public boolean resolved() {
        return entity != null;
    }

    /** The resolved mentions of the list, in order. */
    public static List<Mention> resolvedOnly(List<Mention> mentions) {
        return mentions.stream().filter(Mention::resolved).toList();
    }
}
