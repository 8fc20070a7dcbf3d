package org.alliancekg.export;

import java.util.Objects;
import java.util.Optional;

/**
 * What supports an edge: an {@code akg:Claim} (for the relations curated from the articles) or an
 * {@code akg:Mention} (for {@code akg:mentions}, when articles are in the graph).
 *
 * @param iri              the claim or mention IRI
 * @param kind             claim or mention
 * @param article          the article it derives from ({@code prov:wasDerivedFrom}), if stated
 * @param quote            the supporting text: the claim's {@code akg:quote}, or the mention's sentence (or anchor
 *                         text when it has no sentence)
 * @param characterization the source's own words ({@code akg:characterization}), if any
 * @param date             when the fact holds ({@code akg:date} of the claim), if stated
 */
public record Evidence(String iri, Kind kind, Optional<String> article, String quote,
                       Optional<String> characterization, Optional<DateSpan> date) {

    /** The kind of statement node. */
    public enum Kind {
        /** An {@code akg:Claim}. */
        CLAIM,
        /** An {@code akg:Mention}. */
        MENTION
    }

    public Evidence {
        Objects.requireNonNull(iri, "iri");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(quote, "quote");
        article = article == null ? Optional.empty() : article;
        characterization = characterization == null ? Optional.empty() : characterization;
        date = date == null ? Optional.empty() : date;
    }
}
