package org.alliancekg.extract;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancekg.extract.ResolvedDate.Kind;
import org.alliancekg.ingest.PartialDate;

/**
 * Finds date expressions in a text and resolves them to typed dates with code-point offsets.
 *
 * <p>Absolute: "July 28, 2024", "28 July 2024", "2022-01-06", "February 26-27, 2024" (a range), "December 2022",
 * "late 2022" (the year), "2013". Relative, resolved against the article's date (skipped when the article has
 * none): "January 6" (the article's year), "in June" (the article's year), "in January last year", "last year",
 * "this year", "next year", "last month" and "this month" (when the article's month is known). A date in
 * parentheses right after another, naming a place ("January 6 (January 7 in Tokyo)"), is marked
 * {@linkplain ResolvedDate#local() local}. Vague expressions ("recent years", "the past decade") cannot be
 * resolved and are not reported. Where expressions overlap the longest wins.
 *
 * <pre>{@code
 * List<ResolvedDate> dates = new DateExtractor().extract(body, article.frontMatter().date());
 * }</pre>
 */
public final class DateExtractor {

    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October"
            + "|November|December)";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "(1[89]\\d\\d|20\\d\\d)";
    private static final String DASH = "\\s*[-\u2013\u2014]\\s*";

    private static final Pattern MONTH_DAY_RANGE_YEAR =
            Pattern.compile("\\b" + MONTH + " " + DAY + DASH + DAY + ",? " + YEAR + "\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + " " + DAY + ",? " + YEAR + "\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b" + DAY + " " + MONTH + ",? " + YEAR + "\\b");
    private static final Pattern ISO = Pattern.compile("\\b" + YEAR + "-(\\d\\d)-(\\d\\d)\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + ",? " + YEAR + "\\b");
    private static final Pattern PART_OF_YEAR =
            Pattern.compile("\\b(?i:early|mid|late|the end of|the beginning of|the start of)[- ]" + YEAR + "\\b");
    private static final Pattern BARE_YEAR =
            Pattern.compile("(?<![\\p{L}\\d$.,/-])" + YEAR + "(?![\\p{L}\\d%]|[.,]\\d|-\\d)");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + " " + DAY + "(?!\\d|,? \\d)");
    private static final Pattern IN_MONTH = Pattern.compile(
            "\\b(?:in|In|since|Since|by|until|from|From|during|During|of|last|Last|this|This|next|Next) " + MONTH
                    + "(?: (last|this|next) year)?(?![ ,]*\\d)");
    private static final Pattern RELATIVE_YEAR = Pattern.compile("\\b(?i:(last|this|next|the previous) year)\\b");
    private static final Pattern RELATIVE_MONTH = Pattern.compile("\\b(?i:(last|this) month)\\b");
    private static final Pattern LOCAL_TAIL = Pattern.compile("^ in \\p{Lu}[\\p{L}.' -]*\\)");

    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");

    /** A date extractor (stateless, thread-safe). */
    public DateExtractor() {
    }

    /**
     * The date expressions of the text, in order of position.
     *
     * @param text      the text (an article body, a sentence, a label)
     * @param reference the article's date for relative expressions, or null (relative ones are then skipped)
     */
    public List<ResolvedDate> extract(String text, PartialDate reference) {
        List<Found> found = new ArrayList<>();
        scan(text, MONTH_DAY_RANGE_YEAR, found, m -> {
            int year = Integer.parseInt(m.group(4));
            int month = month(m.group(1));
            PartialDate first = day(year, month, m.group(2));
            PartialDate last = day(year, month, m.group(3));
            return first == null || last == null || last.lexical().compareTo(first.lexical()) <= 0 ? null
                    : new Value(first, last, Kind.ABSOLUTE);
        });
        scan(text, MONTH_DAY_YEAR, found, m -> value(day(Integer.parseInt(m.group(3)), month(m.group(1)),
                m.group(2)), Kind.ABSOLUTE));
        scan(text, DAY_MONTH_YEAR, found, m -> value(day(Integer.parseInt(m.group(3)), month(m.group(2)),
                m.group(1)), Kind.ABSOLUTE));
        scan(text, ISO, found, m -> value(day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3)), Kind.ABSOLUTE));
        scan(text, MONTH_YEAR, found, m -> value(month(Integer.parseInt(m.group(2)), month(m.group(1))),
                Kind.ABSOLUTE));
        scan(text, PART_OF_YEAR, found, m -> value(year(Integer.parseInt(m.group(1))), Kind.ABSOLUTE));
        scan(text, BARE_YEAR, found, m -> value(year(Integer.parseInt(m.group(1))), Kind.ABSOLUTE));
        if (reference != null) {
            int refYear = Integer.parseInt(reference.lexical().substring(0, 4));
            scan(text, MONTH_DAY, found, m -> value(day(refYear, month(m.group(1)), m.group(2)), Kind.RELATIVE));
            scanGroup(text, IN_MONTH, 1, found, m -> {
                int year = refYear + yearShift(m.group(2));
                return value(month(year, month(m.group(1))), Kind.RELATIVE);
            });
            scan(text, RELATIVE_YEAR, found, m -> value(year(refYear + yearShift(m.group(1))), Kind.RELATIVE));
            if (reference.precision() != PartialDate.Precision.YEAR) {
                YearMonth ref = YearMonth.parse(reference.lexical().substring(0, 7));
                scan(text, RELATIVE_MONTH, found, m -> {
                    YearMonth ym = "last".equalsIgnoreCase(m.group(1)) ? ref.minusMonths(1) : ref;
                    return value(month(ym.getYear(), ym.getMonthValue()), Kind.RELATIVE);
                });
            }
        }
        return select(text, found);
    }

    private record Value(PartialDate value, PartialDate end, Kind kind) {
    }

    private record Found(int begin, int end, Value value) {
        int length() {
            return end - begin;
        }
    }

    private interface Resolver {
        Value resolve(Matcher m);
    }

    private static void scan(String text, Pattern p, List<Found> out, Resolver r) {
        scanGroup(text, p, 0, out, r);
    }

    /** Adds each match that resolves to a date, from the start of {@code group} to the end of the match. */
    private static void scanGroup(String text, Pattern p, int group, List<Found> out, Resolver r) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            Value v = r.resolve(m);
            if (v != null) {
                out.add(new Found(m.start(group), m.end(), v));
            }
        }
    }

    /** Longest first, then earliest; overlapping matches are dropped; local dates marked. */
    private static List<ResolvedDate> select(String text, List<Found> found) {
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Found::length).reversed().thenComparingInt(Found::begin));
        List<Found> chosen = new ArrayList<>();
        for (Found f : sorted) {
            if (chosen.stream().noneMatch(c -> f.begin < c.end && c.begin < f.end)) {
                chosen.add(f);
            }
        }
        chosen.sort(Comparator.comparingInt(Found::begin));
        List<ResolvedDate> out = new ArrayList<>(chosen.size());
        Found previous = null;
        for (Found f : chosen) {
            ResolvedDate d = new ResolvedDate(text.substring(f.begin, f.end), Offsets.spanOfUtf16(text, f.begin, f.end),
                    f.value.value(), f.value.end(), f.value.kind(), false);
            if (previous != null && text.substring(previous.end, f.begin).equals(" (")
                    && LOCAL_TAIL.matcher(text.substring(f.end)).find()) {
                d = d.asLocal();
            }
            out.add(d);
            previous = f;
        }
        return List.copyOf(out);
    }

    private static Value value(PartialDate d, Kind kind) {
        return d == null ? null : new Value(d, null, kind);
    }

    private static int yearShift(String word) {
        if (word == null) {
            return 0;
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "last", "the previous" -> -1;
            case "next" -> 1;
            default -> 0;
        };
    }

    private static int month(String name) {
        return MONTHS.indexOf(name.toLowerCase(Locale.ROOT)) + 1;
    }

    private static PartialDate day(int year, int month, String day) {
        try {
            LocalDate d = LocalDate.of(year, month, Integer.parseInt(day));
            return new PartialDate(d.toString(), PartialDate.Precision.DAY);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static PartialDate month(int year, int month) {
        if (month < 1 || month > 12) {
            return null;
        }
        return new PartialDate(YearMonth.of(year, month).toString(), PartialDate.Precision.MONTH);
    }

    private static PartialDate year(int year) {
        return new PartialDate(String.format(Locale.ROOT, "%04d", year), PartialDate.Precision.YEAR);
    }
}
