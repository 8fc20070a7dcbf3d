package org.alliancekg.extract;

import java.util.List;

import org.alliancekg.ingest.EntityCatalog;

/**
 * Suggests claims of the vocabulary for one article: resolves the references of each sentence (mentions and
 * inferred ones, see {@link ReferenceResolver}), applies the rules for positions, meetings, threats, capabilities,
 * documents and memberships (each triggered by cue phrases of {@link CueLexicon} and respecting the domain and range
 * of the predicate), and keeps the most confident suggestion of each triple.
 *
 * <p>Suggestions are for review; they are written to the article's graph of suggestions, never asserted.
 *
 * <pre>{@code
 * ClaimSuggester suggester = new ClaimSuggester(catalog, new MentionFinder(catalog));
 * List<SuggestedClaim> s = suggester.suggest(body, sentences, mentions, dates);
 * }</pre>
 */
public final class ClaimSuggester {

    private final ReferenceResolver resolver;
    private final List<SuggestionRule> rules;

    /** A suggester over this catalogue (the finder is the one that found the mentions). */
    public ClaimSuggester(EntityCatalog catalog, MentionFinder finder) {
        this.resolver = new ReferenceResolver(catalog);
        EventIndex events = resolver.events();
        this.rules = List.of(new PositionRule(catalog), new MeetingRule(catalog, events), new ThreatRule(events),
                new CapabilityRule(), new DocumentRule(events), new MembershipRule(catalog));
    }

    /**
     * The suggestions for an article body, in order of their quotes.
     *
     * @param body      the article body
     * @param sentences its sentences
     * @param mentions  its mentions
     * @param dates     its dates (resolved against the article's date)
     */
    public List<SuggestedClaim> suggest(String body, List<Sentence> sentences, List<Mention> mentions,
                                        List<ResolvedDate> dates) {
        Suggestions out = new Suggestions();
        for (SentenceView v : resolver.resolve(body, sentences, mentions, dates)) {
            for (SuggestionRule rule : rules) {
                rule.apply(v, out);
            }
        }
        return out.list();
    }
}
