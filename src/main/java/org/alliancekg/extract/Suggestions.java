package org.alliancekg.extract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alliancekg.extract.SentenceView.CueMatch;
import org.alliancekg.vocab.ClaimPredicate;

/**
 * Collects the suggestions of the rules for one article. The confidence of a suggestion is the rule's base
 * confidence times the {@linkplain Reference.How#weight() weight} of its subject and object references; its quote
 * runs from the first to the last piece of evidence that stands in the sentence (subject, object, cue, date).
 * Of several suggestions of the same triple the most confident is kept (then the earliest).
 */
final class Suggestions {

    private final Map<String, SuggestedClaim> best = new LinkedHashMap<>();

    /** Suggests a triple between two referenced entities, if it fits the predicate. */
    void add(SentenceView v, Reference subject, ClaimPredicate p, Reference object, CueMatch cue, String rule,
             double base) {
        if (!SuggestedClaim.fits(subject.entity(), p, object.entity())) {
            return;
        }
        double confidence = base * subject.how().weight() * object.how().weight();
        List<Span> evidence = new ArrayList<>(List.of(subject.span(), object.span()));
        if (cue != null) {
            evidence.add(cue.span());
        }
        put(v, subject, p, object, null, evidence, cue, rule, confidence);
    }

    /** Suggests a literal for a referenced entity, with the span of the words that state it. */
    void addLiteral(SentenceView v, Reference subject, ClaimPredicate p, String value, Span valueSpan, CueMatch cue,
                    String rule, double base) {
        if (!p.isLiteral() || !p.allowsSubject(subject.entity().kind())) {
            return;
        }
        List<Span> evidence = new ArrayList<>(List.of(subject.span(), valueSpan));
        if (cue != null) {
            evidence.add(cue.span());
        }
        put(v, subject, p, null, value, evidence, cue, rule, base * subject.how().weight());
    }

    private void put(SentenceView v, Reference subject, ClaimPredicate p, Reference object, String value,
                     List<Span> evidence, CueMatch cue, String rule, double confidence) {
        Span sentence = v.sentence().span();
        int begin = Integer.MAX_VALUE;
        int end = -1;
        for (Span s : evidence) {
            if (sentence.contains(s)) {
                begin = Math.min(begin, s.begin());
                end = Math.max(end, s.end());
            }
        }
        if (end < 0) {
            return;
        }
        Span quoteSpan = new Span(begin, end);
        double rounded = BigDecimal.valueOf(Math.min(confidence, 1.0)).setScale(2, RoundingMode.HALF_UP).doubleValue();
        if (rounded <= 0) {
            return;
        }
        SuggestedClaim c = new SuggestedClaim(subject.entity(), p, object == null ? null : object.entity(), value,
                v.sentence(), Offsets.slice(v.body(), quoteSpan), quoteSpan,
                cue == null ? null : cue.cue().name() + ": " + cue.text(), rule, rounded);
        String key = c.triple();
        SuggestedClaim old = best.get(key);
        if (old == null || c.confidence() > old.confidence()) {
            best.put(key, c);
        }
    }

    /** The suggestions kept, in order of their quotes. */
    List<SuggestedClaim> list() {
        List<SuggestedClaim> out = new ArrayList<>(best.values());
        out.sort(java.util.Comparator.comparingInt((SuggestedClaim c) -> c.quoteSpan().begin())
                .thenComparing(SuggestedClaim::triple));
        return List.copyOf(out);
    }
}
