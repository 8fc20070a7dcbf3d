package org.alliancekg.explore;

import org.alliancekg.text.FullTextSearch;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.alliancekg.export.GraphNode;
import org.alliancekg.export.RelationGraphReader;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Finds nodes of the relation graph by their {@code rdfs:label} and {@code skos:altLabel}, ignoring case and
 * accents. Best first: the whole label, the whole alias, a label or alias that starts with the text, one with a
 * word that starts with it, one that contains it; then alphabetically. On the served dataset the candidates come from
 * the full-text index ({@link FullTextSearch#nameCandidates}: every word of the text begins a word of the label or
 * alias); without an index (a plain dataset) every label of the curated data is scanned.
 *
 * <pre>{@code
 * List<EntitySearch.Hit> hits = new EntitySearch(dataset).search("Kishida", 20);
 * }</pre>
 */
final class EntitySearch {

    /**
     * One result.
     *
     * @param node    the node found
     * @param matched the label or alias that matched
     * @param rank    0 for the best kind of match, higher for weaker ones
     */
    record Hit(GraphNode node, String matched, int rank) {
    }

    /** The most nodes the text index hands over for ranking. */
    private static final int MAX_CANDIDATES = 10_000;

    private final DatasetGraph dataset;
    private final boolean articles;

    EntitySearch(DatasetGraph dataset, boolean articles) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.articles = articles;
    }

    /** The best {@code limit} nodes whose label or alias contains {@code text}. */
    List<Hit> search(String text, int limit) {
        String q = normalize(text);
        if (q.isEmpty()) {
            return List.of();
        }
        Map<String, Match> best = new HashMap<>();
        // with the full-text index, only the nodes a label or alias of which has words starting as the query's
        Set<String> candidates = FullTextSearch.hasIndex(dataset)
                ? new FullTextSearch(dataset).nameCandidates(text, true, 0, MAX_CANDIDATES) : null;
        Txn.executeRead(dataset, () -> {
            Graph g = RelationGraphReader.curatedGraph(dataset);
            scan(g, RDFS.label.asNode(), 0, q, candidates, best);
            scan(g, SKOS.altLabel.asNode(), 1, q, candidates, best);
        });
        List<GraphNode> nodes = RelationGraphReader.of(dataset).withArticles(articles).describe(best.keySet());
        List<Hit> hits = new ArrayList<>();
        for (GraphNode n : nodes) {
            Match m = best.get(n.iri());
            hits.add(new Hit(n, m.text(), m.rank()));
        }
        hits.sort(Comparator.comparingInt(Hit::rank)
                .thenComparing(h -> h.node().label().toLowerCase(Locale.ROOT))
                .thenComparing(h -> h.node().id()));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    private record Match(String text, int rank) {
    }

    /** Labels rank {@code 2k}, aliases {@code 2k + 1} for the k-th kind of match. */
    private static void scan(Graph g, Node property, int offset, String q, Set<String> candidates,
                             Map<String, Match> best) {
        g.find(Node.ANY, property, Node.ANY).forEachRemaining(t -> {
            if (!t.getSubject().isURI() || !t.getObject().isLiteral()
                    || candidates != null && !candidates.contains(t.getSubject().getURI())) {
                return;
            }
            String text = t.getObject().getLiteralLexicalForm();
            int kind = kind(normalize(text), q);
            if (kind < 0) {
                return;
            }
            Match m = new Match(text, 2 * kind + offset);
            best.merge(t.getSubject().getURI(), m, (a, b) -> a.rank() <= b.rank() ? a : b);
        });
    }

    /** 0 equal, 1 starts with, 2 a word starts with, 3 contains, -1 no match. */
    static int kind(String value, String q) {
        if (value.equals(q)) {
            return 0;
        }
        if (value.startsWith(q)) {
            return 1;
        }
        int at = value.indexOf(q);
        if (at < 0) {
            return -1;
        }
        while (at >= 0) {
            if (at == 0 || !Character.isLetterOrDigit(value.charAt(at - 1))) {
                return 2;
            }
            at = value.indexOf(q, at + 1);
        }
        return 3;
    }

    /** Lower case, accents dropped, runs of white space as one space, trimmed. */
    static String normalize(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
