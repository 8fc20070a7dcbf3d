package org.alliancekg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.ingest.PartialDate;
import org.alliancekg.vocab.EntityKind;

/**
 * What the catalogue's labels tell about meetings and documents, read once per catalogue.
 *
 * <p>An <em>event</em> is a meeting or document whose label carries a date ("U.S.-Japan Security Consultative
 * Committee meeting of 28 July 2024", "Joint Statement of the U.S.-Japan Security Consultative Committee
 * (2022-01-06)"): its <em>anchors</em> are the other entities its label names (the series, the persons), its
 * <em>head</em> the remaining words ("meeting", "joint statement"). A sentence that names an anchor and a date
 * agreeing with the event's refers to the event. <em>Versions</em> are documents whose labels differ only by
 * the year ("National Defense Program Guidelines (2013)", "(2018)"). Labels are read for the names of entities
 * other than meetings and documents (a meeting's own label is one of its names).
 */
final class EventIndex {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}-]*");
    private static final Set<String> NOT_HEAD = Set.of("of", "the", "and", "a", "an", "to", "on", "in", "for", "s",
            "with", "at", "by");

    /** A dated meeting or document. */
    record Event(Entity entity, PartialDate date, Set<Entity> anchors, List<String> heads) {
    }

    private final Map<String, Event> events = new HashMap<>();
    private final Map<String, Set<Entity>> labelNames = new HashMap<>();
    private final Map<String, List<Entity>> versions = new HashMap<>();

    EventIndex(EntityCatalog catalog) {
        DateExtractor dates = new DateExtractor();
        MentionFinder finder = new MentionFinder(new EntityCatalog(catalog.entities().stream()
                .filter(e -> e.kind() != EntityKind.MEETING && e.kind() != EntityKind.DOCUMENT).toList()));
        Map<String, List<Entity>> byStem = new HashMap<>();
        Map<String, Integer> years = new HashMap<>();
        for (Entity e : catalog.entities()) {
            String label = e.label();
            Set<Entity> named = new LinkedHashSet<>();
            List<Span> used = new ArrayList<>();
            for (Mention m : Mention.resolvedOnly(finder.find(label, List.of()))) {
                if (!m.entity().id().equals(e.id())) {
                    named.add(m.entity());
                    used.add(m.span());
                }
            }
            labelNames.put(e.id(), Set.copyOf(named));
            if (e.kind() != EntityKind.MEETING && e.kind() != EntityKind.DOCUMENT) {
                continue;
            }
            List<ResolvedDate> found = dates.extract(label, null);
            if (found.isEmpty()) {
                continue;
            }
            ResolvedDate date = found.get(found.size() - 1);
            found.forEach(d -> used.add(d.span()));
            List<String> heads = new ArrayList<>();
            Matcher w = WORD.matcher(label);
            while (w.find()) {
                Span s = Offsets.spanOfUtf16(label, w.start(), w.end());
                String word = w.group().toLowerCase(Locale.ROOT);
                if (used.stream().noneMatch(u -> u.overlaps(s)) && !NOT_HEAD.contains(word)) {
                    heads.add(word);
                }
            }
            events.put(e.id(), new Event(e, date.value(), Set.copyOf(named), List.copyOf(heads)));
            if (e.kind() == EntityKind.DOCUMENT) {
                String stem = label.substring(0, Offsets.toUtf16(label, date.span().begin()))
                        + label.substring(Offsets.toUtf16(label, date.span().end()));
                stem = stem.replaceAll("\\(\\s*\\)", "").replaceAll("\\s+", " ").replaceAll("[\\s,.:-]+$", "")
                        .strip();
                byStem.computeIfAbsent(stem, k -> new ArrayList<>()).add(e);
                years.put(e.id(), Integer.parseInt(date.value().lexical().substring(0, 4)));
            }
        }
        for (List<Entity> docs : byStem.values()) {
            if (docs.size() > 1) {
                docs.sort(Comparator.comparing(d -> years.get(d.id())));
                List<Entity> ordered = List.copyOf(docs);
                docs.forEach(d -> versions.put(d.id(), ordered));
            }
        }
    }

    /** Every event. */
    List<Event> events() {
        return List.copyOf(events.values());
    }

    /** The event of a meeting or document, if its label has a date. */
    Optional<Event> event(Entity e) {
        return Optional.ofNullable(events.get(e.id()));
    }

    /**
     * The meetings whose statement a document is: dated meetings whose label names an entity the document's label
     * names, on the same date ("Joint Statement of the U.S.-Japan Security Consultative Committee (2022-01-06)" and
     * "U.S.-Japan Security Consultative Committee meeting of 6 January 2022").
     */
    List<Entity> meetingsOf(Entity doc) {
        Event d = events.get(doc.id());
        if (d == null || doc.kind() != EntityKind.DOCUMENT) {
            return List.of();
        }
        return events.values().stream().filter(e -> e.entity().kind() == EntityKind.MEETING
                && e.date().equals(d.date()) && e.anchors().stream().anyMatch(d.anchors()::contains))
                .map(Event::entity).sorted(Comparator.comparing(Entity::id)).toList();
    }

    /** The other entities that the entity's label names ("U.S.-Japan Security Treaty": the two states). */
    Set<Entity> labelNames(Entity e) {
        return labelNames.getOrDefault(e.id(), Set.of());
    }

    /** The earlier version of a document, if it has one. */
    Optional<Entity> earlierVersion(Entity doc) {
        List<Entity> v = versions.get(doc.id());
        int i = v == null ? -1 : indexOf(v, doc);
        return i > 0 ? Optional.of(v.get(i - 1)) : Optional.empty();
    }

    /** The later version of a document, if it has one. */
    Optional<Entity> laterVersion(Entity doc) {
        List<Entity> v = versions.get(doc.id());
        int i = v == null ? -1 : indexOf(v, doc);
        return i >= 0 && i < v.size() - 1 ? Optional.of(v.get(i + 1)) : Optional.empty();
    }

    private static int indexOf(List<Entity> list, Entity e) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(e.id())) {
                return i;
            }
        }
        return -1;
    }
}
