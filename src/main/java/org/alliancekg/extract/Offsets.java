package org.alliancekg.extract;

import java.util.Optional;

/**
 * Offsets in code points, and finding the n-th occurrence of a quote in a text.
 *
 * <p>Java strings index UTF-16 units; the graph counts code points, so a character outside the Basic
 * Multilingual Plane (an emoji, U+1D54F) counts once.
 *
 * <pre>{@code
 * Optional<Span> s = Offsets.find(body, "imminent threat", 1);
 * Offsets.slice(body, s.get()); // "imminent threat"
 * }</pre>
 */
public final class Offsets {

    private Offsets() {
    }

    /** The code-point index of a UTF-16 index of the text. */
    public static int toCodePoint(String text, int utf16Index) {
        return text.codePointCount(0, utf16Index);
    }

    /** The UTF-16 index of a code-point index of the text. */
    public static int toUtf16(String text, int codePointIndex) {
        return text.offsetByCodePoints(0, codePointIndex);
    }

    /** A UTF-16 range {@code [begin, end)} of the text as a code-point span. */
    public static Span spanOfUtf16(String text, int begin, int end) {
        int b = toCodePoint(text, begin);
        return new Span(b, b + text.codePointCount(begin, end));
    }

    /** The text of a code-point span. */
    public static String slice(String text, Span span) {
        int b = toUtf16(text, span.begin());
        return text.substring(b, text.offsetByCodePoints(b, span.length()));
    }

    /** Number of occurrences of the quote in the text (occurrences may overlap). */
    public static int count(String text, String quote) {
        if (quote.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (int i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
            n++;
        }
        return n;
    }

    /** UTF-16 index of the n-th (1-based) occurrence of the quote, or -1. */
    public static int indexOfNth(String text, String quote, int occurrence) {
        if (occurrence < 1 || quote.isEmpty()) {
            return -1;
        }
        int i = text.indexOf(quote);
        for (int n = 1; n < occurrence && i >= 0; n++) {
            i = text.indexOf(quote, i + 1);
        }
        return i;
    }

    /** Code-point span of the n-th (1-based) occurrence of the quote, if there is one. */
    public static Optional<Span> find(String text, String quote, int occurrence) {
        int i = indexOfNth(text, quote, occurrence);
        return i < 0 ? Optional.empty() : Optional.of(spanOfUtf16(text, i, i + quote.length()));
    }

    /**
     * Typographic characters replaced by their plain forms (curly quotes to straight, en and em dashes to
     * hyphens, no-break space to space), to explain why a quote is not found.
     */
    public static String plain(String s) {
        return s.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u00A0', ' ');
    }

    /** Runs of white space collapsed to one space. */
    public static String collapseSpace(String s) {
        return s.replaceAll("\\s+", " ");
    }
}
