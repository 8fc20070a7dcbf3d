package org.alliancekg.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancekg.serve.Templates;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One HTML page of the explorer ({@code /explore}, {@code /timeline}, {@code /query}) from the classpath folder
 * {@code explore/}, a Mustache template rendered once, at start, by {@link Templates}: {@code {{name}}} is a value,
 * escaped; {@code {{{site-bar}}}} the site's top bar from {@link org.alliancekg.serve.SiteNav}, inserted as is. The
 * pages use relative addresses only, so they work wherever the server is mounted.
 */
final class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** {@code {{name}}} or {@code {{{name}}}} in a page. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\{?)\\s*([^{}]+?)\\s*}}(}?)");

    private final byte[] page;

    /**
     * @param resource the page's file in the classpath folder {@code explore/}
     * @param values   name to value, for the page's {@code {{name}}} (escaped by the template)
     * @param markup   name to markup written by this project's code (never data), for {@code {{{name}}}}
     * @throws IllegalStateException if the page is missing, or a placeholder has no value, or a value is asked for
     *                               unescaped or markup escaped
     */
    PageServlet(String resource, Map<String, String> values, Map<String, String> markup) {
        String name = ExploreModule.OWN + resource;
        Matcher m = PLACEHOLDER.matcher(read(name));
        while (m.find()) {
            boolean raw = !m.group(1).isEmpty();
            if (!(raw ? markup : values).containsKey(m.group(2))) {
                throw new IllegalStateException(resource + ": no " + (raw ? "markup" : "value") + " for placeholder "
                        + m.group());
            }
        }
        Map<String, String> scope = new HashMap<>(values);
        scope.putAll(markup);
        this.page = Templates.renderResource(name, scope).getBytes(StandardCharsets.UTF_8);
    }

    private static String read(String resource) {
        try (InputStream in = PageServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
