package org.alliancekg.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.alliancekg.extract.Reference.How;
import org.alliancekg.extract.SentenceView.CueMatch;
import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.EntityKind;

/**
 * What a sentence says about a meeting it refers to: its series ({@code partOfSeries}, when the meeting was
 * recognised through the series), its dates ({@code date}, {@code endDate} of a range, {@code localDate} of a date
 * in another time zone; not when the text gives the date less precisely than the catalogue's label), {@code format} "virtual", its {@code location} ("in Tokyo", "Location: Tokyo"), its
 * {@code participant}s (persons, the states of their posts, the states that "met", hosts and visitors), its
 * {@code host} ("Japan hosted ...", "visited the US") and the document it {@code produced} ("issued a joint
 * statement following the meeting"; not a document dated otherwise than the meeting). Alliances named in the
 * sentence are not taken for participants.
 */
final class MeetingRule implements SuggestionRule {

    private static final Pattern BEFORE_PLACE = Pattern.compile("(?s).*\\b(?:in|at)\\s+(?:the\\s+)?$");
    private static final Pattern LOCAL_PLACE = Pattern.compile("\\s+in\\s+");
    private static final Pattern TITLE_GAP = Pattern.compile("\\s*");
    private static final Pattern FOLLOWING = Pattern.compile("(?i)\\b(?:following|after|at) the (?:meeting|talks"
            + "|summit|conference)\\b");

    private final EventIndex events;
    private final EntityCatalog catalog;

    MeetingRule(EntityCatalog catalog, EventIndex events) {
        this.catalog = catalog;
        this.events = events;
    }

    @Override
    public void apply(SentenceView v, Suggestions out) {
        for (Reference m : v.refs(EntityKind.MEETING)) {
            series(v, m, out);
            dates(v, m, out);
            v.first(CueLexicon.VIRTUAL).ifPresent(cue ->
                    out.addLiteral(v, m, ClaimPredicate.format, "virtual", cue.span(), cue, "format:virtual", 0.8));
            location(v, m, out);
            participants(v, m, out);
            produced(v, m, out);
        }
    }

    private void series(SentenceView v, Reference m, Suggestions out) {
        Optional<EventIndex.Event> ev = events.event(m.entity());
        for (Reference s : v.refs(EntityKind.SERIES)) {
            boolean anchored = s.entity().equals(m.anchor())
                    || ev.map(e -> e.anchors().contains(s.entity())).orElse(false);
            if (anchored && m.how() != How.CONTEXT) {
                out.add(v, m, ClaimPredicate.partOfSeries, s, null, "partOfSeries:series", 0.85);
            }
        }
    }

    private void dates(SentenceView v, Reference m, Suggestions out) {
        Optional<EventIndex.Event> ev = events.event(m.entity());
        ResolvedDate date = v.eventDate(m).orElse(null);
        double base = 0.85;
        if (date == null) {
            if (ev.isEmpty()) {
                return;
            }
            for (ResolvedDate d : v.dates()) {
                if (!d.local() && !v.insideReference(d) && SentenceView.agree(d.value(), ev.get().date())) {
                    date = d;
                    base = 0.7;
                    break;
                }
            }
        }
        if (date == null || (ev.isPresent() && coarser(date, ev.get()))) {
            return;
        }
        out.addLiteral(v, m, ClaimPredicate.date, date.value().lexical(), date.span(), null, "date:meeting", base);
        if (date.end() != null) {
            out.addLiteral(v, m, ClaimPredicate.endDate, date.end().lexical(), date.span(), null, "endDate:range",
                    base);
        }
        int at = v.dates().indexOf(date);
        if (at >= 0 && at + 1 < v.dates().size() && v.dates().get(at + 1).local()) {
            ResolvedDate local = v.dates().get(at + 1);
            out.addLiteral(v, m, ClaimPredicate.localDate, local.value().lexical(), local.span(), null,
                    "localDate:parenthesis", base - 0.05);
        }
    }

    /** Whether the text gives the date less precisely than the catalogue ("July 2024" for 2024-07-28). */
    private static boolean coarser(ResolvedDate d, EventIndex.Event e) {
        return d.value().lexical().length() < e.date().lexical().length();
    }

