package org.alliancekg.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;

/**
 * A date known to the day, the month or the year: {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}, typed
 * {@code xsd:date}, {@code xsd:gYearMonth} or {@code xsd:gYear} in the graph.
 *
 * <pre>{@code
 * PartialDate.parse("2022-12").datatype(); // xsd:gYearMonth
 * }</pre>
 */
public record PartialDate(String lexical, Precision precision) {

    /** How much of the date is known. */
    public enum Precision { DAY, MONTH, YEAR }

    private static final Pattern SHAPE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /** Checks the lexical form is a real date of the stated precision. */
    public PartialDate {
        if (lexical == null || precision == null || !SHAPE.matcher(lexical).matches()) {
            throw new InputException(Problem.field(null, "'" + lexical + "' is not YYYY-MM-DD, YYYY-MM or YYYY"));
        }
        try {
            switch (precision) {
                case DAY -> LocalDate.parse(lexical);
                case MONTH -> YearMonth.parse(lexical);
                case YEAR -> {
                    if (lexical.length() != 4) {
                        throw new DateTimeParseException("not a year", lexical, 0);
                    }
                }
                default -> throw new IllegalStateException();
            }
        } catch (DateTimeParseException e) {
            throw new InputException(Problem.field(null, "'" + lexical + "' is not a valid date ("
                    + precision.name().toLowerCase() + " precision)"));
        }
    }

    /** Parses {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}; throws {@link InputException} otherwise. */
    public static PartialDate parse(String text) {
        String s = text == null ? "" : text.strip();
        Precision p = switch (s.length()) {
            case 10 -> Precision.DAY;
            case 7 -> Precision.MONTH;
            case 4 -> Precision.YEAR;
            default -> null;
        };
        if (p == null) {
            throw new InputException(Problem.field(null, "'" + text + "' is not YYYY-MM-DD, YYYY-MM or YYYY"));
        }
        return new PartialDate(s, p);
    }

    /** The XSD datatype for this precision. */
    public RDFDatatype datatype() {
        return switch (precision) {
            case DAY -> XSDDatatype.XSDdate;
            case MONTH -> XSDDatatype.XSDgYearMonth;
            case YEAR -> XSDDatatype.XSDgYear;
        };
    }

    /** The first day the date may denote (the first of the month or of the year when less is known). */
    public LocalDate earliest() {
        return switch (precision) {
            case DAY -> LocalDate.parse(lexical);
            case MONTH -> YearMonth.parse(lexical).atDay(1);
            case YEAR -> LocalDate.of(Integer.parseInt(lexical), 1, 1);
        };
    }

    /** The last day the date may denote (the end of the month or of the year when less is known). */
    public LocalDate latest() {
        return switch (precision) {
            case DAY -> LocalDate.parse(lexical);
            case MONTH -> YearMonth.parse(lexical).atEndOfMonth();
            case YEAR -> LocalDate.of(Integer.parseInt(lexical), 12, 31);
        };
    }

    /**
     * Whether every day this date may denote comes after every day the other may denote: {@code 2023} is certainly
     * after {@code 2022-12}, but {@code 2022-12} is not certainly after {@code 2022}.
     */
    public boolean isCertainlyAfter(PartialDate other) {
        return earliest().isAfter(other.latest());
    }

    @Override
    public String toString() {
        return lexical;
    }
}
