package org.alliancekg.build;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.alliancekg.extract.Extraction;
import org.alliancekg.ingest.Article;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.Quad;

/**
 * An article read, checked and turned into its graphs, ready to go into a database: the article graph
 * ({@code .../graph/article/{id}}: metadata, mentions, sentences, the claim nodes of {@code data/claims/{id}.yaml}),
 * the graph of suggested claims ({@code .../graph/suggested/{id}}) and the facts it asserts (added to
 * {@code .../graph/facts}), built exactly as a full build builds them.
 *
 * @param article        the article
 * @param bytes          the file's bytes (copied into {@code data/articles/{id}.md})
 * @param articleGraph   the article graph
 * @param suggestedGraph the graph of suggested claims
 * @param facts          the facts the article asserts (plain triples of its asserted claims, minted agents)
 * @param extraction     what extraction found (mentions, dates, candidates, suggestions)
 * @param claims         curated claims in the article graph
 */
public record PreparedArticle(Article article, byte[] bytes, Model articleGraph, Model suggestedGraph,
                              Model facts, Extraction extraction, int claims) {

    /** Copies the bytes. */
    public PreparedArticle {
        bytes = Arrays.copyOf(bytes, bytes.length);
    }

    /** The article id. */
    public String id() {
        return article.id();
    }

    /** The file's bytes (a copy). */
    @Override
    public byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    /** The quads of the article graph and of the graph of suggestions. */
    Set<Quad> quads(Node articleGraphName, Node suggestedGraphName) {
        Set<Quad> out = new HashSet<>();
        articleGraph.getGraph().find().forEachRemaining(t -> out.add(Quad.create(articleGraphName, t)));
        suggestedGraph.getGraph().find().forEachRemaining(t -> out.add(Quad.create(suggestedGraphName, t)));
        return out;
    }
}
