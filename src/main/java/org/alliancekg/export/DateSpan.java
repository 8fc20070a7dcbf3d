package org.alliancekg.export;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A date of the graph ({@code xsd:date}, {@code xsd:gYearMonth} or {@code xsd:gYear}) as the days it covers:
 * {@code 2022-12} is 2022-12-01 to 2022-12-31, {@code 2022} the whole year.
 *
 * <pre>{@code
 * DateSpan.parse("2022-12").orElseThrow().first(); // 2022-12-01
 * }</pre>
 *
 * @param lexical the date as written in the graph
 * @param first   the first day it covers
 * @param last    the last day it covers
 */
public record DateSpan(String lexical, LocalDate first, LocalDate last) implements Comparable<DateSpan> {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public DateSpan {
        Objects.requireNonNull(lexical, "lexical");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("date span ends before it starts: " + lexical);
        }
    }

    /** The span of {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}; empty for anything else. */
    public static Optional<DateSpan> parse(String lexical) {
        if (lexical == null) {
            return Optional.empty();
        }
        String s = lexical.strip();
        try {
            if (DAY.matcher(s).matches()) {
                LocalDate d = LocalDate.parse(s);
                return Optional.of(new DateSpan(s, d, d));
            }
            if (YEAR_MONTH.matcher(s).matches()) {
                YearMonth ym = YearMonth.parse(s);
                return Optional.of(new DateSpan(s, ym.atDay(1), ym.atEndOfMonth()));
            }
            if (YEAR.matcher(s).matches()) {
                int y = Integer.parseInt(s);
                return Optional.of(new DateSpan(s, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Orders by first day, then last day, then lexical form. */
    @Override
    public int compareTo(DateSpan o) {
        int c = first.compareTo(o.first);
        if (c == 0) {
            c = last.compareTo(o.last);
        }
        return c != 0 ? c : lexical.compareTo(o.lexical);
    }

    @Override
    public String toString() {
        return lexical;
    }
}
