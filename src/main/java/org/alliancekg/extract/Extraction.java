package org.alliancekg.extract;

import java.util.List;

import org.alliancekg.ingest.Article;

/**
 * Everything automatic extraction finds in one article: sentences, mentions of known entities, dates, candidate
 * entities (names the catalogue lacks; none from an extractor made {@link ArticleExtractor#withoutCandidates()}) and
 * suggested claims. Made once per article by {@link ArticleExtractor#extract(Article)}; a build turns it into the
 * article's graphs.
 */
public record Extraction(Article article, List<Sentence> sentences, List<Mention> mentions, List<ResolvedDate> dates,
                         List<Candidate> candidates, List<SuggestedClaim> suggestions) {

    /** Copies the lists. */
    public Extraction {
        sentences = List.copyOf(sentences);
        mentions = List.copyOf(mentions);
        dates = List.copyOf(dates);
        candidates = List.copyOf(candidates);
        suggestions = List.copyOf(suggestions);
    }
}
