package org.alliancekg.extract;

/** One family of suggestion rules (a predicate or a few related ones), applied to one sentence at a time. */
interface SuggestionRule {

    /** Adds the suggestions this sentence supports. */
    void apply(SentenceView v, Suggestions out);
}
