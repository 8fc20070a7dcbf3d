package org.alliancekg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Jena constants for every term of the alliance-kg ontology ({@code akg:}).
 *
 * <p>The names follow the vocabulary contract ({@code shared/spec/vocabulary.md}) plus the terms the design adds
 * (claim literals, mentions, suggestions). A test checks that the ontology file defines each of them.
 *
 * <pre>{@code
 * model.add(article, RDF.type, AKG.Article);
 * model.add(meeting, AKG.namesThreat, threat);
 * }</pre>
 */
public final class AKG {

    /** The ontology namespace, {@value}. */
    public static final String NS = "https://w3id.org/alliance-kg/ontology#";

    /** The namespace as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private AKG() {
    }

    /** Returns the IRI of the akg term with the given local name. */
    public static String iri(String localName) {
        return NS + localName;
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS, local);
    }

    // ---- classes ----
    /** Anything that acts (superclass of State, Person, Organization, Alliance). */
    public static final Resource Actor = resource("Actor");
    /** A sovereign state. */
    public static final Resource State = resource("State");
    /** A person. */
    public static final Resource Person = resource("Person");
    /** A ministry, force, think tank or publisher. */
    public static final Resource Organization = resource("Organization");
    /** An alliance or grouping of actors. */
    public static final Resource Alliance = resource("Alliance");
    /** A strategy, guideline, programme, joint statement or treaty. */
    public static final Resource StrategyDocument = resource("StrategyDocument");
    /** A military or policy capability, system or weapon. */
    public static final Resource Capability = resource("Capability");
    /** A meeting, dialogue, summit or conference session. */
    public static final Resource Meeting = resource("Meeting");
    /** A recurring forum. */
    public static final Resource MeetingSeries = resource("MeetingSeries");
    /** A threat or challenge. */
    public static final Resource Threat = resource("Threat");
    /** A place or region. */
    public static final Resource Place = resource("Place");
    /** A post held by a person. */
    public static final Resource Position = resource("Position");
    /** A source article of the corpus. */
    public static final Resource Article = resource("Article");
    /** A statement node: one fact with its evidence. */
    public static final Resource Claim = resource("Claim");
    /** An occurrence of a known label or alias in an article. */
    public static final Resource Mention = resource("Mention");
    /** A claim proposed by the extractor, not yet curated. */
    public static final Resource SuggestedClaim = resource("SuggestedClaim");
    /** One triple that claims state, named once for the whole corpus: the key its claims share. */
    public static final Resource Fact = resource("Fact");
    /** Claim to the Fact whose triple it states. */
    public static final Property fact = property("fact");
    /** The subject of a Fact's triple. */
    public static final Property factSubject = property("factSubject");
    /** The predicate of a Fact's triple. */
    public static final Property factPredicate = property("factPredicate");
    /** The object of a Fact's triple (an IRI or a literal). */
    public static final Property factObject = property("factObject");
    /** A characterization that one of a Fact's claims gives (each one once). */
    public static final Property factCharacterization = property("factCharacterization");
    /** A modality that one of a Fact's claims gives (akg:Stated for a claim that gives none; each one once). */
    public static final Property factModality = property("factModality");
    /** Fact to a Fact stated in one passage with it (overlapping quotes), in the graph of that article. */
    public static final Property statedWith = property("statedWith");

    // ---- object properties between things ----
    /** Meeting, StrategyDocument or Article names a Threat. */
    public static final Property namesThreat = property("namesThreat");
    /** Threat is posed by an Actor. */
    public static final Property posedBy = property("posedBy");
    /** Meeting participant (Actor). */
    public static final Property participant = property("participant");
    /** Meeting belongs to a MeetingSeries. */
    public static final Property partOfSeries = property("partOfSeries");
    /** Meeting was held at a Place. */
    public static final Property location = property("location");
    /** Meeting produced a StrategyDocument. */
    public static final Property produced = property("produced");
    /** StrategyDocument was issued by an Actor. */
    public static final Property issuedBy = property("issuedBy");
    /** StrategyDocument or Meeting concerns a Capability. */
    public static final Property concernsCapability = property("concernsCapability");
    /** Actor pursues a Capability. */
    public static final Property pursuesCapability = property("pursuesCapability");
    /** Actor abandoned a Capability. */
    public static final Property abandonedCapability = property("abandonedCapability");
    /** StrategyDocument revises an older StrategyDocument. */
    public static final Property revises = property("revises");
    /** Actor is a member of an Alliance. */
    public static final Property memberOf = property("memberOf");
    /** Actor cooperates with another Actor (symmetric). */
    public static final Property cooperatesWith = property("cooperatesWith");
    /** Person holds a Position. */
    public static final Property holdsPosition = property("holdsPosition");
    /** Article mentions an individual. */
    public static final Property mentions = property("mentions");
    /** Position is a post of this Actor. */
    public static final Property forActor = property("forActor");
    /** Meeting was hosted by an Actor. */
    public static final Property host = property("host");

    // ---- literals ----
    /** Date of a Meeting, StrategyDocument, Article or Claim (xsd:date, gYearMonth or gYear). */
    public static final Property date = property("date");
    /** End date of something with a duration. */
    public static final Property endDate = property("endDate");
    /** The date in another time zone (e.g. Tokyo time). */
    public static final Property localDate = property("localDate");
    /** Format of a meeting (e.g. "virtual"). */
    public static final Property format = property("format");
    /** The source's own words for a claim. */
    public static final Property characterization = property("characterization");
    /** Verbatim quote supporting a claim. */
    public static final Property quote = property("quote");
    /** Code-point offset where a quote or mention begins in the article body. */
    public static final Property beginIndex = property("beginIndex");
    /** Code-point offset where a quote or mention ends (exclusive) in the article body. */
    public static final Property endIndex = property("endIndex");
    /** Hex SHA-256 of an article body in UTF-8. */
    public static final Property textSha256 = property("textSha256");
    /** Why an article's date was inferred from the text. */
    public static final Property dateInferred = property("dateInferred");

    // ---- mentions and suggestions ----
    /** The individual a Mention refers to. */
    public static final Property mentionOf = property("mentionOf");
    /** On a Mention that context cannot resolve: one of the two or more individuals it may refer to. */
    public static final Property candidate = property("candidate");
    /** The matched text of a Mention. */
    public static final Property anchorText = property("anchorText");
    /** The sentence a Mention or suggestion stands in. */
    public static final Property sentence = property("sentence");
    /** Confidence of a SuggestedClaim (0..1). */
    public static final Property confidence = property("confidence");
    /** The cue words that triggered a SuggestedClaim. */
    public static final Property cue = property("cue");

    // ---- vocabulary 2 ----
    /** A decision, commitment, directive or pledge as a node. */
    public static final Resource Decision = resource("Decision");
    /** A figure: value, unit and what it measures. */
    public static final Resource Quantity = resource("Quantity");
    /** A military exercise. */
    public static final Resource Exercise = resource("Exercise");
    /** Value of a quantity (xsd:decimal). */
    public static final Property value = property("value");
    /** Unit of a quantity (an akg:Unit). */
    public static final Property unit = property("unit");
    /** What a quantity measures, in words. */
    public static final Property measures = property("measures");
    /** Start of a time-bounded fact; on a claim node, when the claimed fact began. */
    public static final Property startDate = property("startDate");
    /** On a claim node: the fact had ended by the article's time, end unknown. */
    public static final Property ended = property("ended");
    /** How the article puts a claim (an akg:Modality). */
    public static final Property modality = property("modality");
    /** The party inside the article to whom a claim is attributed. */
    public static final Property accordingTo = property("accordingTo");
    /** The article's words naming the source or hedge of a claim. */
    public static final Property attribution = property("attribution");
    /** The rank of a claim (an akg:Rank). */
    public static final Property rank = property("rank");
    /** Why a claim has its rank. */
    public static final Property rankReason = property("rankReason");
    /** Whether a claim's triple is asserted (stands in the graph of facts). */
    public static final Property asserted = property("asserted");
    /** The status of a decision (schema:ActionStatusType). */
    public static final Resource ActionStatus = resource("ActionStatus");
    /** How an article puts a claim. */
    public static final Resource Modality = resource("Modality");
    /** The rank of a claim. */
    public static final Resource Rank = resource("Rank");
    /** A unit of a quantity. */
    public static final Resource Unit = resource("Unit");
    /** Whom or what a threat threatens. */
    public static final Property threatens = property("threatens");
    /** The actor already has the capability. */
    public static final Property hasCapability = property("hasCapability");
    /** Was shaped by an earlier document or meeting. */
    public static final Property informedBy = property("informedBy");
    /** Continues the line or tone of an earlier document or meeting. */
    public static final Property follows = property("follows");
    /** The actor promotes a vision, doctrine or policy. */
    public static final Property promotes = property("promotes");
    /** An economic relation between two actors. */
    public static final Property tradesWith = property("tradesWith");
    /** Who took the decision. */
    public static final Property decidedBy = property("decidedBy");
    /** The meeting or document of the decision. */
    public static final Property decidedAt = property("decidedAt");
    /** What the decision is about. */
    public static final Property concerns = property("concerns");
    /** What the decision creates or turns its object into. */
    public static final Property result = property("result");
    /** The status of a decision. */
    public static final Property status = property("status");
    /** A figure the article gives for the subject. */
    public static final Property hasQuantity = property("hasQuantity");
    /** Over what period a decision or quantity runs (xsd:duration). */
    public static final Property duration = property("duration");
    /** Voices concern about, or stresses the importance of, something short of naming it a threat. */
    public static final Property expressesConcern = property("expressesConcern");
    /** The actor a commitment or pledge is made to. */
    public static final Property madeTo = property("madeTo");
    /** A threat, decision, document or meeting the article gives as the reason for a decision, document or meeting. */
    public static final Property motivatedBy = property("motivatedBy");
}
