package org.alliancekg.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancekg.extract.Reference.How;
import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.vocab.EntityKind;

/**
 * Turns an article's sentences, mentions and dates into {@link SentenceView}s: the mentions of each sentence plus
 * references inferred from them, in this order:
 * <ol>
 * <li>coordinated modifiers: "ballistic and cruise missiles" also refers to ballistic missiles when that is a
 * known name;</li>
 * <li>metonyms: a capital or a demonym stands for its state ("Tokyo is a member", "Japanese counterparts"), a
 * leader's government for the administration named after the leader ("Kishida’s government");</li>
 * <li>anaphora: "the meeting", "the 2+2 meeting", "the joint statement", "the new documents", a sentence-initial
 * "He" or "She", and "the government" refer to the latest fitting reference of the preceding sentences;</li>
 * <li>events: a meeting or document of the catalogue whose label names an entity of the sentence and a date that
 * agrees with one of the sentence (see {@link EventIndex});</li>
 * <li>context: a sentence that continues a meeting ("The Ministers welcomed ...", "Conference Dates: ...") refers
 * to the meeting of the previous three sentences.</li>
 * </ol>
 */
final class ReferenceResolver {

    private static final Pattern MEETING_PHRASE = Pattern.compile("\\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\\s+"
            + "((?:[\\p{L}\\d+“”\"-]+\\s+){0,3}?)(meeting|summit|conference|dialogue|talks|visit)\\b");
    private static final Pattern DOCUMENT_PHRASE = Pattern.compile("\\b(?:[Tt]he|[Tt]his|[Tt]hat)\\s+"
            + "((?:[\\p{L}\\d+“”\"-]+\\s+){0,3}?)(statement|declaration|communiqu[eé]|document)\\b(?!s)");
    private static final Pattern DOCUMENTS_PHRASE = Pattern.compile("\\b(?:[Tt]he|[Tt]hese|[Tt]hose|\\p{L}+[’']s)"
            + "\\s+(?:[\\p{L}-]+\\s+){0,3}?documents\\b");
    private static final Pattern PRONOUN = Pattern.compile("^[*_“\"]*(He|She)\\b");
    private static final Pattern GOVERNMENT = Pattern.compile("\\b[Tt]he [Gg]overnment\\b(?! of)");
    private static final Pattern MEETING_WORD = Pattern.compile("(?i)\\b(meeting|summit|conference|dialogue|talks)\\b");
    private static final Pattern CONTINUATION = Pattern.compile("^[*_“\"]*(The (Ministers|ministers|leaders|two "
            + "(nations|countries|governments|sides|leaders|allies))|Both (nations|countries|sides|governments)"
            + "|They)\\b");
    private static final Set<String> NOT_THE_SAME = Set.of("upcoming", "next", "future", "new", "another", "annual",
            "first", "regular", "previous", "last", "earlier");
    /** Words one of which MEETING_PHRASE, and DOCUMENT_PHRASE, must end with (as written in the pattern). */
    private static final List<String> MEETING_HEADS = List.of("meeting", "summit", "conference", "dialogue", "talks",
            "visit");
    private static final List<String> DOCUMENT_HEADS = List.of("statement", "declaration", "communiqu", "document");
    private static final Pattern ADMINISTRATION = Pattern.compile("[’']s (?:government|administration|cabinet)\\b");
    private static final Pattern COORDINATED = Pattern.compile("(\\p{L}[\\p{L}-]*)(?:,? (?:and|or) |, )$");

    private final EntityCatalog catalog;
    private final EventIndex events;
    private final ActorMetonyms metonyms;
    private final Map<String, Entity> demonyms;
    private final Pattern demonymPattern;

    ReferenceResolver(EntityCatalog catalog) {
        this.catalog = catalog;
        this.events = new EventIndex(catalog);
        this.metonyms = new ActorMetonyms(catalog);
        this.demonyms = metonyms.demonyms();
        this.demonymPattern = demonyms.isEmpty() ? null
                : Pattern.compile("\\b(" + String.join("|", demonyms.keySet().stream()
                        .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList()) + ")\\b");
    }

    /** The index of events and document versions used. */
    EventIndex events() {
        return events;
    }

