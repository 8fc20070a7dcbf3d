package org.alliancekg.extract;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.alliancekg.extract.SentenceView.CueMatch;
import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.EntityKind;

/**
 * Capabilities. {@code abandonedCapability}: "abandon", "give up", "scrap" shortly before the capability, the
 * actor being the last one before the cue ("the Government of Japan announced ... that it will abandon its plan to
 * install the Aegis Ashore"). {@code pursuesCapability}: "acquire", "develop", "call for", "intention of
 * developing", "strengthen" shortly before the capability, same actor choice (within reach of the cue), with the
 * actors joined to it by "and".
 * {@code concernsCapability}: a document or meeting before a capability in a sentence with a cue such as
 * "co-production", "capabilities", "announced", "welcomed", "resolved to enhance".
 */
final class CapabilityRule implements SuggestionRule {

    /** How far (code points) the cue may stand from the actor before it and from the capability after it. */
    private static final int REACH = 90;
    private static final Set<EntityKind> PURSUERS = EnumSet.of(EntityKind.STATE, EntityKind.ORGANIZATION,
            EntityKind.ALLIANCE);

    @Override
    public void apply(SentenceView v, Suggestions out) {
        List<Reference> caps = v.refs(EntityKind.CAPABILITY);
        if (caps.isEmpty()) {
            return;
        }
        List<Reference> actors = v.refs(PURSUERS);
        List<Reference> subjects = v.refs(EnumSet.of(EntityKind.MEETING, EntityKind.DOCUMENT));
        Optional<CueMatch> concern = v.first(CueLexicon.CONCERN);
        for (Reference c : caps) {
            Optional<CueMatch> abandon = governing(v, CueLexicon.ABANDON, c);
            if (abandon.isPresent()) {
                actorOf(actors, abandon.get()).ifPresent(a -> out.add(v, a, ClaimPredicate.abandonedCapability, c,
                        abandon.get(), "abandonedCapability:cue", 0.8));
            } else {
                governing(v, CueLexicon.PURSUE, c).ifPresent(cue -> actorOf(actors, cue).ifPresent(a -> {
                    out.add(v, a, ClaimPredicate.pursuesCapability, c, cue, "pursuesCapability:cue", 0.7);
                    for (Reference b : coordinatedBefore(v, actors, a)) {
                        out.add(v, b, ClaimPredicate.pursuesCapability, c, cue, "pursuesCapability:cue", 0.65);
                    }
                }));
            }
            if (concern.isPresent()) {
                SentenceView.lastBefore(subjects, c.span().begin()).ifPresent(s -> out.add(v, s,
                        ClaimPredicate.concernsCapability, c, concern.get(), "concernsCapability:cue", 0.65));
            }
        }
    }

    /** Actors joined to this one by "and" right before it ("Washington and Tokyo are strengthening ..."). */
    private static List<Reference> coordinatedBefore(SentenceView v, List<Reference> actors, Reference a) {
        List<Reference> out = new java.util.ArrayList<>();
        for (Reference b : actors) {
            if (b.span().end() <= a.span().begin() && !b.id().equals(a.id())
                    && v.between(b.span(), a.span()).strip().matches("and|, and|,")) {
                out.add(b);
            }
        }
        return out;
    }

    /** The last actor before the cue, within reach of it. */
    private static Optional<Reference> actorOf(List<Reference> actors, CueMatch cue) {
        return SentenceView.lastBefore(actors, cue.span().begin())
                .filter(a -> cue.span().begin() - a.span().end() <= REACH);
    }

    /** The last match of the cue that ends before the capability, within reach. */
    private static Optional<CueMatch> governing(SentenceView v, Cue cue, Reference c) {
        CueMatch best = null;
        for (CueMatch m : v.find(cue)) {
            int gap = c.span().begin() - m.span().end();
            if (gap >= 0 && gap <= REACH && !c.span().contains(m.span())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }
}
