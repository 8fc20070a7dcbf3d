package org.alliancekg.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.alliancekg.vocab.ActionStatus;
import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.Concept;
import org.alliancekg.vocab.EntityKind;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Modality;
import org.alliancekg.vocab.Rank;

/**
 * One curated claim of an article: subject (an entity id, or {@code article/<id>}), predicate, and exactly one
 * of object (entity id) or value (literal), with the verbatim quote that supports it, which occurrence of the
 * quote in the body (1-based), the source's own characterization (must occur inside the quote, ignoring case)
 * and when the
 * fact holds.
 *
 * <p>Whether the quote occurs in the body and whether the subject and object exist and fit the predicate's
 * domain and range are checked when the graph is assembled.
 */
public record Claim(Source source, String article, String subject, ClaimPredicate predicate, String object,
                    String value, String quote, int occurrence, String characterization, PartialDate date,
                    Qualifiers qualifiers) {

    /**
     * What vocabulary 2 says about a claim beyond its triple: how the article puts it (modalities), to whom it
     * attributes it (an actor id, and the article's words), its time span, and its rank.
     */
    public record Qualifiers(List<Modality> modalities, String accordingTo, String attribution,
                             PartialDate startDate, PartialDate endDate, boolean ended, Rank rank,
                             String rankReason) {

        /** A stated claim of normal rank with no attribution or time span. */
        public static final Qualifiers NONE = new Qualifiers(List.of(), null, null, null, null, false, Rank.NORMAL,
                null);

        /** Normalises null to empty and normal rank. */
        public Qualifiers {
            modalities = modalities == null ? List.of() : List.copyOf(modalities);
            rank = rank == null ? Rank.NORMAL : rank;
        }

        /** Whether the claim asserts its triple: every modality asserts and the rank is not deprecated. */
        public boolean asserts() {
            return rank != Rank.DEPRECATED && modalities.stream().allMatch(Modality::asserts);
        }
    }

    /** A claim without vocabulary-2 qualifiers. */
    public Claim(Source source, String article, String subject, ClaimPredicate predicate, String object,
                 String value, String quote, int occurrence, String characterization, PartialDate date) {
        this(source, article, subject, predicate, object, value, quote, occurrence, characterization, date,
                Qualifiers.NONE);
    }

    /** Prefix of a subject that is an article rather than an entity. */
    public static final String ARTICLE_PREFIX = "article/";

    private static final Pattern DURATION = Pattern.compile("P(?=\\d)(\\d+Y)?(\\d+M)?(\\d+D)?");

    private static final Pattern ARTICLE_REF = Pattern.compile("article/(" + Iris.ARTICLE_ID.pattern() + ")");

    /** Checks every field; throws {@link InputException} listing each broken rule at the source. */
    public Claim {
        Problems problems = new Problems();
        if (article == null || !Iris.ARTICLE_ID.matcher(article).matches()) {
            problems.add(Problem.field("article", "'" + article + "' is not an article id"));
        }
        if (subject == null || subject.isBlank()) {
            problems.add(Problem.field("subject", "required"));
        } else if (!isEntityId(subject) && !ARTICLE_REF.matcher(subject).matches()) {
            problems.add(Problem.field("subject", "'" + subject
                    + "' is not an entity id (kind/slug with a known kind) or article/<article-id>"));
        }
        if (predicate == null) {
            problems.add(Problem.field("predicate", "required; one of " + ClaimPredicate.names()));
        } else if (predicate.isLiteral()) {
            if (object != null) {
                problems.add(Problem.field("object", "'" + predicate.name()
                        + "' takes a literal: use value, not object"));
            }
            if (value == null || value.isBlank()) {
                problems.add(Problem.field("value", "required for '" + predicate.name() + "'"));
            } else if (predicate.literal() == ClaimPredicate.LiteralKind.DATE) {
                try {
                    PartialDate.parse(value);
                } catch (InputException e) {
                    problems.add(Problem.field("value", e.problems().get(0).rule()));
                }
            } else if (predicate.literal() == ClaimPredicate.LiteralKind.DURATION && !DURATION.matcher(value).matches()) {
                problems.add(Problem.field("value", "'" + value + "' is not an xsd:duration like P5Y or P18M"));
            } else if (predicate.literal() == ClaimPredicate.LiteralKind.STATUS
                    && Concept.fromNotation(ActionStatus.class, value).isEmpty()) {
                problems.add(Problem.field("value", "unknown status '" + value + "'; one of "
                        + Concept.notations(ActionStatus.class)));
            }
        } else {
            if (value != null) {
                problems.add(Problem.field("value", "'" + predicate.name()
                        + "' links two entities: use object, not value"));
            }
            if (object == null || object.isBlank()) {
                problems.add(Problem.field("object", "required for '" + predicate.name() + "'"));
            } else if (!isEntityId(object)) {
                problems.add(Problem.field("object", "'" + object
                        + "' is not an entity id (kind/slug with a known kind)"));
            }
        }
        if (quote == null || quote.isBlank()) {
            problems.add(Problem.field("quote", "required, must not be empty"));
        }
        if (occurrence < 1) {
            problems.add(Problem.field("occurrence", occurrence + " is not a 1-based occurrence number"));
        }
        if (characterization != null) {
            if (characterization.isBlank()) {
                problems.add(Problem.field("characterization", "must not be empty when given"));
            } else if (quote != null && !quote.toLowerCase(java.util.Locale.ROOT)
                    .contains(characterization.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(Problem.field("characterization", "'" + characterization
                        + "' does not occur inside the quote"));
            }
        }
        qualifiers = qualifiers == null ? Qualifiers.NONE : qualifiers;
        checkQualifiers(qualifiers, quote, problems);
        if (!problems.isEmpty()) {
            throw source == null ? new InputException(problems.list())
                    : new InputException(problems.list().stream().map(p -> p.at(source)).toList());
        }
    }

    private static void checkQualifiers(Qualifiers q, String quote, Problems problems) {
        if (q.accordingTo() != null) {
            EntityKind kind = isEntityId(q.accordingTo()) ? EntityKind.ofId(q.accordingTo()).orElseThrow() : null;
            if (kind == null || !kind.isActor()) {
                problems.add(Problem.field("accordingTo", "'" + q.accordingTo()
                        + "' is not the id of an Actor (state/, person/, organization/, alliance/)"));
            }
        }
        if (q.attribution() != null) {
            if (q.attribution().isBlank()) {
                problems.add(Problem.field("attribution", "must not be empty when given"));
            } else if (quote != null && !quote.toLowerCase(Locale.ROOT)
                    .contains(q.attribution().toLowerCase(Locale.ROOT))) {
                problems.add(Problem.field("attribution", "'" + q.attribution() + "' does not occur inside the quote"));
            }
        }
        if (q.rank() == Rank.DEPRECATED && (q.rankReason() == null || q.rankReason().isBlank())) {
            problems.add(Problem.field("rankReason", "required with rank deprecated: say why the statement is wrong"));
        }
        if (q.rank() != Rank.DEPRECATED && q.rankReason() != null && q.modalities().isEmpty()
                && q.rank() == Rank.NORMAL) {
            problems.add(Problem.field("rankReason", "given without a rank: set rank (preferred or deprecated)"));
        }
        if (q.startDate() != null && q.endDate() != null && certainlyAfter(q.startDate(), q.endDate())) {
            problems.add(Problem.field("endDate", q.endDate().lexical() + " is before startDate "
                    + q.startDate().lexical()));
        }
        if (q.ended() && q.endDate() != null) {
            problems.add(Problem.field("ended", "give either ended (end unknown) or endDate, not both"));
        }
    }

    /** Whether {@code a} is after {@code b} at the precision both share ("2015" is after "2014-06"). */
    private static boolean certainlyAfter(PartialDate a, PartialDate b) {
        int n = Math.min(a.lexical().length(), b.lexical().length());
        return a.lexical().substring(0, n).compareTo(b.lexical().substring(0, n)) > 0;
    }

    /** Whether the subject is an article ({@code article/<id>}) rather than an entity. */
    public boolean subjectIsArticle() {
        return subject.startsWith(ARTICLE_PREFIX);
    }

    /** The article id of an article subject. */
    public String subjectArticleId() {
        return subjectIsArticle() ? subject.substring(ARTICLE_PREFIX.length()) : null;
    }

    /** The IRI of the subject. */
    public String subjectIri() {
        return subjectIsArticle() ? Iris.article(subjectArticleId()) : Iris.entity(subject);
    }

    /** The object id or the literal value (as used in the claim hash). */
    public String objectOrValue() {
        return object != null ? object : value;
    }

    /** The date-typed value of a date predicate. */
    public PartialDate dateValue() {
        return PartialDate.parse(value);
    }

    /** {@code claims[i].quote} style path of a field, for messages. */
    public Problem problem(String field, String rule) {
        return source != null ? source.problem(field, rule) : Problem.field(field, rule);
    }

    private static boolean isEntityId(String id) {
        return Iris.ENTITY_ID.matcher(id).matches() && EntityKind.ofId(id).isPresent();
    }
}