    /** One view per sentence, in order. */
    List<SentenceView> resolve(String body, List<Sentence> sentences, List<Mention> mentions,
                               List<ResolvedDate> dates) {
        List<SentenceView> views = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            List<Reference> refs = new ArrayList<>();
            for (Mention m : mentions) {
                if (m.resolved() && s.span().contains(m.span())) {
                    refs.add(Reference.of(m));
                }
            }
            List<ResolvedDate> own = dates.stream().filter(d -> s.span().contains(d.span())).toList();
            Map<Reference, ResolvedDate> eventDates = new HashMap<>();
            addCoordinated(body, s, refs);
            addMetonyms(body, s, refs);
            addAnaphora(body, s, refs, views);
            addEvents(body, s, refs, own, eventDates);
            addContext(s, refs, views);
            views.add(new SentenceView(body, s, i, refs, own, eventDates));
        }
        return List.copyOf(views);
    }

    /** "ballistic and cruise missiles": "ballistic missiles" when that is a known name. */
    private void addCoordinated(String body, Sentence s, List<Reference> refs) {
        for (Reference r : List.copyOf(refs)) {
            String[] words = r.text().split(" ", 2);
            if (words.length < 2) {
                continue;
            }
            String before = textBefore(body, s, r.span().begin());
            // what COORDINATED needs at the end ($: before a final line terminator too), tested first: searching
            // for it at every position costs far more
            String end = withoutFinalLineTerminator(before);
            if (!end.endsWith(", ") && !end.endsWith(" and ") && !end.endsWith(" or ")) {
                continue;
            }
            Matcher m = COORDINATED.matcher(before);
            if (!m.find()) {
                continue;
            }
            String name = m.group(1) + " " + words[1];
            List<Entity> found = catalog.byName(name);
            if (found.size() == 1 && !found.get(0).id().equals(r.id())) {
                int begin = r.span().begin() - m.group().codePointCount(0, m.group().length());
                Span span = new Span(begin, r.span().end());
                refs.add(new Reference(found.get(0), span, Offsets.slice(body, span), How.COORDINATION, null));
            }
        }
    }

    /** The text without the one line terminator at its end that {@code $} may stand before. */
    private static String withoutFinalLineTerminator(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        if (!text.isEmpty() && "\n\r\u0085\u2028\u2029".indexOf(text.charAt(text.length() - 1)) >= 0) {
            return text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static String textBefore(String body, Sentence s, int position) {
        return Offsets.slice(body, new Span(s.span().begin(), position));
    }

    private void addMetonyms(String body, Sentence s, List<Reference> refs) {
        for (Reference r : List.copyOf(refs)) {
            metonyms.stateOfCapital(r.entity()).ifPresent(state ->
                    refs.add(new Reference(state, r.span(), r.text(), How.METONYM, null)));
            if (r.entity().kind() == EntityKind.PERSON) {
                addAdministration(body, s, r, refs);
            }
        }
        if (demonymPattern == null) {
            return;
        }
        Matcher m = demonymPattern.matcher(s.text());
        while (m.find()) {
            Span span = spanIn(s, m.start(), m.end());
            boolean inside = refs.stream().anyMatch(r -> r.how() == How.MENTION && r.span().overlaps(span));
            if (!inside) {
                refs.add(new Reference(demonyms.get(m.group(1)), span, m.group(1), How.METONYM, null));
            }
        }
    }

    /** "Kishida’s government" stands for the "Kishida administration" when the catalogue has it. */
    private void addAdministration(String body, Sentence s, Reference person, List<Reference> refs) {
        int end = Offsets.toUtf16(body, person.span().end());
        Matcher m = ADMINISTRATION.matcher(body).region(end, Offsets.toUtf16(body, s.span().end()));
        if (!m.lookingAt()) {
            return;
        }
        for (String name : person.entity().names()) {
            List<Entity> found = catalog.byName(name + " administration").stream()
                    .filter(e -> e.kind() == EntityKind.ORGANIZATION).toList();
            if (found.size() == 1) {
                Span span = new Span(person.span().begin(), person.span().end()
                        + m.group().codePointCount(0, m.group().length()));
                refs.add(new Reference(found.get(0), span, Offsets.slice(body, span), How.METONYM, null));
                return;
            }
        }
    }

    private static Span spanIn(Sentence s, int start, int end) {
        int b = s.span().begin() + s.text().codePointCount(0, start);
        return new Span(b, b + s.text().codePointCount(start, end));
    }

    private void addAnaphora(String body, Sentence s, List<Reference> refs, List<SentenceView> history) {
        // each phrase is searched for only when the sentence holds one of the head words it ends with
        Matcher m = MEETING_PHRASE.matcher(containsAny(s.text(), MEETING_HEADS) ? s.text() : "");
        while (m.find()) {
            Span span = spanIn(s, m.start(), m.end());
            String modifiers = m.group(1).toLowerCase(Locale.ROOT);
            if (NOT_THE_SAME.stream().anyMatch(w -> modifiers.matches("(?s).*\\b" + w + "\\b.*"))) {
                continue;
            }
            List<Entity> named = refs.stream().filter(r -> r.how() == How.MENTION && span.contains(r.span()))
                    .map(Reference::entity).toList();
            if (named.stream().anyMatch(e -> e.kind() == EntityKind.MEETING)) {
                continue;
            }
            Optional<Reference> target;
            if (!named.isEmpty()) {
                target = latest(history, history.size(), r -> r.entity().kind() == EntityKind.MEETING
                        && events.event(r.entity()).map(ev -> ev.anchors().stream().anyMatch(named::contains))
                        .orElse(false));
            } else {
                target = latest(history, 6, r -> r.entity().kind() == EntityKind.MEETING);
            }
            target.ifPresent(t -> refs.add(new Reference(t.entity(), span, Offsets.slice(body, span),
                    How.ANAPHORA, null)));
        }
        m = DOCUMENT_PHRASE.matcher(containsAny(s.text(), DOCUMENT_HEADS) ? s.text() : "");
        while (m.find()) {
            Span span = spanIn(s, m.start(), m.end());
            String head = m.group(2).toLowerCase(Locale.ROOT);
            String modifiers = m.group(1).toLowerCase(Locale.ROOT);
            if (refs.stream().anyMatch(r -> r.entity().kind() == EntityKind.DOCUMENT && r.span().overlaps(span))
                    || NOT_THE_SAME.stream().anyMatch(modifiers::contains)) {
                continue;
            }
            Optional<Reference> target = head.equals("document")
                    ? latest(history, 3, r -> r.entity().kind() == EntityKind.DOCUMENT)
                    : latest(history, 8, r -> r.entity().kind() == EntityKind.DOCUMENT
                            && r.entity().label().toLowerCase(Locale.ROOT).contains(head));
            target.ifPresent(t -> refs.add(new Reference(t.entity(), span, Offsets.slice(body, span),
                    How.ANAPHORA, null)));
        }
        m = DOCUMENTS_PHRASE.matcher(s.text().contains("documents") ? s.text() : "");
        while (m.find()) {
            Span span = spanIn(s, m.start(), m.end());
            for (int i = history.size() - 1; i >= Math.max(0, history.size() - 6); i--) {
                List<Reference> docs = history.get(i).refs(EntityKind.DOCUMENT);
                if (!docs.isEmpty()) {
                    Set<String> seen = new HashSet<>();
                    for (Reference d : docs) {
                        if (seen.add(d.id())) {
                            refs.add(new Reference(d.entity(), span, Offsets.slice(body, span), How.ANAPHORA, null));
                        }
                    }
                    break;
                }
            }
        }
        m = PRONOUN.matcher(s.text());
        if (m.find()) {
            Span span = spanIn(s, m.start(1), m.end(1));
            String pronoun = m.group(1);
            latest(history, 3, r -> r.entity().kind() == EntityKind.PERSON).ifPresent(t ->
                    refs.add(new Reference(t.entity(), span, pronoun, How.ANAPHORA, null)));
        }
        m = GOVERNMENT.matcher(s.text().contains("overnment") ? s.text() : "");
        while (m.find()) {
            Span span = spanIn(s, m.start(), m.end());
            latest(history, 4, r -> r.entity().kind() == EntityKind.STATE).ifPresent(t ->
                    refs.add(new Reference(t.entity(), span, Offsets.slice(body, span), How.ANAPHORA, null)));
        }
    }

    /** The latest reference that fits, in the last {@code window} sentences, latest sentence first. */
    private static Optional<Reference> latest(List<SentenceView> history, int window, Predicate<Reference> fits) {
        for (int i = history.size() - 1; i >= Math.max(0, history.size() - window); i--) {
            List<Reference> refs = history.get(i).refs();
            for (int j = refs.size() - 1; j >= 0; j--) {
                if (fits.test(refs.get(j))) {
                    return Optional.of(refs.get(j));
                }
            }
        }
        return Optional.empty();
    }

    private void addEvents(String body, Sentence s, List<Reference> refs, List<ResolvedDate> dates,
                           Map<Reference, ResolvedDate> eventDates) {
        String lower = s.text().toLowerCase(Locale.ROOT);
        for (EventIndex.Event ev : events.events()) {
            if (refs.stream().anyMatch(r -> r.id().equals(ev.entity().id()))) {
                continue;
            }
            Reference anchorRef = null;
            for (Reference r : refs) {
                boolean anchors = ev.anchors().contains(r.entity()) || events.event(r.entity())
                        .map(other -> other.anchors().stream().anyMatch(ev.anchors()::contains)).orElse(false);
                if (anchors && r.how() != How.METONYM) {
                    anchorRef = r;
                    break;
                }
            }
            if (anchorRef == null) {
                continue;
            }
            ResolvedDate date = null;
            for (ResolvedDate d : dates) {
                if (!d.local() && SentenceView.agree(d.value(), ev.date())) {
                    date = d;
                    break;
                }
            }
            boolean dateByEvent = refs.stream().anyMatch(r -> r.entity().kind() == EntityKind.MEETING
                    && events.event(r.entity()).map(o -> o.date().equals(ev.date())).orElse(false));
            if (date == null && !dateByEvent) {
                continue;
            }
            Span span;
            if (ev.entity().kind() == EntityKind.DOCUMENT) {
                if (ev.heads().isEmpty() || !ev.heads().stream().allMatch(h -> containsWord(lower, h))) {
                    continue;
                }
                span = headSpan(s, lower, ev.heads());
            } else {
                Span a = anchorRef.span();
                span = date == null ? a : new Span(Math.min(a.begin(), date.span().begin()),
                        Math.max(a.end(), date.span().end()));
                if (!s.span().contains(span)) {
                    span = a;
                }
            }
            Reference r = new Reference(ev.entity(), span, Offsets.slice(body, span), How.EVENT, anchorRef.entity());
            Span eventSpan = span;
            refs.removeIf(x -> x.how() == How.ANAPHORA && x.entity().kind() == ev.entity().kind()
                    && x.span().overlaps(eventSpan));
            refs.add(r);
            if (date != null) {
                eventDates.put(r, date);
            }
        }
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWord(String lower, String head) {
        return Pattern.compile("\\b" + Pattern.quote(head)).matcher(lower).find();
    }

    /** The span from the first head word to the last, around the first occurrence of the first head word. */
    private static Span headSpan(Sentence s, String lower, List<String> heads) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(heads.get(0))).matcher(lower);
        m.find();
        int start = m.start();
        int end = m.end();
        for (String h : heads.subList(1, heads.size())) {
            Matcher n = Pattern.compile("\\b" + Pattern.quote(h) + "\\p{L}*").matcher(lower);
            if (n.find(start) && n.start() - end < 12) {
                end = n.end();
            }
        }
        while (end < lower.length() && Character.isLetter(lower.charAt(end))) {
            end++;
        }
        return spanIn(s, start, end);
    }

    private static void addContext(Sentence s, List<Reference> refs, List<SentenceView> history) {
        if (refs.stream().anyMatch(r -> r.entity().kind() == EntityKind.MEETING)) {
            return;
        }
        if (!MEETING_WORD.matcher(s.text()).find() && !CONTINUATION.matcher(s.text()).find()) {
            return;
        }
        latest(history, 3, r -> r.entity().kind() == EntityKind.MEETING).ifPresent(t ->
                refs.add(new Reference(t.entity(), t.span(), t.text(), How.CONTEXT, null)));
    }
}
