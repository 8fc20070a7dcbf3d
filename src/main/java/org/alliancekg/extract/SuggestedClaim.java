package org.alliancekg.extract;

import java.util.Objects;

import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.PartialDate;
import org.alliancekg.vocab.ClaimPredicate;

/**
 * A claim proposed by automatic extraction: a triple of the vocabulary whose subject and object fit the
 * predicate's domain and range, with the sentence it comes from, a quote (the words of the sentence from the
 * first to the last piece of evidence) and its code-point offsets, the cue that triggered it, the rule that made
 * it and a confidence between 0 and 1. It is written as an {@code akg:SuggestedClaim} to the article's graph of
 * suggestions; its triple is never asserted.
 *
 * @param subject    the subject entity
 * @param predicate  the predicate
 * @param object     the object entity, or null for a literal predicate
 * @param value      the literal (lexical form) for a literal predicate, else null
 * @param sentence   the sentence
 * @param quote      the words supporting it, a substring of the sentence
 * @param quoteSpan  code-point offsets of the quote in the body
 * @param cue        the cue name and the words matched, e.g. {@code co-production: co-production}
 * @param rule       which rule made it, e.g. {@code posedBy:possessive}
 * @param confidence between 0 and 1
 */
public record SuggestedClaim(Entity subject, ClaimPredicate predicate, Entity object, String value,
                             Sentence sentence, String quote, Span quoteSpan, String cue, String rule,
                             double confidence) {

    /** Checks domain, range, literal kind, the quote and the confidence. */
    public SuggestedClaim {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(rule, "rule");
        if (!predicate.allowsSubject(subject.kind())) {
            throw new IllegalArgumentException(subject.id() + " is not in the domain of " + predicate);
        }
        if (predicate.isLiteral()) {
            if (object != null || value == null) {
                throw new IllegalArgumentException(predicate + " takes a literal value");
            }
            if (predicate.literal() == ClaimPredicate.LiteralKind.DATE) {
                PartialDate.parse(value);
            }
        } else {
            if (object == null || value != null) {
                throw new IllegalArgumentException(predicate + " takes an entity object");
            }
            if (!predicate.allowsObject(object.kind())) {
                throw new IllegalArgumentException(object.id() + " is not in the range of " + predicate);
            }
            if (object.id().equals(subject.id())) {
                throw new IllegalArgumentException(subject.id() + " " + predicate + " itself");
            }
        }
        if (quote == null || quote.isEmpty() || quote.codePointCount(0, quote.length()) != quoteSpan.length()) {
            throw new IllegalArgumentException("quote '" + quote + "' does not fit span " + quoteSpan);
        }
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1]: " + confidence);
        }
    }

    /** Whether the candidate's subject and object (or value) fit the predicate (for rules, before building). */
    public static boolean fits(Entity subject, ClaimPredicate predicate, Entity object) {
        return predicate.allowsSubject(subject.kind()) && !predicate.isLiteral()
                && predicate.allowsObject(object.kind()) && !subject.id().equals(object.id());
    }

    /** The object id or the literal value. */
    public String objectOrValue() {
        return object != null ? object.id() : value;
    }

    /** {@code subject predicate object} in entity ids, e.g. {@code state/japan memberOf alliance/quad}. */
    public String triple() {
        return subject.id() + " " + predicate.name() + " " + (object != null ? object.id() : "\"" + value + "\"");
    }
}
