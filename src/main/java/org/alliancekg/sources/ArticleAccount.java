package org.alliancekg.sources;

import java.util.List;
import java.util.Objects;

/**
 * What one article says about an entity: the article's metadata and its claims about it, in the order of their
 * quotes in the text.
 *
 * @param iri       the article's IRI ({@code akr:article/{id}})
 * @param id        the article id (the last segment of the IRI)
 * @param title     {@code dcterms:title}, else its label, else the id
 * @param date      {@code akg:date} (lexical form: {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}), or null
 * @param authors   {@code dcterms:creator}s, by label
 * @param publisher {@code dcterms:publisher}, or null
 * @param claims    the claims, at least one
 */
public record ArticleAccount(String iri, String id, String title, String date, List<Term> authors, Term publisher,
                             List<ClaimAccount> claims) {

    public ArticleAccount {
        Objects.requireNonNull(iri, "iri");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        authors = List.copyOf(authors);
        claims = List.copyOf(claims);
        if (claims.isEmpty()) {
            throw new IllegalArgumentException(iri + ": an account holds at least one claim");
        }
    }
}
