package org.alliancekg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancekg.ingest.PartialDate;
import org.alliancekg.vocab.EntityKind;

/**
 * One sentence with everything the suggestion rules look at: its references (mentions and inferred ones), its
 * dates and the article body around it. Offsets are code points into the body.
 */
final class SentenceView {

    /** The kinds that are actors. */
    static final Set<EntityKind> ACTORS = EnumSet.of(EntityKind.STATE, EntityKind.PERSON, EntityKind.ORGANIZATION,
            EntityKind.ALLIANCE);

    private final String body;
    private final Sentence sentence;
    private final int index;
    private final List<Reference> refs;
    private final List<ResolvedDate> dates;
    private final Map<Reference, ResolvedDate> eventDates;

    SentenceView(String body, Sentence sentence, int index, List<Reference> refs, List<ResolvedDate> dates,
                 Map<Reference, ResolvedDate> eventDates) {
        this.body = body;
        this.sentence = sentence;
        this.index = index;
        List<Reference> sorted = new ArrayList<>(refs);
        sorted.sort(Comparator.comparingInt((Reference r) -> r.span().begin()).thenComparing(Reference::id));
        this.refs = List.copyOf(sorted);
        this.dates = List.copyOf(dates);
        this.eventDates = Map.copyOf(eventDates);
    }

    /** A cue phrase found in the sentence. */
    record CueMatch(Cue cue, Span span, String text) {
    }

    String body() {
        return body;
    }

    Sentence sentence() {
        return sentence;
    }

    int index() {
        return index;
    }

    /** The sentence's text. */
    String text() {
        return sentence.text();
    }

    /** Every reference, in order of position. */
    List<Reference> refs() {
        return refs;
    }

    /** References to entities of these kinds. */
    List<Reference> refs(Set<EntityKind> kinds) {
        return refs.stream().filter(r -> kinds.contains(r.entity().kind())).toList();
    }

    /** References to entities of this kind. */
    List<Reference> refs(EntityKind kind) {
        return refs(EnumSet.of(kind));
    }

    /** The dates of the sentence, in order. */
    List<ResolvedDate> dates() {
        return dates;
    }

    /** The date through which an event reference was recognised, if any. */
    Optional<ResolvedDate> eventDate(Reference r) {
        return Optional.ofNullable(eventDates.get(r));
    }

    /** Whether the reference's words stand in this sentence (not carried from an earlier one). */
    boolean inSentence(Reference r) {
        return sentence.span().contains(r.span());
    }

    /** Every match of the cue in the sentence. */
    List<CueMatch> find(Cue cue) {
        List<CueMatch> out = new ArrayList<>();
        Matcher m = cue.pattern().matcher(text());
        while (m.find()) {
            int b = sentence.span().begin() + text().codePointCount(0, m.start());
            out.add(new CueMatch(cue, new Span(b, b + text().codePointCount(m.start(), m.end())), m.group()));
        }
        return out;
    }

    /** The first match of the cue, if any. */
    Optional<CueMatch> first(Cue cue) {
        List<CueMatch> all = find(cue);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The body text between two spans (empty when they touch or overlap). */
    String between(Span left, Span right) {
        if (right.begin() <= left.end()) {
            return "";
        }
        return Offsets.slice(body, new Span(left.end(), right.begin()));
    }

    /** Whether the text between the spans matches the pattern entirely. */
    boolean gap(Span left, Span right, Pattern pattern) {
        return right.begin() >= left.end() && pattern.matcher(between(left, right)).matches();
    }

    /** The text of the sentence before a position (code point in the body). */
    String before(int position) {
        int from = sentence.span().begin();
        return position <= from ? "" : Offsets.slice(body, new Span(from, Math.min(position, sentence.span().end())));
    }

    /** Distance in code points between two spans (0 when they overlap). */
    static int distance(Span a, Span b) {
        if (a.overlaps(b)) {
            return 0;
        }
        return a.end() <= b.begin() ? b.begin() - a.end() : a.begin() - b.end();
    }

    /** The reference nearest to the span, if any. */
    static Optional<Reference> nearest(List<Reference> candidates, Span span) {
        return candidates.stream().min(Comparator.comparingInt(r -> distance(r.span(), span)));
    }

    /** The last reference ending before the position, if any. */
    static Optional<Reference> lastBefore(List<Reference> candidates, int position) {
        Reference best = null;
        for (Reference r : candidates) {
            if (r.span().end() <= position && (best == null || r.span().end() > best.span().end())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether a date is inside a reference's words ("NDPG of 2013"). */
    boolean insideReference(ResolvedDate d) {
        return refs.stream().anyMatch(r -> r.how() == Reference.How.MENTION && r.span().contains(d.span()));
    }

    /** Whether two partial dates can be the same time, the first no coarser than a month unless equal. */
    static boolean agree(PartialDate text, PartialDate label) {
        String a = text.lexical();
        String b = label.lexical();
        if (a.equals(b) || a.startsWith(b)) {
            return true;
        }
        return b.startsWith(a) && text.precision() != PartialDate.Precision.YEAR;
    }
}
