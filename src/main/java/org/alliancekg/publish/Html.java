package org.alliancekg.publish;

import static org.alliancekg.serve.HtmlEscape.esc;

/**
 * A small HTML writer: text is always escaped on the way in ({@link #text(String)}), attributes too
 * ({@link #attr(String)}); markup goes through {@link #raw(String)} only from this package's own constants.
 * It writes the parts of a page's content not yet moved to templates; {@link PageLayout} wraps them in the page.
 */
final class Html {

    private final StringBuilder sb = new StringBuilder(8192);

    /** Appends markup written by this package (never data). */
    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Appends escaped text. */
    Html text(String text) {
        sb.append(esc(text));
        return this;
    }

    /** Appends an escaped attribute value (without quotes). */
    Html attr(String value) {
        sb.append(esc(value));
        return this;
    }

    /** {@code <tag>text</tag>} with the text escaped. */
    Html element(String tag, String text) {
        return raw("<" + tag + ">").text(text).raw("</" + tag + ">");
    }

    /** A link; {@code href} and text are escaped. */
    Html link(String href, String text) {
        return raw("<a href=\"").attr(href).raw("\">").text(text).raw("</a>");
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
