package org.alliancekg.extract;

/**
 * A span of text in code points, {@code begin} inclusive, {@code end} exclusive (as RFC 5147 and NIF count).
 */
public record Span(int begin, int end) {

    /** Checks {@code 0 <= begin <= end}. */
    public Span {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("bad span " + begin + "-" + end);
        }
    }

    /** Length in code points. */
    public int length() {
        return end - begin;
    }

    /** Whether the two spans share a code point. */
    public boolean overlaps(Span other) {
        return begin < other.end && other.begin < end;
    }

    /** Whether the other span lies inside this one. */
    public boolean contains(Span other) {
        return begin <= other.begin && other.end <= end;
    }
}
