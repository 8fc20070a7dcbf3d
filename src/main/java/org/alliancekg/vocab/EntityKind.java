package org.alliancekg.vocab;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Resource;

/**
 * The kinds of individuals: the first IRI segment of an entity id ({@code state/japan}) and the akg class it
 * stands for.
 *
 * <pre>{@code
 * EntityKind.fromSegment("document").orElseThrow().type(); // AKG.StrategyDocument
 * }</pre>
 */
public enum EntityKind {
    STATE("state", "State", true),
    PERSON("person", "Person", true),
    ORGANIZATION("organization", "Organization", true),
    ALLIANCE("alliance", "Alliance", true),
    DOCUMENT("document", "StrategyDocument", false),
    CAPABILITY("capability", "Capability", false),
    MEETING("meeting", "Meeting", false),
    SERIES("series", "MeetingSeries", false),
    THREAT("threat", "Threat", false),
    PLACE("place", "Place", false),
    POSITION("position", "Position", false),
    DECISION("decision", "Decision", false),
    QUANTITY("quantity", "Quantity", false),
    EXERCISE("exercise", "Exercise", false);

    private static final Map<String, EntityKind> BY_SEGMENT =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EntityKind::segment, Function.identity()));
    private static final Map<String, EntityKind> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EntityKind::className, Function.identity()));

    private final String segment;
    private final String className;
    private final boolean actor;

    EntityKind(String segment, String className, boolean actor) {
        this.segment = segment;
        this.className = className;
        this.actor = actor;
    }

    /** The IRI segment, e.g. {@code document}. */
    public String segment() {
        return segment;
    }

    /** The akg class local name, e.g. {@code StrategyDocument}. */
    public String className() {
        return className;
    }

    /** The akg class. */
    public Resource type() {
        return org.apache.jena.rdf.model.ResourceFactory.createResource(AKG.iri(className));
    }

    /** Whether individuals of this kind are {@code akg:Actor}s. */
    public boolean isActor() {
        return actor;
    }

    /** The kind for an IRI segment ({@code state}, {@code document}, ...). */
    public static Optional<EntityKind> fromSegment(String segment) {
        return Optional.ofNullable(BY_SEGMENT.get(segment));
    }

    /** The kind for an akg class local name ({@code State}, {@code StrategyDocument}, ...). */
    public static Optional<EntityKind> fromClassName(String className) {
        return Optional.ofNullable(BY_CLASS.get(className));
    }

    /** The kind of an entity id {@code kind/slug}, if its first segment is known. */
    public static Optional<EntityKind> ofId(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? Optional.empty() : fromSegment(id.substring(0, slash));
    }
}
