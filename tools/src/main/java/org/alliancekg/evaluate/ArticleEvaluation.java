package org.alliancekg.evaluate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the extraction did on one article.
 *
 * @param articleId        the article
 * @param all              all suggestions against the article's curated claims
 * @param confident        suggestions with confidence at least {@link Evaluator#CONFIDENT} against the same gold
 * @param byPredicate      all suggestions per predicate
 * @param mentions         mentions of known entities found
 * @param mentionedEntities distinct entities mentioned
 * @param dates            dates found
 * @param candidates       candidate entities found
 * @param missed           gold triples not suggested
 * @param wrong            suggested triples not in the gold
 */
public record ArticleEvaluation(String articleId, Score all, Score confident, Map<String, Score> byPredicate,
                                int mentions, int mentionedEntities, int dates, int candidates, Set<String> missed,
                                Set<String> wrong) {

    /** Copies the collections. */
    public ArticleEvaluation {
        byPredicate = Map.copyOf(byPredicate);
        missed = Set.copyOf(missed);
        wrong = Set.copyOf(wrong);
    }

    /** Gold triples not suggested, sorted. */
    public List<String> missedSorted() {
        return missed.stream().sorted().toList();
    }

    /** Suggested triples not in the gold, sorted. */
    public List<String> wrongSorted() {
        return wrong.stream().sorted().toList();
    }
}
