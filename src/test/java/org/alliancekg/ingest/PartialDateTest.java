package org.alliancekg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PartialDateTest {

    private static boolean after(String a, String b) {
        return PartialDate.parse(a).isCertainlyAfter(PartialDate.parse(b));
    }

    @Test
    void rangesOfPartialDates() {
        assertEquals(LocalDate.of(2022, 1, 1), PartialDate.parse("2022").earliest());
        assertEquals(LocalDate.of(2022, 12, 31), PartialDate.parse("2022").latest());
        assertEquals(LocalDate.of(2024, 2, 29), PartialDate.parse("2024-02").latest());
        assertEquals(LocalDate.of(2022, 10, 12), PartialDate.parse("2022-10-12").earliest());
    }

    @Test
    void certainlyAfterOnlyWhenTheRangesDoNotOverlap() {
        assertFalse(after("2022-12", "2022"));
        assertFalse(after("2022", "2022-12"));
        assertTrue(after("2022-12", "2020"));
        assertTrue(after("2023", "2022-12"));
        assertTrue(after("2022-12-16", "2022-12-15"));
        assertFalse(after("2022-12-16", "2022-12"));
        assertFalse(after("2013-12", "2022"));
    }
}
