package org.alliancekg.vocab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * Every IRI of the graph is minted here.
 *
 * <pre>{@code
 * Iris.entity("state/japan");                 // https://w3id.org/alliance-kg/id/state/japan
 * Iris.article("002-diplomat-tatsumi-new-vision");
 * Iris.articleGraph("002-diplomat-tatsumi-new-vision");
 * Iris.claim(articleId, Iris.claimHash(s, p, o, quote, 1));
 * }</pre>
 */
public final class Iris {

    /** Base of every alliance-kg IRI. */
    public static final String BASE = "https://w3id.org/alliance-kg/";
    /** Namespace of individuals ({@code akr:}). */
    public static final String ID = BASE + "id/";
    /** Namespace of the fact nodes ({@link #fact}). */
    private static final String FACT_PREFIX = ID + "fact/";
    /** Namespace of named graphs. */
    public static final String GRAPH = BASE + "graph/";
    /** Ontology namespace ({@code akg:}), same as {@link AKG#NS}. */
    public static final String ONTOLOGY = AKG.NS;

    /** Named graph holding the ontology file's triples. */
    public static final String ONTOLOGY_GRAPH = GRAPH + "ontology";
    /** Named graph holding the entity catalogue. */
    public static final String ENTITIES_GRAPH = GRAPH + "entities";
    /**
     * Named graph holding each asserted fact once (the plain triples of asserted claims, and the type and label of
     * authors and publishers minted from front matter), however many articles state it; the article graphs hold
     * the evidence.
     */
    public static final String FACTS_GRAPH = GRAPH + "facts";

    /** A slug: lower-case a-z, 0-9 and inner single hyphens. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    /** An entity id {@code kind/slug}. */
    public static final Pattern ENTITY_ID = Pattern.compile("([a-z]+)/(" + SLUG.pattern() + ")");
    /** An article id: a slug (file name without {@code .md}). */
    public static final Pattern ARTICLE_ID = SLUG;

    private Iris() {
    }

    /** IRI of an individual given its entity id {@code kind/slug}; the kind must be known. */
    public static String entity(String id) {
        var m = ENTITY_ID.matcher(id);
        if (!m.matches() || EntityKind.fromSegment(m.group(1)).isEmpty()) {
            throw new IllegalArgumentException("not an entity id (kind/slug with a known kind): " + id);
        }
        return ID + id;
    }

    /** IRI of an individual of the given kind and slug. */
    public static String entity(EntityKind kind, String slug) {
        return entity(kind.segment() + "/" + slug);
    }

    /** The individual as a Jena resource. */
    public static Resource entityResource(String id) {
        return ResourceFactory.createResource(entity(id));
    }

    /** The entity id ({@code kind/slug}) of an individual IRI, or null if the IRI is not one. */
    public static String entityId(String iri) {
        if (iri == null || !iri.startsWith(ID)) {
            return null;
        }
        String id = iri.substring(ID.length());
        var m = ENTITY_ID.matcher(id);
        return m.matches() && EntityKind.fromSegment(m.group(1)).isPresent() ? id : null;
    }

    /** {@code akr:state/{slug}}. */
    public static String state(String slug) { return entity(EntityKind.STATE, slug); }
    /** {@code akr:person/{slug}}. */
    public static String person(String slug) { return entity(EntityKind.PERSON, slug); }
    /** {@code akr:organization/{slug}}. */
    public static String organization(String slug) { return entity(EntityKind.ORGANIZATION, slug); }
    /** {@code akr:alliance/{slug}}. */
    public static String alliance(String slug) { return entity(EntityKind.ALLIANCE, slug); }
    /** {@code akr:document/{slug}}. */
    public static String document(String slug) { return entity(EntityKind.DOCUMENT, slug); }
    /** {@code akr:capability/{slug}}. */
    public static String capability(String slug) { return entity(EntityKind.CAPABILITY, slug); }
    /** {@code akr:meeting/{slug}}. */
    public static String meeting(String slug) { return entity(EntityKind.MEETING, slug); }
    /** {@code akr:series/{slug}}. */
    public static String series(String slug) { return entity(EntityKind.SERIES, slug); }
    /** {@code akr:threat/{slug}}. */
    public static String threat(String slug) { return entity(EntityKind.THREAT, slug); }
    /** {@code akr:place/{slug}}. */
    public static String place(String slug) { return entity(EntityKind.PLACE, slug); }
    /** {@code akr:position/{slug}}. */
    public static String position(String slug) { return entity(EntityKind.POSITION, slug); }

