package org.alliancekg.vocab;

import static org.alliancekg.vocab.EntityKind.ALLIANCE;
import static org.alliancekg.vocab.EntityKind.CAPABILITY;
import static org.alliancekg.vocab.EntityKind.DECISION;
import static org.alliancekg.vocab.EntityKind.DOCUMENT;
import static org.alliancekg.vocab.EntityKind.EXERCISE;
import static org.alliancekg.vocab.EntityKind.MEETING;
import static org.alliancekg.vocab.EntityKind.ORGANIZATION;
import static org.alliancekg.vocab.EntityKind.PERSON;
import static org.alliancekg.vocab.EntityKind.PLACE;
import static org.alliancekg.vocab.EntityKind.POSITION;
import static org.alliancekg.vocab.EntityKind.QUANTITY;
import static org.alliancekg.vocab.EntityKind.SERIES;
import static org.alliancekg.vocab.EntityKind.STATE;
import static org.alliancekg.vocab.EntityKind.THREAT;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The akg properties a curated claim may use, with the kinds allowed as subject (domain) and object (range).
 *
 * <p>An entity predicate has a non-empty {@link #range()}; a literal predicate has a {@link #literal()} kind
 * other than {@link LiteralKind#NONE}. {@link #allowsArticleSubject()} tells whether an {@code akg:Article}
 * ({@code article/<id>}) may be the subject.
 *
 * <pre>{@code
 * ClaimPredicate p = ClaimPredicate.fromName("namesThreat").orElseThrow();
 * p.allowsSubject(EntityKind.MEETING); // true
 * }</pre>
 */
public enum ClaimPredicate {
    namesThreat(EnumSet.of(MEETING, DOCUMENT, DECISION), true, EnumSet.of(THREAT), LiteralKind.NONE),
    expressesConcern(with(actors(), MEETING, DOCUMENT), false, with(actors(), THREAT, PLACE, DOCUMENT),
            LiteralKind.NONE),
    posedBy(EnumSet.of(THREAT), false, actors(), LiteralKind.NONE),
    threatens(EnumSet.of(THREAT), false, with(actors(), PLACE), LiteralKind.NONE),
    participant(EnumSet.of(MEETING, EXERCISE), false, actors(), LiteralKind.NONE),
    partOfSeries(EnumSet.of(MEETING), false, EnumSet.of(SERIES), LiteralKind.NONE),
    location(EnumSet.of(MEETING, EXERCISE), false, EnumSet.of(PLACE), LiteralKind.NONE),
    produced(EnumSet.of(MEETING), false, EnumSet.of(DOCUMENT), LiteralKind.NONE),
    issuedBy(EnumSet.of(DOCUMENT), false, actors(), LiteralKind.NONE),
    concernsCapability(EnumSet.of(DOCUMENT, MEETING, DECISION), false, EnumSet.of(CAPABILITY), LiteralKind.NONE),
    pursuesCapability(actors(), false, EnumSet.of(CAPABILITY), LiteralKind.NONE),
    hasCapability(actors(), false, EnumSet.of(CAPABILITY), LiteralKind.NONE),
    abandonedCapability(actors(), false, EnumSet.of(CAPABILITY), LiteralKind.NONE),
    revises(EnumSet.of(DOCUMENT), false, EnumSet.of(DOCUMENT), LiteralKind.NONE),
    informedBy(EnumSet.of(DOCUMENT, MEETING, DECISION), false, EnumSet.of(DOCUMENT, MEETING), LiteralKind.NONE),
    follows(EnumSet.of(DOCUMENT, MEETING), false, EnumSet.of(DOCUMENT, MEETING), LiteralKind.NONE),
    promotes(actors(), false, EnumSet.of(DOCUMENT), LiteralKind.NONE),
    memberOf(actors(), false, EnumSet.of(ALLIANCE), LiteralKind.NONE),
    cooperatesWith(actors(), false, actors(), LiteralKind.NONE),
    tradesWith(actors(), false, actors(), LiteralKind.NONE),
    holdsPosition(EnumSet.of(PERSON), false, EnumSet.of(POSITION), LiteralKind.NONE),
    host(EnumSet.of(MEETING, EXERCISE), false, actors(), LiteralKind.NONE),
    decidedBy(EnumSet.of(DECISION), false, actors(), LiteralKind.NONE),
    decidedAt(EnumSet.of(DECISION), false, EnumSet.of(MEETING, DOCUMENT), LiteralKind.NONE),
    madeTo(EnumSet.of(DECISION), false, actors(), LiteralKind.NONE),
    motivatedBy(EnumSet.of(DECISION, DOCUMENT, MEETING), false, EnumSet.of(THREAT, DECISION, DOCUMENT, MEETING),
            LiteralKind.NONE),
    concerns(EnumSet.of(DECISION), false, EnumSet.complementOf(EnumSet.of(QUANTITY)), LiteralKind.NONE),
    result(EnumSet.of(DECISION), false, EnumSet.complementOf(EnumSet.of(QUANTITY)), LiteralKind.NONE),
    hasQuantity(with(actors(), DOCUMENT, DECISION, CAPABILITY, EXERCISE), false, EnumSet.of(QUANTITY),
            LiteralKind.NONE),
    status(EnumSet.of(DECISION), false, EnumSet.noneOf(EntityKind.class), LiteralKind.STATUS),
    duration(EnumSet.of(DECISION, QUANTITY), false, EnumSet.noneOf(EntityKind.class), LiteralKind.DURATION),
    date(EnumSet.of(MEETING, DOCUMENT, DECISION, EXERCISE, ALLIANCE), true, EnumSet.noneOf(EntityKind.class),
            LiteralKind.DATE),
    startDate(EnumSet.of(MEETING, DOCUMENT, DECISION, EXERCISE, ALLIANCE, ORGANIZATION), false,
            EnumSet.noneOf(EntityKind.class), LiteralKind.DATE),
    endDate(EnumSet.of(MEETING, DOCUMENT, DECISION, EXERCISE, ALLIANCE, ORGANIZATION), false,
            EnumSet.noneOf(EntityKind.class), LiteralKind.DATE),
    localDate(EnumSet.of(MEETING), false, EnumSet.noneOf(EntityKind.class), LiteralKind.DATE),
    format(EnumSet.of(MEETING), false, EnumSet.noneOf(EntityKind.class), LiteralKind.STRING);

    /** What kind of literal a literal predicate takes. */
    public enum LiteralKind {
        /** Not a literal predicate: the object is an entity. */
        NONE,
        /** A date typed xsd:date, xsd:gYearMonth or xsd:gYear by precision. */
        DATE,
        /** A plain string. */
        STRING,
        /** An xsd:duration such as {@code P5Y}. */
        DURATION,
        /** An {@link ActionStatus} notation, written as the akg individual. */
        STATUS
    }

    private final Set<EntityKind> domain;
    private final boolean articleSubject;
    private final Set<EntityKind> range;
    private final LiteralKind literal;

    ClaimPredicate(Set<EntityKind> domain, boolean articleSubject, Set<EntityKind> range, LiteralKind literal) {
        this.domain = Set.copyOf(domain);
        this.articleSubject = articleSubject;
        this.range = range.isEmpty() ? Set.of() : Set.copyOf(range);
        this.literal = literal;
    }

    private static EnumSet<EntityKind> actors() {
        return EnumSet.of(STATE, PERSON, ORGANIZATION, ALLIANCE);
    }

    private static EnumSet<EntityKind> with(EnumSet<EntityKind> kinds, EntityKind... more) {
        EnumSet<EntityKind> all = EnumSet.copyOf(kinds);
        all.addAll(java.util.Arrays.asList(more));
        return all;
    }

    /** The Jena property. */
    public Property property() {
        return ResourceFactory.createProperty(AKG.NS, name());
    }

    /** Kinds allowed as subject. */
    public Set<EntityKind> domain() {
        return domain;
    }

    /** Kinds allowed as object; empty for a literal predicate. */
    public Set<EntityKind> range() {
        return range;
    }

    /** Literal kind; {@link LiteralKind#NONE} for an entity predicate. */
    public LiteralKind literal() {
        return literal;
    }

    /** Whether the object is a literal ({@code value:} in claims) rather than an entity ({@code object:}). */
    public boolean isLiteral() {
        return literal != LiteralKind.NONE;
    }

    /** Whether the object in RDF is an IRI: an entity, or an akg individual such as a status. */
    public boolean objectIsIri() {
        return literal == LiteralKind.NONE || literal == LiteralKind.STATUS;
    }

    /** Whether an article may be the subject. */
    public boolean allowsArticleSubject() {
        return articleSubject;
    }

    /** Whether an entity of this kind may be the subject. */
    public boolean allowsSubject(EntityKind kind) {
        return domain.contains(kind);
    }

    /** Whether an entity of this kind may be the object. */
    public boolean allowsObject(EntityKind kind) {
        return range.contains(kind);
    }

    /** Human-readable domain, e.g. {@code Meeting|StrategyDocument|Article}. */
    public String describeDomain() {
        String s = describe(domain);
        return articleSubject ? s + "|Article" : s;
    }

    /** Human-readable range, e.g. {@code Threat} or {@code date literal}. */
    public String describeRange() {
        return isLiteral() ? literal.name().toLowerCase() + " literal" : describe(range);
    }

    private static String describe(Set<EntityKind> kinds) {
        if (kinds.equals(actors())) {
            return "Actor";
        }
        return Arrays.stream(EntityKind.values()).filter(kinds::contains).map(EntityKind::className)
                .collect(Collectors.joining("|"));
    }

    /** The predicate with this akg local name. */
    public static Optional<ClaimPredicate> fromName(String localName) {
        return Arrays.stream(values()).filter(p -> p.name().equals(localName)).findFirst();
    }

    /** All local names, comma separated (for error messages). */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
