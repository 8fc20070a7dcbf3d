package org.alliancekg.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.alliancekg.extract.SentenceView.CueMatch;
import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.EntityKind;

/**
 * {@code namesThreat} and {@code posedBy}. A document or meeting names the threats of its sentence when a threat
 * cue stands there ("identify ... as", "threat", "challenge", "makes reference to specific threats"); what a
 * meeting's statement names, the meeting names too (the statement and the meeting are paired by their labels, see
 * {@link EventIndex#meetingsOf}). A threat is
 * posed by an actor named with a possessive ("North Korea’s ballistic and cruise missiles", also "China and North
 * Korea’s"), by "X as a THREAT" ("mentioned China as an unprecedented challenge"), by "THREAT from X", or by lists
 * paired with "respectively" ("identify China and North Korea as posing, respectively, a strategic challenge and an
 * imminent threat"); a bare "pose" pairs every actor before it with every threat after it, with low confidence.
 */
final class ThreatRule implements SuggestionRule {

    private static final Pattern POSSESSIVE = Pattern.compile("[’']s?\\s+(?:(?:\\p{Ll}[\\p{L}-]*|,)\\s+){0,4}");
    private static final Pattern COORDINATED = Pattern.compile("\\s*(?:,\\s*and|,|and)\\s+(?:the\\s+)?");
    private static final Pattern AS = Pattern.compile("\\s+as\\s+(?:(?:a|an|the|\\p{Ll}[\\p{L}-]*)\\s+){0,3}");
    private static final Pattern FROM = Pattern.compile("\\s+(?:from|by|posed by)\\s+(?:the\\s+)?");

    private final EventIndex events;

    ThreatRule(EventIndex events) {
        this.events = events;
    }

    @Override
    public void apply(SentenceView v, Suggestions out) {
        List<Reference> threats = v.refs(EntityKind.THREAT);
        if (threats.isEmpty()) {
            return;
        }
        namesThreat(v, threats, out);
        posedBy(v, threats, out);
    }

    private void namesThreat(SentenceView v, List<Reference> threats, Suggestions out) {
        List<Reference> namers = v.refs(EnumSet.of(EntityKind.MEETING, EntityKind.DOCUMENT));
        Optional<CueMatch> cue = v.first(CueLexicon.THREAT);
        if (namers.isEmpty() || cue.isEmpty()) {
            return;
        }
        for (Reference t : threats) {
            Optional<Reference> subject = SentenceView.lastBefore(namers, t.span().begin())
                    .or(() -> SentenceView.nearest(namers, t.span()));
            if (subject.isEmpty()) {
                continue;
            }
            for (Reference s : namers) {
                if (s.span().equals(subject.get().span())) {
                    out.add(v, s, ClaimPredicate.namesThreat, t, cue.get(), "namesThreat:cue", 0.75);
                    for (var meeting : events.meetingsOf(s.entity())) {
                        out.add(v, new Reference(meeting, s.span(), s.text(), s.how(), null),
                                ClaimPredicate.namesThreat, t, cue.get(), "namesThreat:statement-of-meeting", 0.6);
                    }
                }
            }
        }
    }

    private static void posedBy(SentenceView v, List<Reference> threats, Suggestions out) {
        List<Reference> actors = v.refs(SentenceView.ACTORS);
        Optional<CueMatch> respectively = v.first(CueLexicon.RESPECTIVELY);
        if (respectively.isPresent()) {
            List<Reference> before = distinct(actors.stream()
                    .filter(a -> a.span().end() <= respectively.get().span().begin()).toList());
            List<Reference> after = distinct(threats.stream()
                    .filter(t -> t.span().begin() >= respectively.get().span().end()).toList());
            if (before.size() > after.size()) {
                before = before.subList(before.size() - after.size(), before.size());
            }
            if (before.size() == after.size() && !before.isEmpty()) {
                for (int i = 0; i < before.size(); i++) {
                    out.add(v, after.get(i), ClaimPredicate.posedBy, before.get(i), respectively.get(),
                            "posedBy:respectively", 0.85);
                }
                return;
            }
        }
        boolean paired = false;
        for (Reference t : threats) {
            for (Reference a : actors) {
                if (v.gap(a.span(), t.span(), POSSESSIVE)) {
                    out.add(v, t, ClaimPredicate.posedBy, a, null, "posedBy:possessive", 0.8);
                    for (Reference b : coordinatedBefore(v, actors, a)) {
                        out.add(v, t, ClaimPredicate.posedBy, b, null, "posedBy:possessive", 0.75);
                    }
                    paired = true;
                } else if (v.gap(a.span(), t.span(), AS)) {
                    out.add(v, t, ClaimPredicate.posedBy, a, null, "posedBy:as", 0.8);
                    paired = true;
                } else if (v.gap(t.span(), a.span(), FROM)) {
                    out.add(v, t, ClaimPredicate.posedBy, a, null, "posedBy:from", 0.75);
                    paired = true;
                }
            }
        }
        Optional<CueMatch> pose = v.first(CueLexicon.POSE);
        if (!paired && pose.isPresent()) {
            for (Reference a : actors) {
                for (Reference t : threats) {
                    if (a.span().end() <= pose.get().span().begin() && t.span().begin() >= pose.get().span().end()) {
                        out.add(v, t, ClaimPredicate.posedBy, a, pose.get(), "posedBy:pose", 0.45);
                    }
                }
            }
        }
    }

    /** Actors joined to this one by "and" or commas, right before it ("China and North Korea’s"). */
    private static List<Reference> coordinatedBefore(SentenceView v, List<Reference> actors, Reference a) {
        List<Reference> out = new ArrayList<>();
        Reference current = a;
        boolean more = true;
        while (more) {
            more = false;
            for (Reference b : actors) {
                if (b.span().end() <= current.span().begin() && v.gap(b.span(), current.span(), COORDINATED)) {
                    out.add(b);
                    current = b;
                    more = true;
                    break;
                }
            }
        }
        return out;
    }

    /** One reference per entity, first occurrence. */
    private static List<Reference> distinct(List<Reference> refs) {
        Map<String, Reference> m = new LinkedHashMap<>();
        refs.forEach(r -> m.putIfAbsent(r.id(), r));
        return List.copyOf(m.values());
    }
}
