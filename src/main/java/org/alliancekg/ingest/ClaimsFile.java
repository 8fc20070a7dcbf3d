package org.alliancekg.ingest;

import java.util.List;

/** The claims of one article, read from {@code data/claims/{articleId}.yaml}. */
public record ClaimsFile(String file, String article, List<Claim> claims) {

    /** Copies the list. */
    public ClaimsFile {
        claims = List.copyOf(claims);
    }
}
