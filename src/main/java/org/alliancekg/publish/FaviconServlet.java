package org.alliancekg.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The site's icon: {@code /favicon.svg} (linked from the pages' heads) and {@code /favicon.ico} (what browsers ask
 * for when a page links none), both from the class path ({@code publish/favicon.*}), cacheable for a day.
 */
final class FaviconServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] svg = read("publish/favicon.svg");
    private final byte[] ico = read("publish/favicon.ico");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean isSvg = req.getRequestURI().endsWith(".svg");
        byte[] body = isSvg ? svg : ico;
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(isSvg ? "image/svg+xml" : "image/x-icon");
        resp.setHeader("Cache-Control", "public, max-age=86400");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private static byte[] read(String resource) {
        try (InputStream in = FaviconServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
