package org.alliancekg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.alliancekg.extract.ResolvedDate.Kind;
import org.alliancekg.ingest.PartialDate;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.junit.jupiter.api.Test;

class DateExtractorTest {

    private final DateExtractor extractor = new DateExtractor();

    private List<ResolvedDate> dates(String text, String reference) {
        List<ResolvedDate> found = extractor.extract(text, reference == null ? null : PartialDate.parse(reference));
        for (ResolvedDate d : found) {
            assertEquals(d.text(), Offsets.slice(text, d.span()), "offsets must slice the text to the date");
        }
        return found;
    }

    private static String values(List<ResolvedDate> found) {
        return String.join(" | ", found.stream().map(d -> d.text() + "=" + d.value()
                + (d.end() != null ? ".." + d.end() : "") + (d.local() ? " local" : "")
                + (d.kind() == Kind.RELATIVE ? " rel" : "")).toList());
    }

    @Test
    void absoluteDatesAreTypedByPrecision() {
        List<ResolvedDate> found = dates("The meeting took place on July 28, 2024. In December 2022, Japan acted; "
                + "it was founded in 2013, and met on 28 July 2024 and 2022-01-06.", null);
        assertEquals("July 28, 2024=2024-07-28 | December 2022=2022-12 | 2013=2013 | 28 July 2024=2024-07-28"
                + " | 2022-01-06=2022-01-06", values(found));
        assertEquals(XSDDatatype.XSDdate, found.get(0).value().datatype());
        assertEquals(XSDDatatype.XSDgYearMonth, found.get(1).value().datatype());
        assertEquals(XSDDatatype.XSDgYear, found.get(2).value().datatype());
        assertTrue(found.stream().allMatch(d -> d.kind() == Kind.ABSOLUTE));
    }

    @Test
    void aRangeHasAnEndDay() {
        List<ResolvedDate> found = dates("**Conference Dates :** February 26-27, 2024", null);
        assertEquals("February 26-27, 2024=2024-02-26..2024-02-27", values(found));
        assertEquals("2024-02-27", found.get(0).end().lexical());
    }

    @Test
    void aDateInAnotherTimeZoneIsLocal() {
        List<ResolvedDate> found = dates("On January 6 (January 7 in Tokyo), the secretaries met.", "2022");
        assertEquals("January 6=2022-01-06 rel | January 7=2022-01-07 local rel", values(found));
        assertFalse(found.get(0).local());
    }

    @Test
    void relativeDatesAreResolvedAgainstTheArticleDate() {
        assertEquals("last year=2023 rel | this year=2024 rel | June=2024-06 rel", values(dates(
                "It happened last year and again this year, and in June.", "2024-02")));
        assertEquals("late 2022=2022", values(dates("its publication, in late 2022, of 3 documents", "2024-02")));
        assertEquals("last month=2024-01 rel", values(dates("as announced last month", "2024-02")));
    }

    @Test
    void theMonthOfInJanuaryLastYearIsInTheOffsets() {
        List<ResolvedDate> found = dates("visited the US in January last year.", "2024");
        assertEquals(1, found.size());
        assertEquals("January last year", found.get(0).text());
        assertEquals("2023-01", found.get(0).value().lexical());
    }

    @Test
    void relativeDatesNeedAnArticleDate() {
        assertEquals("", values(dates("It happened last year, in June, on January 6.", null)));
        assertEquals("", values(dates("last month", "2024")), "no month known: last month cannot be resolved");
    }

    @Test
    void vagueExpressionsAndNumbersAreNotDates() {
        assertEquals("", values(dates("in recent years, 2% of GDP, a 5-year period, the 2+2, $2000, 12,2024 "
                + "items, COVID-19, the 1990s", "2024")));
    }

    @Test
    void impossibleDaysAreSkipped() {
        assertEquals("2023=2023", values(dates("on February 30, 2023", null)), "only the year is a date");
    }

    @Test
    void offsetsCountCodePoints() {
        String text = "\uD835\uDD4F “Japan” met on March 16, 2021.";
        ResolvedDate d = dates(text, null).get(0);
        assertEquals(17, d.span().begin());
        assertEquals("2021-03-16", d.value().lexical());
    }
}
