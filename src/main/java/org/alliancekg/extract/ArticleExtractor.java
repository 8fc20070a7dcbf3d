package org.alliancekg.extract;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.vocab.ClaimPredicate;

/**
 * Runs every extraction step on an article: sentences ({@link SentenceSplitter}), mentions ({@link MentionFinder}),
 * dates resolved against the article's date ({@link DateExtractor}), candidate entities
 * ({@link CandidateEntityFinder}) and suggested claims ({@link ClaimSuggester}).
 *
 * <pre>{@code
 * Extraction x = new ArticleExtractor(catalog).extract(article);
 * x.suggestions().forEach(s -> System.out.println(s.triple() + "  " + s.confidence()));
 * }</pre>
 *
 * <p>Thread-safe: one extractor may serve several threads.
 */
public final class ArticleExtractor {

    /**
     * The predicates the suggestion rules can propose (the vocabulary of version 0.1.0): decisions, quantities,
     * modalities and the other terms of vocabulary 2 are left to curators.
     */
    public static final Set<ClaimPredicate> SUGGESTED_PREDICATES = Collections.unmodifiableSet(EnumSet.of(
            ClaimPredicate.namesThreat, ClaimPredicate.posedBy, ClaimPredicate.participant, ClaimPredicate.partOfSeries,
            ClaimPredicate.location, ClaimPredicate.produced, ClaimPredicate.issuedBy, ClaimPredicate.concernsCapability,
            ClaimPredicate.pursuesCapability, ClaimPredicate.abandonedCapability, ClaimPredicate.revises,
            ClaimPredicate.memberOf, ClaimPredicate.cooperatesWith, ClaimPredicate.holdsPosition, ClaimPredicate.host,
            ClaimPredicate.date, ClaimPredicate.endDate, ClaimPredicate.localDate, ClaimPredicate.format));

    private final MentionFinder finder;
    private final DateExtractor dates = new DateExtractor();
    private final CandidateEntityFinder candidates;
    private final ClaimSuggester suggester;

    /** An extractor for this catalogue. */
    public ArticleExtractor(EntityCatalog catalog) {
        this(catalog, new MentionFinder(catalog));
    }

    /** An extractor for this catalogue reusing a mention finder built for it. */
    public ArticleExtractor(EntityCatalog catalog, MentionFinder finder) {
        this.finder = finder;
        this.candidates = new CandidateEntityFinder(catalog);
        this.suggester = new ClaimSuggester(catalog, finder);
    }

    /** Extracts everything from the article. */
    public Extraction extract(Article article) {
        List<Sentence> sentences = SentenceSplitter.english().split(article.body());
        return extract(article, sentences, finder.find(article.body(), sentences, article.frontMatter().date()));
    }

    /** The suggested claims only, given the sentences and mentions already found (what a build stores). */
    public List<SuggestedClaim> suggest(Article article, List<Sentence> sentences, List<Mention> mentions) {
        return suggester.suggest(article.body(), sentences, mentions,
                dates.extract(article.body(), article.frontMatter().date()));
    }

    /** Extracts the rest, given the sentences and mentions already found for the article. */
    public Extraction extract(Article article, List<Sentence> sentences, List<Mention> mentions) {
        String body = article.body();
        List<ResolvedDate> found = dates.extract(body, article.frontMatter().date());
        return new Extraction(article, sentences, mentions, found, candidates.find(body, sentences, mentions),
                suggester.suggest(body, sentences, mentions, found));
    }
}
