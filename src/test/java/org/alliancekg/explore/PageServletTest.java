package org.alliancekg.explore;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * An explorer page fails at start when a placeholder of {@code explore/test-page.html} has no value, or when a value
 * would go in unescaped ({@code {{{...}}}}) or markup escaped ({@code {{...}}}).
 */
class PageServletTest {

    @Test
    void aPageWithEveryPlaceholderFilledIsBuilt() {
        assertDoesNotThrow(() -> new PageServlet("test-page.html", Map.of("value", "O'Brien"), Map.of("bar", "<nav/>")));
    }

    @Test
    void aPlaceholderWithoutValueIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PageServlet("test-page.html", Map.of(), Map.of("bar", "<nav/>")));
        assertEquals("test-page.html: no value for placeholder {{value}}", e.getMessage());
    }

    @Test
    void aValueIsNeverInsertedAsMarkup() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PageServlet("test-page.html", Map.of("value", "x", "bar", "<nav/>"), Map.of()));
        assertEquals("test-page.html: no markup for placeholder {{{bar}}}", e.getMessage());
    }

    @Test
    void aMissingPageIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PageServlet("no-such-page.html", Map.of(), Map.of()));
        assertEquals("missing classpath resource explore/no-such-page.html", e.getMessage());
    }
}
