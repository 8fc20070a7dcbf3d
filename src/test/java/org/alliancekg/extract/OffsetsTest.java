package org.alliancekg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OffsetsTest {

    @Test
    void emojiBeforeTheQuoteCountsAsOneCodePoint() {
        String text = "Tokyo 🌸 said “imminent threat” twice.";
        // "Tokyo " = 6, emoji = 1 code point (2 UTF-16 units), " said " = 6, then the curly quote
        int utf16 = text.indexOf("“imminent");
        assertEquals(14, utf16);
        assertEquals(13, Offsets.toCodePoint(text, utf16));
        Span s = Offsets.find(text, "“imminent threat”", 1).orElseThrow();
        assertEquals(new Span(13, 30), s);
        assertEquals("“imminent threat”", Offsets.slice(text, s));
        assertEquals(utf16, Offsets.toUtf16(text, s.begin()));
    }

    @Test
    void nthOccurrence() {
        String text = "𝕏 Japan will act. 𝕏 Japan will act again.";
        assertEquals(2, Offsets.count(text, "Japan will act"));
        Span first = Offsets.find(text, "Japan will act", 1).orElseThrow();
        Span second = Offsets.find(text, "Japan will act", 2).orElseThrow();
        assertEquals(2, first.begin());
        assertEquals(20, second.begin());
        assertEquals("Japan will act", Offsets.slice(text, second));
        assertTrue(Offsets.find(text, "Japan will act", 3).isEmpty());
        assertTrue(Offsets.find(text, "Japan will act", 0).isEmpty());
        assertTrue(Offsets.find(text, "absent", 1).isEmpty());
    }

    @Test
    void overlappingOccurrencesAreCounted() {
        assertEquals(3, Offsets.count("aaaa", "aa"));
        assertEquals(new Span(2, 4), Offsets.find("aaaa", "aa", 3).orElseThrow());
    }

    @Test
    void plainFormsExplainMissedQuotes() {
        assertEquals("\"a\" - 'b' - c d", Offsets.plain("“a” – ‘b’ — c\u00A0d"));
        assertEquals("a b c", Offsets.collapseSpace("a \n b\tc"));
    }
}
