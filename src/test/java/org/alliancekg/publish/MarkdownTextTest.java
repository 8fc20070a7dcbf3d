package org.alliancekg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Rendering article Markdown safely, with passages marked at code-point offsets of the source. */
class MarkdownTextTest {

    private static MarkdownText.Highlight at(String source, String words, int occurrence) {
        int i = -1;
        for (int k = 0; k <= occurrence; k++) {
            i = source.indexOf(words, i + 1);
        }
        int begin = source.codePointCount(0, i);
        return new MarkdownText.Highlight(begin, begin + words.codePointCount(0, words.length()), "hl", "quote", null);
    }

    @Test
    void rawHtmlIsEscapedNotPassedThrough() {
        String html = MarkdownText.render("Hello <script>alert(1)</script> and <b onclick=\"x()\">bold</b>.\n\n"
                + "<div>block</div>\n", List.of());
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<b "), html);
        assertFalse(html.contains("<div>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void markdownRendersWithoutItsSyntax() {
        String html = MarkdownText.render("## A heading\n\nSome **bold** and *em* text.\n", List.of());
        assertTrue(html.contains("<h2>A heading</h2>"), html);
        assertTrue(html.contains("<strong>bold</strong>"), html);
        assertFalse(html.contains("**") || html.contains("##"), html);
    }

    @Test
    void marksTheWordAtItsOffsetNotTheFirstSubstring() {
        String source = "The Japanese view: Japan’s establishment.";
        String html = MarkdownText.render(source, List.of(at(source, "Japan", 1)));
        assertTrue(html.contains("The Japanese view: <mark id=\"hl\" class=\"quote\">Japan</mark>’s"), html);
    }

    @Test
    void offsetsCountCodePointsNotUtf16Units() {
        String source = "𝒳 𝒴 said Japan twice: Japan.";
        String html = MarkdownText.render(source, List.of(at(source, "Japan", 1)));
        assertTrue(html.contains("twice: <mark id=\"hl\" class=\"quote\">Japan</mark>."), html);
    }

    @Test
    void aPassageAcrossEmphasisAndLinesIsMarkedPieceByPiece() {
        String source = "Before **bold words\nand more** after it.\n";
        String html = MarkdownText.render(source, List.of(at(source, "words\nand more** after", 0)));
        assertEquals(List.of("words", "and more", " after"), Marks.of(html, "quote"), html);
        assertEquals(1, html.split("id=\"hl\"", -1).length - 1, "one id: " + html);
    }

    @Test
    void imagesAreTextAndUnsafeLinksAreNeutralised() {
        String html = MarkdownText.render("![a chart](http://example.org/c.png) [x](javascript:alert(1))", List.of());
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("a chart"), html);
    }

    @Test
    void inlineRenderingDropsBlocks() {
        String html = MarkdownText.renderInline("## Japan **and** the <i>US</i>", List.of(at("## Japan **and** the <i>US</i>", "Japan", 0)));
        assertEquals("<mark id=\"hl\" class=\"quote\">Japan</mark> <strong>and</strong> the &lt;i&gt;US&lt;/i&gt;", html);
    }
}
