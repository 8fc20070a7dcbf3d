package org.alliancekg.publish;

import static org.alliancekg.serve.HtmlEscape.esc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.alliancekg.serve.SiteNav;

/**
 * A small HTML writer: text is always escaped on the way in ({@link #text(String)}), attributes too
 * ({@link #attr(String)}); markup goes through {@link #raw(String)} only from this package's own constants.
 * Pages share one layout ({@link #open(String, SiteLinks)} / {@link #close(SiteLinks)}): the site's top bar
 * ({@link SiteNav}, with its style sheet linked) and the style sheet {@code publish/page.css} from the classpath
 * inlined.
 */
final class Html {

    private static final String CSS = readCss();

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

    /** The start of a page that is not one of the site bar's links: head with title and style, the site bar. */
    Html open(String title, SiteLinks links) {
        return open(title, links, null);
    }

    /**
     * The start of a page: head with title and style, the site bar ({@link SiteNav}).
     *
     * @param currentPath the site path of this page when it is one of the bar's links ({@code /ontology}), else null
     */
    Html open(String title, SiteLinks links, String currentPath) {
        raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .text(title).raw(" — alliance-kg</title>\n<link rel=\"stylesheet\" href=\"")
                .attr(links.page(SiteNav.STYLESHEET)).raw("\">\n<style>\n").raw(CSS).raw("</style>\n</head>\n<body>\n")
                .raw(SiteNav.bar(links.serviceName(), links::page, currentPath)).raw("<main>\n");
        return this;
    }

    /** The end of a page. */
    Html close(SiteLinks links) {
        raw("</main>\n<footer>Every fact links to the words of its source. Data: ")
                .link(links.page("dumps/alliance-kg.trig.gz"), "TriG dump").raw(", ")
                .link(links.page("dumps/alliance-kg.nq.gz"), "N-Quads dump").raw(".</footer>\n</body>\n</html>\n");
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private static String readCss() {
        try (InputStream in = Html.class.getClassLoader().getResourceAsStream("publish/page.css")) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource publish/page.css");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
