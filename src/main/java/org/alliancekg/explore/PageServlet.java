package org.alliancekg.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One HTML page of the explorer ({@code /explore}, {@code /timeline}, {@code /query}) from the classpath folder
 * {@code explore/}, with {@code {{name}}} placeholders filled in once, at start ({@code {{site-bar}}}: the site's top
 * bar from {@link org.alliancekg.serve.SiteNav}). The pages use relative addresses only, so they work wherever the
 * server is mounted.
 */
final class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] page;

    /**
     * @param resource the page's file in the classpath folder {@code explore/}
     * @param values   placeholder name to value (HTML-escaped here)
     * @param markup   placeholder name to markup written by this project's code (never data), inserted as is
     * @throws IllegalStateException if the page is missing or a placeholder is left unfilled
     */
    PageServlet(String resource, Map<String, String> values, Map<String, String> markup) {
        String html = read(ExploreModule.OWN + resource);
        for (Map.Entry<String, String> v : values.entrySet()) {
            html = html.replace("{{" + v.getKey() + "}}", escape(v.getValue()));
        }
        for (Map.Entry<String, String> m : markup.entrySet()) {
            html = html.replace("{{" + m.getKey() + "}}", m.getValue());
        }
        if (html.contains("{{")) {
            throw new IllegalStateException(resource + ": unfilled placeholder near "
                    + html.substring(html.indexOf("{{"), Math.min(html.length(), html.indexOf("{{") + 30)));
        }
        this.page = html.getBytes(StandardCharsets.UTF_8);
    }

    static String read(String resource) {
        try (InputStream in = PageServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setContentLength(page.length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(page);
        }
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }
}
