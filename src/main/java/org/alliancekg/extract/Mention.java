package org.alliancekg.extract;

import org.alliancekg.ingest.Entity;

/** One occurrence of a label or alias of an entity in an article body, with the sentence it stands in. */
public record Mention(Entity entity, String anchorText, Span span, Sentence sentence) {

    /** Checks the anchor fits the span and lies in the sentence. */
    public Mention {
        if (anchorText.codePointCount(0, anchorText.length()) != span.length()) {
            throw new IllegalArgumentException("anchor '" + anchorText + "' does not fit span " + span);
        }
        if (sentence != null && !sentence.span().contains(span)) {
            throw new IllegalArgumentException("mention " + span + " is outside its sentence " + sentence.span());
        }
    }
}
