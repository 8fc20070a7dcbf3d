package org.alliancekg.text;

/** A search the index cannot run: empty, too long, or not valid Lucene syntax; the message says which. HTTP 400. */
public final class SearchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** With the reason, written for the person who typed the query. */
    public SearchException(String message) {
        super(message);
    }
}
