package org.alliancekg.build;

/**
 * What ingesting one article did.
 *
 * @param articleId      the article id
 * @param articleIri     the article's IRI
 * @param status         created, replaced or unchanged
 * @param articleQuads   quads now in the article graph
 * @param suggestedQuads quads now in the graph of suggested claims
 * @param mentions       mentions of known entities
 * @param claims         curated claims (from {@code data/claims/{id}.yaml})
 * @param suggestions    suggested claims
 * @param candidates     candidate entities (for review; not in the database)
 * @param copiedTo       where the file was copied in the project ({@code data/articles/{id}.md}), or null when it
 *                       was there already with the same content
 */
public record IngestResult(String articleId, String articleIri, Status status, long articleQuads,
                           long suggestedQuads, int mentions, int claims, int suggestions, int candidates,
                           String copiedTo) {

    /** What happened to the article in the database. */
    public enum Status {
        /** The article was not in the database. */
        CREATED,
        /** The article's graphs were replaced. */
        REPLACED,
        /** The database already held exactly these graphs: nothing was written. */
        UNCHANGED
    }

    /** One line for people, e.g. {@code created 005-x: 812 quads (+120 suggested), 40 mentions, ...}. */
    public String summary() {
        return status.name().toLowerCase(java.util.Locale.ROOT) + " " + articleId + " <" + articleIri + ">: "
                + articleQuads + " quads in the article graph, " + suggestedQuads + " in the graph of suggestions; "
                + mentions + " mentions, " + claims + " curated claims, " + suggestions + " suggested claims, "
                + candidates + " candidate entities" + (copiedTo != null ? "; copied to " + copiedTo : "");
    }
}