    private void location(SentenceView v, Reference m, Suggestions out) {
        Optional<CueMatch> cue = v.first(CueLexicon.LOCATION);
        for (Reference p : v.refs(EntityKind.PLACE)) {
            if (p.how() != How.MENTION) {
                continue;
            }
            boolean afterLocalDate = v.dates().stream().anyMatch(d -> d.local() && v.gap(d.span(), p.span(),
                    LOCAL_PLACE));
            if (afterLocalDate) {
                continue;
            }
            if (BEFORE_PLACE.matcher(v.before(p.span().begin())).matches()) {
                out.add(v, m, ClaimPredicate.location, p, null, "location:in", 0.75);
            } else if (cue.isPresent() && cue.get().span().end() <= p.span().begin()) {
                out.add(v, m, ClaimPredicate.location, p, cue.get(), "location:cue", 0.75);
            }
        }
    }

    private void participants(SentenceView v, Reference m, Suggestions out) {
        Optional<CueMatch> met = v.first(CueLexicon.MEET);
        Optional<CueMatch> hosted = v.first(CueLexicon.HOST);
        Optional<CueMatch> visited = v.first(CueLexicon.VISIT);
        if (met.isEmpty() && hosted.isEmpty() && visited.isEmpty()) {
            return;
        }
        CueMatch cue = met.orElse(hosted.orElse(visited.orElse(null)));
        List<Reference> actors = v.refs(SentenceView.ACTORS).stream()
                .filter(a -> v.inSentence(a) && a.entity().kind() != EntityKind.ALLIANCE).toList();
        Set<String> hosts = new HashSet<>();
        if (hosted.isPresent()) {
            SentenceView.lastBefore(actors, hosted.get().span().begin()).ifPresent(a -> {
                hosts.add(a.id());
                out.add(v, m, ClaimPredicate.host, a, hosted.get(), "host:hosted", 0.8);
                out.add(v, m, ClaimPredicate.participant, a, hosted.get(), "participant:host", 0.7);
            });
        }
        if (visited.isPresent()) {
            actors.stream().filter(a -> a.span().begin() >= visited.get().span().end()
                            && a.entity().kind() == EntityKind.STATE).findFirst().ifPresent(a -> {
                hosts.add(a.id());
                out.add(v, m, ClaimPredicate.host, a, visited.get(), "host:visited", 0.75);
            });
        }
        for (Reference a : actors) {
            if (hosts.contains(a.id())) {
                continue;
            }
            double base = a.entity().kind() == EntityKind.PERSON ? 0.75 : 0.6;
            out.add(v, m, ClaimPredicate.participant, a, cue, "participant:" + a.entity().kind().segment(), base);
        }
        for (Reference pos : v.refs(EntityKind.POSITION)) {
            boolean held = v.refs(EntityKind.PERSON).stream().anyMatch(p -> v.gap(pos.span(), p.span(), TITLE_GAP));
            if (held && pos.entity().forActor() != null) {
                Optional<Entity> actor = catalog.get(pos.entity().forActor());
                actor.filter(a -> !hosts.contains(a.id())).ifPresent(a -> out.add(v, m, ClaimPredicate.participant,
                        new Reference(a, pos.span(), pos.text(), How.MENTION, null), cue, "participant:post", 0.65));
            }
        }
    }

    private void produced(SentenceView v, Reference m, Suggestions out) {
        List<Reference> docs = v.refs(EntityKind.DOCUMENT);
        if (docs.isEmpty()) {
            return;
        }
        Optional<CueMatch> issued = v.first(CueLexicon.ISSUE);
        boolean following = FOLLOWING.matcher(v.text()).find();
        if (issued.isEmpty() && !following) {
            return;
        }
        Optional<EventIndex.Event> meeting = events.event(m.entity());
        for (Reference d : docs) {
            Optional<EventIndex.Event> doc = events.event(d.entity());
            if (meeting.isPresent() && doc.isPresent() && !meeting.get().date().equals(doc.get().date())) {
                continue;
            }
            double base = d.how() == How.EVENT ? 0.85 : 0.7;
            out.add(v, m, ClaimPredicate.produced, d, issued.orElse(null), "produced:issued", base);
        }
    }
}
