package org.alliancekg.bench;

import java.util.Comparator;

import org.alliancekg.ingest.Claim;
import org.alliancekg.ingest.PartialDate;
import org.alliancekg.vocab.ClaimPredicate;

/**
 * A statement the synthetic corpus may claim again: subject, predicate, object or value, and the source's own
 * words (characterization) and date, taken from a curated claim of the real corpus. The quote is not part of a
 * fact: each synthetic article words it anew.
 */
record Fact(String subject, ClaimPredicate predicate, String object, String value, String characterization,
            PartialDate date) {

    /** Orders facts by their fields, so that the fact list does not depend on file or map order. */
    static final Comparator<Fact> ORDER = Comparator.comparing(Fact::key);

    /** The fact stated by a curated claim (its quote and occurrence dropped). */
    static Fact of(Claim c) {
        return new Fact(c.subject(), c.predicate(), c.object(), c.value(), c.characterization(), c.date());
    }

    /** Whether the subject is an article ({@code article/<id>}); such facts cannot be reused by another article. */
    boolean aboutArticle() {
        return subject.startsWith(Claim.ARTICLE_PREFIX);
    }

    /** Subject, predicate and object or value: an article states each at most once. */
    String statement() {
        return subject + "|" + predicate.name() + "|" + (object != null ? object : "=" + value);
    }

    /** A stable text key of every field. */
    String key() {
        return subject + "|" + predicate.name() + "|" + (object != null ? object : "=" + value) + "|"
                + (characterization == null ? "" : characterization) + "|" + (date == null ? "" : date.lexical());
    }
}
