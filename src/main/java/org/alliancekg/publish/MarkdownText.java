package org.alliancekg.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * An article body (Markdown, as stored) rendered as safe HTML with passages marked at their code-point offsets.
 * Raw HTML in the source is escaped, never passed through; link destinations are sanitized; images are shown as
 * their text (a page never loads anything from elsewhere). A passage ({@link Highlight}) is given in code points of
 * the source, as {@code akg:beginIndex}/{@code akg:endIndex} count them; it is carried through commonmark's source
 * spans onto the text nodes it covers, so a passage across emphasis or lines is marked piece by piece, and the
 * Markdown syntax itself ({@code **}, {@code ##}) never shows.
 *
 * <pre>{@code
 * String html = MarkdownText.render(body, List.of(new Highlight(120, 131, "hl", null, null)));
 * }</pre>
 */
final class MarkdownText {

    /**
     * A passage to mark, in code points of the source.
     *
     * @param begin    the first code point
     * @param end      the code point after the last
     * @param id       the {@code id} of the first piece of the mark (e.g. {@code hl}, the target of "jump to"), or
     *                 null
     * @param cssClass the {@code class} of the mark's pieces, or null
     * @param title    the {@code title} of the mark (e.g. the entity a mention names), or null
     */
    record Highlight(int begin, int end, String id, String cssClass, String title) {
        Highlight {
            if (begin < 0 || end < begin) {
                throw new IllegalArgumentException("bad passage " + begin + "-" + end);
            }
        }
    }

    private static final Parser PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .nodeRendererFactory(MarkRenderer::new).nodeRendererFactory(ImageAsText::new).build();
    /** The block tags that {@link #renderInline} turns into spaces. */
    private static final Pattern BLOCK_TAGS = Pattern.compile(
            "</?(?:p|h[1-6]|ul|ol|li|blockquote|pre|hr)(?: [^>]*)?/?>|<br />|\\n");

    private MarkdownText() {
    }

    /** The source rendered as HTML blocks, with the passages marked. */
    static String render(String source, List<Highlight> highlights) {
        Node document = PARSER.parse(source);
        mark(document, source, highlights);
        return RENDERER.render(document);
    }

    /**
     * A fragment of the source (a sentence) rendered as one line of inline HTML: the blocks' tags are dropped, so it
     * fits inside a list item; emphasis and links stay.
     */
    static String renderInline(String source, List<Highlight> highlights) {
        String html = render(source, highlights);
        return BLOCK_TAGS.matcher(html).replaceAll(" ").replaceAll(" {2,}", " ").strip();
    }

    /** Splits the text nodes the passages cover and wraps the covered pieces in {@link Mark}s. */
    private static void mark(Node document, String source, List<Highlight> highlights) {
        if (highlights.isEmpty()) {
            return;
        }
        int cpCount = source.codePointCount(0, source.length());
        Map<Highlight, int[]> chars = new LinkedHashMap<>();
        List<Highlight> sorted = new ArrayList<>(highlights);
        sorted.sort(Comparator.comparingInt(Highlight::begin)
                .thenComparing(Comparator.comparingInt(Highlight::end).reversed()));
        for (Highlight h : sorted) {
            if (h.end() <= cpCount && h.end() > h.begin()) {
                chars.put(h, new int[] {source.offsetByCodePoints(0, h.begin()), source.offsetByCodePoints(0, h.end())});
            }
        }
        List<Text> texts = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                texts.add(text);
            }
        });
        Set<Highlight> started = new java.util.HashSet<>();
        for (Text text : texts) {
            int[] positions = positions(text, source);
            if (positions == null) {
                continue;
            }
            String literal = text.getLiteral();
            int cursor = 0;
            List<Node> pieces = new ArrayList<>();
            for (Map.Entry<Highlight, int[]> e : chars.entrySet()) {
                int from = firstAtOrAfter(positions, e.getValue()[0]);
                int to = firstAtOrAfter(positions, e.getValue()[1]);
                from = Math.max(from, cursor);
                if (from >= to) {
                    continue;
                }
                if (from > cursor) {
                    pieces.add(new Text(literal.substring(cursor, from)));
                }
                Highlight h = e.getKey();
                Mark m = new Mark(started.add(h) ? h.id() : null, h.cssClass(), h.title());
                m.appendChild(new Text(literal.substring(from, to)));
                pieces.add(m);
                cursor = to;
            }
            if (pieces.isEmpty()) {
                continue;
            }
            if (cursor < literal.length()) {
                pieces.add(new Text(literal.substring(cursor)));
            }
            for (Node piece : pieces) {
                text.insertBefore(piece);
            }
            text.unlink();
        }
    }

    /**
     * For each char of the text node's literal, its index in the source; null when the literal is not the source
     * text of its spans (an escape or entity such as {@code \*} or {@code &amp;}): such a node is marked whole or
     * not at all.
     */
    private static int[] positions(Text text, String source) {
        String literal = text.getLiteral();
        int[] out = new int[literal.length() + 1];
        int i = 0;
        int last = -1;
        for (SourceSpan span : text.getSourceSpans()) {
            int at = span.getInputIndex();
            for (int k = 0; k < span.getLength() && i < literal.length(); k++) {
                if (at + k >= source.length() || source.charAt(at + k) != literal.charAt(i)) {
                    return wholeNode(text, literal);
                }
                out[i++] = at + k;
                last = at + k;
            }
        }
        if (i != literal.length()) {
            return wholeNode(text, literal);
        }
        out[literal.length()] = last + 1;
        return out;
    }

    /** Positions that put every char of the node at the start of its first span (marked whole when covered). */
    private static int[] wholeNode(Text text, String literal) {
        List<SourceSpan> spans = text.getSourceSpans();
        if (spans.isEmpty()) {
            return null;
        }
        SourceSpan first = spans.get(0);
        SourceSpan last = spans.get(spans.size() - 1);
        int[] out = new int[literal.length() + 1];
        java.util.Arrays.fill(out, first.getInputIndex());
        out[literal.length()] = last.getInputIndex() + last.getLength();
        return out;
    }

    /** The first index whose source position is at or after {@code sourceIndex} (the length when none is). */
    private static int firstAtOrAfter(int[] positions, int sourceIndex) {
        for (int i = 0; i < positions.length - 1; i++) {
            if (positions[i] >= sourceIndex) {
                return i;
            }
        }
        return positions.length - 1;
    }

    /** A marked piece of text: {@code <mark>}. */
    static final class Mark extends CustomNode {
        private final String id;
        private final String cssClass;
        private final String title;

        Mark(String id, String cssClass, String title) {
            this.id = id;
            this.cssClass = cssClass;
            this.title = title;
        }
    }

    private static final class MarkRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        MarkRenderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Mark.class);
        }

        @Override
        public void render(Node node) {
            Mark m = (Mark) node;
            Map<String, String> attributes = new LinkedHashMap<>();
            if (m.id != null) {
                attributes.put("id", m.id);
            }
            if (m.cssClass != null) {
                attributes.put("class", m.cssClass);
            }
            if (m.title != null) {
                attributes.put("title", m.title);
            }
            HtmlWriter html = context.getWriter();
            html.tag("mark", attributes);
            for (Node child = m.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/mark");
        }
    }

    /** Images as their alt text: the pages load nothing from other sites. */
    private static final class ImageAsText implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        ImageAsText(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
        }
    }
}
