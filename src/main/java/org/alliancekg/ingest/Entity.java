package org.alliancekg.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.alliancekg.vocab.EntityKind;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Unit;

/**
 * One individual of the catalogue: id {@code kind/slug}, its kind (must match the id), English label, aliases,
 * Wikidata item ({@code Q17}), comment, for a Position the actor of the post ({@code forActor}), and for a
 * Quantity its {@link Measure} (value, unit, what it measures), and the ids of closely related entities
 * ({@code related}, published as {@code skos:related}: the same idea under another name or in another period).
 *
 * <p>Two optional fields serve only to resolve mentions of a name several entities share (they are not published
 * as triples): {@code country}, the id of the state the entity belongs to ({@code state/japan}), and
 * {@code issued}, when a document was issued or a meeting held ({@code YYYY}, {@code YYYY-MM} or
 * {@code YYYY-MM-DD}; documents and meetings only).
 */
public record Entity(Source source, String id, EntityKind kind, String label, List<String> aliases,
                     String wikidata, String comment, String forActor, String country, PartialDate issued,
                     Measure measure, Retirement retirement, List<String> related) {

    /**
     * A retired entity: its IRI stays published (an earlier version of the graph used it), marked
     * {@code owl:deprecated} with the reason and, where one exists, the entity that replaces it
     * ({@code dcterms:isReplacedBy}). No claim may use it and no mention finds it.
     */
    public record Retirement(String reason, String replacedBy) {
    }

    /** The figure of a Quantity: a number, its unit and what it measures ({@code defence spending}). */
    public record Measure(java.math.BigDecimal value, Unit unit, String measures) {
    }

    /** An entity without the fields used to resolve mentions ({@code country}, {@code issued}) or a figure. */
    public Entity(Source source, String id, EntityKind kind, String label, List<String> aliases, String wikidata,
                  String comment, String forActor) {
        this(source, id, kind, label, aliases, wikidata, comment, forActor, null, null, null, null, List.of());
    }

    private static final Pattern WIKIDATA = Pattern.compile("Q[1-9][0-9]*");

    /** Checks every field; throws {@link InputException} listing each broken rule at the source. */
    public Entity {
        Problems problems = new Problems();
        EntityKind idKind = null;
        if (id == null || !Iris.ENTITY_ID.matcher(id).matches()) {
            problems.add(Problem.field("id", "'" + id + "' is not kind/slug (lower-case a-z, 0-9, '-')"));
        } else {
            idKind = EntityKind.ofId(id).orElse(null);
            if (idKind == null) {
                problems.add(Problem.field("id", "'" + id + "' has an unknown kind; known: " + knownKinds()));
            }
        }
        if (kind == null) {
            problems.add(Problem.field("type", "required"));
        } else if (idKind != null && idKind != kind) {
            problems.add(Problem.field("type", "'" + kind.className() + "' does not match the id's kind '"
                    + idKind.segment() + "' (expected " + idKind.className() + ")"));
        }
        if (label == null || label.isBlank()) {
            problems.add(Problem.field("label", "required, must not be empty"));
        } else if (!label.equals(label.strip())) {
            problems.add(Problem.field("label", "'" + label + "' has leading or trailing spaces"));
        }
        aliases = aliases == null ? List.of() : aliases;
        Set<String> seen = new HashSet<>();
        if (label != null) {
            seen.add(label);
        }
        for (int i = 0; i < aliases.size(); i++) {
            String a = aliases.get(i);
            if (a == null || a.isBlank()) {
                problems.add(Problem.field("aliases[" + i + "]", "must not be empty"));
            } else if (!a.equals(a.strip())) {
                problems.add(Problem.field("aliases[" + i + "]", "'" + a + "' has leading or trailing spaces"));
            } else if (!seen.add(a)) {
                problems.add(Problem.field("aliases[" + i + "]", "'" + a + "' repeats the label or another alias"));
            }
        }
        if (wikidata != null && !WIKIDATA.matcher(wikidata).matches()) {
            problems.add(Problem.field("wikidata", "'" + wikidata + "' is not a Wikidata item id like Q17"));
        }
        if (comment != null && comment.isBlank()) {
            problems.add(Problem.field("comment", "must not be empty when given"));
        }
        if (forActor != null) {
            if (kind != null && kind != EntityKind.POSITION) {
                problems.add(Problem.field("forActor", "only a Position has forActor"));
            }
            EntityKind actorKind = Iris.ENTITY_ID.matcher(forActor).matches()
                    ? EntityKind.ofId(forActor).orElse(null) : null;
            if (actorKind == null || !actorKind.isActor()) {
                problems.add(Problem.field("forActor", "'" + forActor
                        + "' is not the id of an Actor (state/, person/, organization/, alliance/)"));
            }
        }
        if (kind == EntityKind.QUANTITY && measure == null) {
            problems.add(Problem.field("value", "a Quantity needs value, unit and measures"));
        } else if (kind != null && kind != EntityKind.QUANTITY && measure != null) {
            problems.add(Problem.field("value", "only a Quantity has value, unit and measures"));
        }
        if (country != null && (!Iris.ENTITY_ID.matcher(country).matches()
                || EntityKind.ofId(country).orElse(null) != EntityKind.STATE)) {
            problems.add(Problem.field("country", "'" + country + "' is not the id of a State (state/...)"));
        }
        if (issued != null && kind != null && kind != EntityKind.DOCUMENT && kind != EntityKind.MEETING) {
            problems.add(Problem.field("issued", "only a StrategyDocument or a Meeting has issued"));
        }
        related = related == null ? List.of() : List.copyOf(related);
        for (int i = 0; i < related.size(); i++) {
            String r = related.get(i);
            if (r == null || !Iris.ENTITY_ID.matcher(r).matches() || EntityKind.ofId(r).isEmpty()) {
                problems.add(Problem.field("related[" + i + "]", "'" + r + "' is not an entity id (kind/slug)"));
            } else if (r.equals(id)) {
                problems.add(Problem.field("related[" + i + "]", "'" + r + "' is the entity itself"));
            }
        }
        if (retirement != null) {
            if (retirement.reason() == null || retirement.reason().isBlank()) {
                problems.add(Problem.field("retired", "must give the reason the entity is retired"));
            }
            String by = retirement.replacedBy();
            if (by != null && (!Iris.ENTITY_ID.matcher(by).matches() || EntityKind.ofId(by).isEmpty())) {
                problems.add(Problem.field("replacedBy", "'" + by + "' is not an entity id (kind/slug)"));
            }
        }
        if (!problems.isEmpty()) {
            throw source == null ? new InputException(problems.list())
                    : new InputException(problems.list().stream().map(p -> p.at(source)).toList());
        }
        aliases = List.copyOf(aliases);
    }

    /** Whether the entity is retired (kept for its published IRI only). */
    public boolean isRetired() {
        return retirement != null;
    }

    /** Label then aliases. */
    public List<String> names() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(label), aliases.stream()).toList();
    }

    /** The individual's IRI. */
    public String iri() {
        return Iris.entity(id);
    }

    private static String knownKinds() {
        return String.join(", ", java.util.Arrays.stream(EntityKind.values()).map(EntityKind::segment).toList());
    }
}
