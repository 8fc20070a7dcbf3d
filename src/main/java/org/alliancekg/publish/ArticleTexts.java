package org.alliancekg.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.NIF;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * The body texts of the corpus articles, for showing quotes and mentions in context, read from the database: each
 * article's graph holds its body as {@code nif:isString} beside its {@code akg:textSha256}. A body is used only when
 * its SHA-256 equals the hash the caller read from the graph, so offsets are never applied to a text they were not
 * computed on.
 */
final class ArticleTexts {

    /** An article body, or the reason there is none. */
    record Text(String body, String problem) {
        boolean available() {
            return body != null;
        }
    }

    private final Supplier<DatasetGraph> dataset;

    ArticleTexts(Supplier<DatasetGraph> dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
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
        DatasetGraph dsg = dataset.get();
        Node graph = NodeFactory.createURI(Iris.articleGraph(id.get()));
        Node article = NodeFactory.createURI(articleIri);
        String body = Txn.calculateRead(dsg, () -> {
            Iterator<Quad> it = dsg.find(graph, article, NIF.isString.asNode(), Node.ANY);
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral()) {
                    return o.getLiteralLexicalForm();
                }
            }
            return null;
        });
        if (body == null) {
            return new Text(null, "the database holds no text of this article");
        }
        if (expectedSha256 == null || !expectedSha256.equals(sha256(body))) {
            return new Text(null, "the article text in the database differs from the one its offsets were computed on");
        }
        return new Text(body, null);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
