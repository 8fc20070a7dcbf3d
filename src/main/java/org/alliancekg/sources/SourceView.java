package org.alliancekg.sources;

import java.util.List;
import java.util.Objects;

/**
 * Where sources disagree: for one entity, what each article says about it, article by article in date order
 * (undated articles last, then by id).
 *
 * @param entity   the entity, with its label
 * @param articles one account per article with a claim whose subject or object is the entity
 */
public record SourceView(Term entity, List<ArticleAccount> articles) {

    public SourceView {
        Objects.requireNonNull(entity, "entity");
        if (entity.isLiteral()) {
            throw new IllegalArgumentException("the entity of a source view is an IRI: " + entity.label());
        }
        articles = List.copyOf(articles);
    }

    /** The number of claims over all articles. */
    public int claimCount() {
        return articles.stream().mapToInt(a -> a.claims().size()).sum();
    }
}
