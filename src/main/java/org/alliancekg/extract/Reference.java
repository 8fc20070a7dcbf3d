package org.alliancekg.extract;

import java.util.Objects;

import org.alliancekg.ingest.Entity;

/**
 * A reference to a catalogue entity in a sentence, found by one of several means (see {@link How}); the input of
 * the {@link ClaimSuggester}. Unlike a {@link Mention}, a reference may be inferred and is never written to the
 * article graph.
 *
 * @param entity the entity referred to
 * @param span   code-point offsets of the words that refer to it (for {@link How#CONTEXT}, the words of the
 *               earlier sentence that named it)
 * @param text   those words
 * @param how    how the reference was found
 * @param anchor for {@link How#EVENT}: the entity through which the event was recognised (e.g. its series),
 *               else null
 */
public record Reference(Entity entity, Span span, String text, How how, Entity anchor) {

    /** How a reference was found, with the weight a suggestion built on it gets. */
    public enum How {
        /** A known label or alias (a {@link Mention}). */
        MENTION(1.0),
        /** A coordinated modifier: "ballistic" in "ballistic and cruise missiles" refers to ballistic missiles. */
        COORDINATION(0.9),
        /** A meeting or document recognised by what its label names and its date ("the 2+2 meeting on ..."). */
        EVENT(0.85),
        /** A definite description or pronoun ("the meeting", "the joint statement", "He", "the government"). */
        ANAPHORA(0.75),
        /** A capital or demonym standing for a state ("Tokyo is a member", "Japanese counterparts"). */
        METONYM(0.7),
        /** The meeting an earlier sentence was about, carried to a sentence that continues it. */
        CONTEXT(0.6);

        private final double weight;

        How(double weight) {
            this.weight = weight;
        }

        /** Factor applied to the confidence of a suggestion resting on such a reference. */
        public double weight() {
            return weight;
        }
    }

    /** Checks the required fields. */
    public Reference {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(text, "text");
    }

    /** A reference for a known mention. */
    public static Reference of(Mention m) {
        return new Reference(m.entity(), m.span(), m.anchorText(), How.MENTION, null);
    }

    /** The entity's id. */
    public String id() {
        return entity.id();
    }
}
