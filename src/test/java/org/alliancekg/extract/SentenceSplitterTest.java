package org.alliancekg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = SentenceSplitter.english();

    private List<String> texts(String text) {
        return splitter.split(text).stream().map(Sentence::text).toList();
    }

    @Test
    void splitsPlainSentences() {
        assertEquals(List.of("Japan issued a strategy.", "China objected to it.", "Talks continue."),
                texts("Japan issued a strategy. China objected to it. Talks continue."));
    }

    @Test
    void abbreviationsDoNotEndSentences() {
        List<String> s = texts("The U.S. Secretary of Defense Lloyd J. Austin III met on Jan. 5 with Mr. Kishida. "
                + "It went well.");
        assertEquals(List.of("The U.S. Secretary of Defense Lloyd J. Austin III met on Jan. 5 with Mr. Kishida.",
                "It went well."), s);
        String nbsp = "Evolving\u00A0U.S.\u00A0Perspectives\u00A0on\u00A0the\u00A0Alliance\nNext line.";
        assertEquals(List.of("Evolving\u00A0U.S.\u00A0Perspectives\u00A0on\u00A0the\u00A0Alliance", "Next line."),
                texts(nbsp));
    }

    @Test
    void neverAcrossLinesAndSpansInCodePoints() {
        String text = "Title line\n\n🌸 First sentence here. Second one.\n";
        List<Sentence> s = splitter.split(text);
        assertEquals(List.of("Title line", "🌸 First sentence here.", "Second one."),
                s.stream().map(Sentence::text).toList());
        for (Sentence sentence : s) {
            assertEquals(sentence.text(), Offsets.slice(text, sentence.span()));
        }
        // "Title line\n\n" = 12 code points, emoji 1, " First sentence here." 21, space 1
        assertEquals(new Span(35, 46), s.get(2).span());
    }

    @Test
    void guardJoinsOnlyAfterAbbreviations() {
        assertTrue(SentenceSplitter.shouldJoin("He met Gen.", "Smith."));
        assertTrue(SentenceSplitter.shouldJoin("Signed on Jan.", "5 by both."));
        assertTrue(!SentenceSplitter.shouldJoin("It ended.", "Then more."));
        assertTrue(!SentenceSplitter.shouldJoin("Support from the U.S.", "The next day, it changed."));
    }
}