    /** {@code akr:article/{articleId}}. */
    public static String article(String articleId) {
        return ID + "article/" + checkArticleId(articleId);
    }

    /** A sentence of an article: {@code akr:sentence/{articleId}/{begin}-{end}} (code-point offsets, as mentions). */
    public static String sentence(String articleId, int begin, int end) {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("bad sentence span " + begin + "-" + end);
        }
        return ID + "sentence/" + checkArticleId(articleId) + "/" + begin + "-" + end;
    }

    /** The named graph of one article: {@code .../graph/article/{articleId}}. */
    public static String articleGraph(String articleId) {
        return GRAPH + "article/" + checkArticleId(articleId);
    }

    /** The named graph of an article's suggested claims: {@code .../graph/suggested/{articleId}}. */
    public static String suggestedGraph(String articleId) {
        return GRAPH + "suggested/" + checkArticleId(articleId);
    }

    /** {@code akr:claim/{articleId}/{hash12}}. */
    public static String claim(String articleId, String hash12) {
        if (!hash12.matches("[0-9a-f]{12}")) {
            throw new IllegalArgumentException("claim hash must be 12 lower-case hex digits: " + hash12);
        }
        return ID + "claim/" + checkArticleId(articleId) + "/" + hash12;
    }

    /**
     * The claim hash: first 12 hex digits of SHA-1 over {@code subject|predicate|objectOrValue|quote|occurrence}.
     */
    public static String claimHash(String subject, String predicate, String objectOrValue, String quote,
                                    int occurrence) {
        String key = subject + "|" + predicate + "|" + objectOrValue + "|" + quote + "|" + occurrence;
        return sha1Hex(key, 12);
    }

    /**
     * {@code akr:suggestion/{articleId}/{hash12}}: a suggested claim (issue 3), one per triple and article; hash12 is
     * the first 12 hex digits of SHA-1 over {@code subject|predicate|objectOrValue}.
     */
    public static String suggestion(String articleId, String subject, String predicate, String objectOrValue) {
        String key = subject + "|" + predicate + "|" + objectOrValue;
        return ID + "suggestion/" + checkArticleId(articleId) + "/" + sha1Hex(key, 12);
    }

    /**
     * {@code akr:fact/{hash16}}: the fact node of one triple, the same for every claim of every article that states
     * it; hash16 is the first 16 hex digits of SHA-1 over the triple's three terms in N-Triples syntax, separated by
     * single spaces ({@code <s> <p> "2022"^^<http://www.w3.org/2001/XMLSchema#gYear>}).
     */
    public static String fact(Node subject, Node predicate, Node object) {
        String key = NodeFmtLib.strNT(subject) + " " + NodeFmtLib.strNT(predicate) + " " + NodeFmtLib.strNT(object);
        return FACT_PREFIX + sha1Hex(key, 16);
    }

    /** Whether a node is a fact node's IRI ({@link #fact}). */
    public static boolean isFact(Node n) {
        return n.isURI() && n.getURI().startsWith(FACT_PREFIX);
    }

    /** {@code akr:mention/{articleId}/{begin}-{end}} (code-point offsets). */
    public static String mention(String articleId, int begin, int end) {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("bad mention span " + begin + "-" + end);
        }
        return ID + "mention/" + checkArticleId(articleId) + "/" + begin + "-" + end;
    }

    /**
     * A slug for a free-text name: diacritics dropped, lower case, runs of other characters turned into one
     * hyphen. {@code "Agustín Maciel-Padilla"} becomes {@code agustin-maciel-padilla}.
     */
    public static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            throw new IllegalArgumentException("cannot make a slug of: " + name);
        }
        return s;
    }

    private static String checkArticleId(String articleId) {
        if (articleId == null || !ARTICLE_ID.matcher(articleId).matches()) {
            throw new IllegalArgumentException("not an article id (lower-case a-z0-9 and '-'): " + articleId);
        }
        return articleId;
    }

    /** The first {@code digits} hex digits of SHA-1 over a key in UTF-8. */
    private static String sha1Hex(String key, int digits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, digits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }
}
