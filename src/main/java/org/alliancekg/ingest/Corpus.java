package org.alliancekg.ingest;

import java.util.List;
import java.util.Optional;

/**
 * Everything read from {@code data/}: the articles, the entity catalogue and the claims files.
 *
 * <pre>{@code
 * Corpus corpus = Corpus.read(ProjectLayout.detect());
 * }</pre>
 */
public record Corpus(List<Article> articles, EntityCatalog catalog, List<ClaimsFile> claims) {

    /** Copies the lists. */
    public Corpus {
        articles = List.copyOf(articles);
        claims = List.copyOf(claims);
    }

    /**
     * Reads articles, entities and claims; the problems of every file of every kind are reported together in
     * one {@link InputException}.
     */
    public static Corpus read(ProjectLayout layout) {
        Problems problems = new Problems();
        List<Article> articles = problems.collect(() -> new ArticleReader(layout).readAll());
        EntityCatalog catalog = problems.collect(() -> new EntityCatalogReader(layout).readAll());
        List<ClaimsFile> claims = problems.collect(() -> new ClaimsReader(layout).readAll());
        problems.throwIfAny();
        return new Corpus(articles, catalog, claims);
    }

    /** The article with this id. */
    public Optional<Article> article(String id) {
        return articles.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Total number of claims. */
    public int claimCount() {
        return claims.stream().mapToInt(c -> c.claims().size()).sum();
    }
}
