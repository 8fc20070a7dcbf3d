package org.alliancekg.extract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.alliancekg.extract.Reference.How;
import org.alliancekg.extract.SentenceView.CueMatch;
import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.EntityKind;

/**
 * Documents. {@code issuedBy}: a possessive before the document ("Japan’s revised National Security Strategy",
 * "China’s “community of common destiny for mankind”"), an actor before an issuing cue before the document ("the
 * Government of Japan established its first National Security Strategy"), or an actor its label names ("U.S.-Japan
 * Security Treaty"). {@code date}: a date near a document with an issuing cue, not part of a name and agreeing with
 * the year of the document's label if it has one ("established ... in December 2013"). {@code revises}: a revision
 * cue ("revised", "replaced", "revision of") with a document that has an earlier or later version in the catalogue.
 */
final class DocumentRule implements SuggestionRule {

    private static final Pattern POSSESSIVE =
            Pattern.compile("[’']s?\\s+[“\"]?(?:(?:\\p{Ll}[\\p{L}-]*|\\d+)\\s+){0,3}[“\"]?");

    private static final Pattern RELATIVE = Pattern.compile("\\s+(?:that|which)\\s+(?:the\\s+)?");

    /** How far (code points) after an issuing cue the document may start. */
    private static final int REACH = 40;

    private final EventIndex events;

    DocumentRule(EventIndex events) {
        this.events = events;
    }

    @Override
    public void apply(SentenceView v, Suggestions out) {
        List<Reference> docs = v.refs(EntityKind.DOCUMENT);
        if (docs.isEmpty()) {
            return;
        }
        List<Reference> actors = v.refs(SentenceView.ACTORS);
        List<Reference> issuers = actors.stream().filter(a -> a.entity().kind() != EntityKind.PERSON).toList();
        Optional<CueMatch> issue = v.first(CueLexicon.ISSUE);
        Optional<CueMatch> revise = v.first(CueLexicon.REVISE);
        for (Reference d : docs) {
            for (Reference a : actors) {
                if (v.gap(a.span(), d.span(), POSSESSIVE)) {
                    out.add(v, d, ClaimPredicate.issuedBy, a, null, "issuedBy:possessive", 0.75);
                }
            }
            if (issue.isPresent() && d.span().begin() >= issue.get().span().end()
                    && d.span().begin() - issue.get().span().end() <= REACH) {
                SentenceView.lastBefore(issuers, issue.get().span().begin()).ifPresent(a ->
                        out.add(v, d, ClaimPredicate.issuedBy, a, issue.get(), "issuedBy:cue", 0.65));
            }
            relativeClauseIssuer(v, d, issuers).ifPresent(a -> out.add(v, d, ClaimPredicate.issuedBy, a,
                    v.first(CueLexicon.ISSUE).orElse(null), "issuedBy:relative-clause", 0.7));
            if (d.how() == How.MENTION) {
                for (var named : events.labelNames(d.entity())) {
                    out.add(v, d, ClaimPredicate.issuedBy, new Reference(named, d.span(), d.text(), How.MENTION, null),
                            null, "issuedBy:label", 0.5);
                }
            }
            issue.ifPresent(cue -> date(v, d, cue, out));
            revise.ifPresent(cue -> revises(v, d, docs, cue, out));
        }
    }

    /** "the Global Posture Review that Department of Defense completed": DOC that|which ACTOR cue. */
    private static Optional<Reference> relativeClauseIssuer(SentenceView v, Reference d, List<Reference> issuers) {
        for (Reference a : issuers) {
            boolean issued = v.find(CueLexicon.ISSUE).stream()
                    .anyMatch(c -> c.span().begin() >= a.span().end() && c.span().begin() - a.span().end() <= 3);
            if (issued && v.gap(d.span(), a.span(), RELATIVE)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private void date(SentenceView v, Reference d, CueMatch cue, Suggestions out) {
        Optional<EventIndex.Event> ev = events.event(d.entity());
        ResolvedDate best = null;
        for (ResolvedDate date : v.dates()) {
            if (date.local() || v.insideReference(date)
                    || ev.map(e -> !SentenceView.agree(date.value(), e.date())).orElse(false)) {
                continue;
            }
            if (best == null || SentenceView.distance(date.span(), d.span())
                    < SentenceView.distance(best.span(), d.span())) {
                best = date;
            }
        }
        if (best != null) {
            out.addLiteral(v, d, ClaimPredicate.date, best.value().lexical(), best.span(), cue, "date:document", 0.7);
        }
    }

    private void revises(SentenceView v, Reference d, List<Reference> docs, CueMatch cue, Suggestions out) {
        events.earlierVersion(d.entity()).ifPresent(older -> {
            Optional<Reference> named = docs.stream().filter(x -> x.id().equals(older.id())).findFirst();
            out.add(v, d, ClaimPredicate.revises,
                    named.orElse(new Reference(older, d.span(), d.text(), How.MENTION, null)), cue,
                    "revises:versions", named.isPresent() ? 0.8 : 0.55);
        });
        events.laterVersion(d.entity()).ifPresent(newer -> {
            if (docs.stream().noneMatch(x -> x.id().equals(newer.id()))) {
                out.add(v, new Reference(newer, d.span(), d.text(), How.MENTION, null), ClaimPredicate.revises, d,
                        cue, "revises:versions", 0.55);
            }
        });
    }
}
