package org.alliancekg.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.ArticleReader;
import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.vocab.Iris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body texts of the corpus articles, for showing quotes and mentions in context. The graph holds each
 * article's {@code akg:textSha256}, not its text: the text is read from {@code data/articles/{id}.md} and used only
 * when its SHA-256 equals the graph's, so offsets are never applied to a text they were not computed on.
 */
final class ArticleTexts {

    private static final Logger LOG = LoggerFactory.getLogger("akg.publish");

    /** An article body, or the reason there is none. */
    record Text(String body, String problem) {
        boolean available() {
            return body != null;
        }
    }

    private final ProjectLayout layout;
    private final Map<String, Article> cache = new ConcurrentHashMap<>();

    ArticleTexts(ProjectLayout layout) {
        this.layout = layout;
    }

    /** The article id of an article IRI ({@code akr:article/{id}}), if it is one. */
    static Optional<String> articleId(String iri) {
        String prefix = Iris.ID + "article/";
        if (iri == null || !iri.startsWith(prefix)) {
            return Optional.empty();
        }
        String id = iri.substring(prefix.length());
        return Iris.ARTICLE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /**
     * The body of the article with this IRI, checked against the graph's hash ({@code expectedSha256}, may be null
     * when the graph has none: then the text is not trusted either).
     */
    Text body(String articleIri, String expectedSha256) {
        Optional<String> id = articleId(articleIri);
        if (id.isEmpty()) {
            return new Text(null, "not an article IRI");
        }
        Path file = layout.articlesDir().resolve(id.get() + ArticleReader.SUFFIX);
        if (!Files.isRegularFile(file)) {
            return new Text(null, "the article text is not available on this server");
        }
        Article article;
        try {
            article = cache.computeIfAbsent(id.get(), k -> new ArticleReader(layout).read(file));
        } catch (InputException e) {
            LOG.warn("cannot read {}: {}", layout.display(file), e.getMessage());
            return new Text(null, "the article file cannot be read");
        }
        if (expectedSha256 == null || !expectedSha256.equals(article.textSha256())) {
            cache.remove(id.get());
            return new Text(null, "the article text on this server differs from the one the graph was built from");
        }
        return new Text(article.body(), null);
    }
}
