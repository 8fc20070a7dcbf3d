package org.alliancekg.extract;

import java.util.Objects;

import org.alliancekg.ingest.PartialDate;

/**
 * A date expression found in a text, with its value.
 *
 * <p>{@code value} is typed by precision as the contract says ({@code xsd:date}, {@code xsd:gYearMonth},
 * {@code xsd:gYear}, see {@link PartialDate#datatype()}); {@code end} is the last day of a range ("February
 * 26-27, 2024"), else null. A {@link Kind#RELATIVE} date ("last year", "in June", "January 6" without a year)
 * was resolved against the article's date. {@code local} marks a date given in parentheses for another time zone
 * right after the main date ("January 6 (January 7 in Tokyo)").
 *
 * @param text  the matched text, exactly as in the source
 * @param span  code-point offsets of the text
 * @param value the date (the first day of a range)
 * @param end   the last day of a range, or null
 * @param kind  absolute or resolved against the article's date
 * @param local whether this is the same moment given in another time zone
 */
public record ResolvedDate(String text, Span span, PartialDate value, PartialDate end, Kind kind, boolean local) {

    /** Whether the date is complete in the text or was resolved against the article's date. */
    public enum Kind {
        /** The text states the year ("July 28, 2024", "December 2022", "late 2022", "2013"). */
        ABSOLUTE,
        /** The year (or the month) comes from the article's date ("last year", "in June", "January 6"). */
        RELATIVE
    }

    /** Checks the text fits the span. */
    public ResolvedDate {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
        if (text == null || text.codePointCount(0, text.length()) != span.length()) {
            throw new IllegalArgumentException("date text '" + text + "' does not fit span " + span);
        }
    }

    /** A copy marked as the same moment in another time zone. */
    public ResolvedDate asLocal() {
        return new ResolvedDate(text, span, value, end, kind, true);
    }
}
