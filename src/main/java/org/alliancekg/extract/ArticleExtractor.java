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

    /** A step of extraction, for whoever times them ({@link Laps}). */
    public enum Step {
        /** Splitting the body into sentences. */
        SENTENCES,
        /** Matching catalogue names. */
        MENTIONS,
        /** Resolving dates, looking for candidate entities and suggesting claims. */
        SUGGESTIONS
    }

    /** Told when each step of {@link #extract(Article, Laps)} ends, on the extracting thread. */
    @FunctionalInterface
    public interface Laps {
        /** Nobody listening. */
        Laps NONE = step -> { };

        /** The step just ended. */
        void lap(Step step);
    }

    private final MentionFinder finder;
    private final DateExtractor dates = new DateExtractor();
    private final CandidateEntityFinder candidates;
    private final ClaimSuggester suggester;
    private final boolean findCandidates;
    /** The sentence splitter is not thread-safe: one per thread. */
    private final ThreadLocal<SentenceSplitter> splitters = ThreadLocal.withInitial(SentenceSplitter::english);

    /** An extractor for this catalogue. */
    public ArticleExtractor(EntityCatalog catalog) {
        this(catalog, new MentionFinder(catalog));
    }

    /** An extractor for this catalogue reusing a mention finder built for it. */
    public ArticleExtractor(EntityCatalog catalog, MentionFinder finder) {
        this(finder, new CandidateEntityFinder(catalog), new ClaimSuggester(catalog, finder), true);
    }

    private ArticleExtractor(MentionFinder finder, CandidateEntityFinder candidates, ClaimSuggester suggester,
                             boolean findCandidates) {
        this.finder = finder;
        this.candidates = candidates;
        this.suggester = suggester;
        this.findCandidates = findCandidates;
    }

    /**
     * The same extractor, except that its extractions hold no candidate entities (names the catalogue lacks): a
     * build stores none, and at corpus size looking for them costs time.
     */
    public ArticleExtractor withoutCandidates() {
        return new ArticleExtractor(finder, candidates, suggester, false);
    }

    /** Extracts everything from the article. */
    public Extraction extract(Article article) {
        return extract(article, Laps.NONE);
    }

    /** Extracts everything from the article, telling {@code laps} when each step ends. */
    public Extraction extract(Article article, Laps laps) {
        String body = article.body();
        List<Sentence> sentences = splitters.get().split(body);
        laps.lap(Step.SENTENCES);
        List<Mention> mentions = finder.find(body, sentences, article.frontMatter().date());
        laps.lap(Step.MENTIONS);
        List<ResolvedDate> found = dates.extract(body, article.frontMatter().date());
        List<Candidate> names = findCandidates ? candidates.find(body, sentences, mentions) : List.of();
        List<SuggestedClaim> suggestions = suggester.suggest(body, sentences, mentions, found);
        laps.lap(Step.SUGGESTIONS);
        return new Extraction(article, sentences, mentions, found, names, suggestions);
    }
}
