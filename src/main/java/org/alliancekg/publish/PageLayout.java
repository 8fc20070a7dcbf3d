package org.alliancekg.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.alliancekg.serve.SiteNav;
import org.alliancekg.serve.Templates;

/**
 * The layout every page of this package shares ({@code templates/page.mustache}): the head with title, favicon and
 * style ({@code publish/page.css} inlined, the site bar's style sheet linked), the site bar ({@link SiteNav}), the
 * page's content and the footer with the dumps.
 *
 * <pre>{@code
 * String html = PageLayout.page("Dataset description", links, "/void", content);
 * }</pre>
 */
final class PageLayout {

    /** Where the favicon is served (SVG); {@value #FAVICON_ICO} answers browsers that ask without a link. */
    static final String FAVICON_SVG = "favicon.svg";
    /** The favicon browsers ask for by default. */
    static final String FAVICON_ICO = "favicon.ico";

    private static final String CSS = readCss();

    private PageLayout() {
    }

    private record Scope(String title, String favicon, String stylesheet, String css, String nav, String content,
                         String trigDump, String nquadsDump) {
    }

    /**
     * A whole page around {@code content}.
     *
     * @param title       the page's title, escaped by the template
     * @param currentPath the site path of this page when it is one of the bar's links ({@code /void}), else null
     * @param content     the page's markup, already safe (rendered templates or escaped text)
     */
    static String page(String title, SiteLinks links, String currentPath, String content) {
        return Templates.render("page", new Scope(title, links.page(FAVICON_SVG), links.page(SiteNav.STYLESHEET), CSS,
                SiteNav.bar(links.serviceName(), links::page, currentPath), content,
                links.page("dumps/alliance-kg.trig.gz"), links.page("dumps/alliance-kg.nq.gz")));
    }

    private static String readCss() {
        try (InputStream in = PageLayout.class.getClassLoader().getResourceAsStream("publish/page.css")) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource publish/page.css");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
