package org.alliancekg.ingest;

import java.util.regex.Pattern;

import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.EntityKind;
import org.alliancekg.vocab.Iris;

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
                    String value, String quote, int occurrence, String characterization, PartialDate date) {

    /** Prefix of a subject that is an article rather than an entity. */
    public static final String ARTICLE_PREFIX = "article/";

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
        if (!problems.isEmpty()) {
            throw source == null ? new InputException(problems.list())
                    : new InputException(problems.list().stream().map(p -> p.at(source)).toList());
        }
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
