package org.alliancekg.evaluate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.alliancekg.extract.ArticleExtractor;
import org.alliancekg.extract.Extraction;
import org.alliancekg.extract.Mention;
import org.alliancekg.extract.SuggestedClaim;
import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.Claim;
import org.alliancekg.ingest.ClaimsFile;
import org.alliancekg.ingest.Corpus;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.vocab.ClaimPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the suggested claims against the curated ones: for every article that has a claims file, the curated
 * claims are the gold standard. A suggestion matches a gold claim with the same subject, predicate and object (for
 * a literal predicate, the same value); {@code cooperatesWith} is symmetric, so its pairs match in either order.
 * Repeated triples count once. Precision and recall are given per article, per predicate and overall (summed over
 * articles), for all suggestions and for the confident ones. The gold standard is the curated claims that assert their
 * triple (not those the article only considers, recommends or denies, nor deprecated ones) with a predicate the
 * extractor has rules for ({@link ArticleExtractor#SUGGESTED_PREDICATES}); decisions, figures and the other terms of
 * vocabulary 2 are curated by hand.
 *
 * <pre>{@code
 * Evaluation e = new Evaluator(ProjectLayout.detect()).evaluate();
 * System.out.println(e.overall().precision());
 * }</pre>
 */
public final class Evaluator {

    private static final Logger LOG = LoggerFactory.getLogger("akg.evaluate");

    /** The confidence from which a suggestion counts as confident. */
    public static final double CONFIDENT = 0.5;

    private final ProjectLayout layout;

    /** An evaluator for this project's data. */
    public Evaluator(ProjectLayout layout) {
        this.layout = layout;
    }

    /** The evaluation of the whole corpus: the articles that have curated claims. */
    public Evaluation evaluate() {
        Corpus corpus = Corpus.read(layout);
        ArticleExtractor extractor = new ArticleExtractor(corpus.catalog());
        List<ArticleEvaluation> out = new ArrayList<>();
        for (Article a : corpus.articles()) {
            List<Claim> gold = corpus.claims().stream().filter(cf -> cf.article().equals(a.id()))
                    .map(ClaimsFile::claims).flatMap(List::stream)
                    .filter(c -> c.qualifiers().asserts())
                    .filter(c -> ArticleExtractor.SUGGESTED_PREDICATES.contains(c.predicate())).toList();
            if (gold.isEmpty()) {
                LOG.info("{}: no curated claims, not evaluated", a.id());
                continue;
            }
            out.add(evaluate(extractor.extract(a), gold));
        }
        return new Evaluation(out);
    }

    /** Scores one article's extraction against its curated claims. */
    public static ArticleEvaluation evaluate(Extraction x, List<Claim> gold) {
        Set<String> goldKeys = new HashSet<>();
        for (Claim c : gold) {
            goldKeys.add(key(c.subject(), c.predicate(), c.objectOrValue()));
        }
        Set<String> suggested = new HashSet<>();
        Set<String> confident = new HashSet<>();
        for (SuggestedClaim s : x.suggestions()) {
            String k = key(s.subject().id(), s.predicate(), s.objectOrValue());
            suggested.add(k);
            if (s.confidence() >= CONFIDENT) {
                confident.add(k);
            }
        }
        Map<String, Score> byPredicate = new TreeMap<>();
        for (ClaimPredicate p : ClaimPredicate.values()) {
            Set<String> g = only(goldKeys, p);
            Set<String> s = only(suggested, p);
            if (!g.isEmpty() || !s.isEmpty()) {
                byPredicate.put(p.name(), score(g, s));
            }
        }
        Set<String> missed = new HashSet<>(goldKeys);
        missed.removeAll(suggested);
        Set<String> wrong = new HashSet<>(suggested);
        wrong.removeAll(goldKeys);
        int entities = (int) Mention.resolvedOnly(x.mentions()).stream().map(Mention::entity).distinct()
                .count();
        return new ArticleEvaluation(x.article().id(), score(goldKeys, suggested), score(goldKeys, confident),
                byPredicate, x.mentions().size(), entities, x.dates().size(), x.candidates().size(), missed, wrong);
    }

    /** The key of a triple: {@code subject predicate object}, a symmetric predicate's pair in sorted order. */
    static String key(String subject, ClaimPredicate p, String objectOrValue) {
        String s = subject;
        String o = objectOrValue;
        if (p == ClaimPredicate.cooperatesWith && s.compareTo(o) > 0) {
            s = objectOrValue;
            o = subject;
        }
        return s + " " + p.name() + " " + (p.isLiteral() ? "\"" + o + "\"" : o);
    }

    private static Set<String> only(Set<String> keys, ClaimPredicate p) {
        Set<String> out = new HashSet<>();
        for (String k : keys) {
            if (k.split(" ", 3)[1].equals(p.name())) {
                out.add(k);
            }
        }
        return out;
    }

    private static Score score(Set<String> gold, Set<String> suggested) {
        Set<String> both = new HashSet<>(gold);
        both.retainAll(suggested);
        return new Score(gold.size(), suggested.size(), both.size());
    }
}
