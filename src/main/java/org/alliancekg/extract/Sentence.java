package org.alliancekg.extract;

/** A sentence of an article body: its code-point span and its text. */
public record Sentence(Span span, String text) {

    /** Checks the text's length matches the span. */
    public Sentence {
        if (text == null || text.codePointCount(0, text.length()) != span.length()) {
            throw new IllegalArgumentException("sentence text does not fit its span " + span);
        }
    }
}
