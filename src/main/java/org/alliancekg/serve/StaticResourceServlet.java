package org.alliancekg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the files of the classpath folder {@code webapp/static/} under {@code /static/*} (GET and HEAD).
 * Unknown files answer 404; paths with {@code ..} or a backslash answer 400.
 */
final class StaticResourceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Classpath folder of the files, without leading slash. */
    static final String BASE = "webapp/static/";

    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo();
        if (name == null || name.equals("/") || name.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        name = name.substring(1);
        if (name.contains("..") || name.contains("\\") || name.startsWith("/")) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Bad path");
            return;
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        try (InputStream in = StaticResourceServlet.class.getClassLoader().getResourceAsStream(BASE + name)) {
            if (in == null || type == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND, "Not found: /static/" + name);
                return;
            }
            byte[] body = in.readAllBytes();
            resp.setStatus(HttpServletResponse.SC_OK);
            resp.setContentType(type);
            resp.setContentLength(body.length);
            resp.setHeader("Cache-Control", "max-age=3600");
            if (!req.getMethod().equals("HEAD")) {
                resp.getOutputStream().write(body);
            }
        }
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }
}
