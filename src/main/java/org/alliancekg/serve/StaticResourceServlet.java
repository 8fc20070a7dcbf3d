package org.alliancekg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves files from a classpath folder (GET and HEAD): by default the folder {@code webapp/static/} under
 * {@code /static/*}. Names under an optional library prefix come only from a fixed table of classpath resources
 * instead (e.g. files of WebJars). Only the given extensions are served, each with its content type; unknown files
 * answer 404; paths with {@code ..}, a backslash or a leading slash answer 400.
 *
 * <pre>{@code
 * builder.addServlet("/explore/static/*", new StaticResourceServlet("explore/", "/explore/static/",
 *         Set.of("js", "css", "svg"), "no-cache").withLibraries("lib/", Map.of("lib/x.js", webjarFile), "max-age=86400"));
 * }</pre>
 */
public final class StaticResourceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Classpath folder of the site's static files, without leading slash. */
    static final String BASE = "webapp/static/";

    /** Content type of each extension that can be served. */
    static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    private final String root;
    private final String mount;
    private final Set<String> extensions;
    private final String cacheControl;
    private final String libraryPrefix;
    private final Map<String, String> libraries;
    private final String libraryCacheControl;

    /** The site's static files: {@code webapp/static/} under {@code /static/}, every known type, cached an hour. */
    StaticResourceServlet() {
        this(BASE, "/static/", TYPES.keySet(), "max-age=3600");
    }

    /**
     * @param root         classpath folder of the files, without leading slash, ending in {@code /}
     * @param mount        the URL path the servlet is mounted on, ending in {@code /} (for error messages)
     * @param extensions   the file extensions served (a subset of the known types: css, js, html, svg, png, ico,
     *                     json)
     * @param cacheControl the {@code Cache-Control} header of the files
     * @throws IllegalArgumentException if an extension has no known content type
     */
    public StaticResourceServlet(String root, String mount, Set<String> extensions, String cacheControl) {
        this(root, mount, extensions, cacheControl, null, Map.of(), null);
    }

    private StaticResourceServlet(String root, String mount, Set<String> extensions, String cacheControl,
                                  String libraryPrefix, Map<String, String> libraries, String libraryCacheControl) {
        for (String ext : extensions) {
            if (!TYPES.containsKey(ext)) {
                throw new IllegalArgumentException("no content type for ." + ext);
            }
        }
        this.root = root;
        this.mount = mount;
        this.extensions = Set.copyOf(extensions);
        this.cacheControl = cacheControl;
        this.libraryPrefix = libraryPrefix;
        this.libraries = Map.copyOf(libraries);
        this.libraryCacheControl = libraryCacheControl;
    }

    /**
     * This servlet, but names starting with {@code prefix} are served only from {@code files} (name to classpath
     * resource, each checked to exist), with their own {@code Cache-Control}.
     *
     * @throws IllegalStateException if a resource of {@code files} is not on the classpath
     */
    public StaticResourceServlet withLibraries(String prefix, Map<String, String> files, String cacheControl) {
        for (String resource : files.values()) {
            if (StaticResourceServlet.class.getClassLoader().getResource(resource) == null) {
                throw new IllegalStateException("missing library file " + resource);
            }
        }
        return new StaticResourceServlet(root, mount, extensions, this.cacheControl, prefix, files, cacheControl);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo();
        if (name == null || name.length() < 2) {
            ProblemWriter.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found: " + mount);
            return;
        }
        name = name.substring(1);
        if (name.contains("..") || name.contains("\\") || name.startsWith("/")) {
            ProblemWriter.text(resp, HttpServletResponse.SC_BAD_REQUEST, "Bad path");
            return;
        }
        boolean library = libraryPrefix != null && name.startsWith(libraryPrefix);
        String resource = library ? libraries.get(name) : root + name;
        String ext = name.substring(name.lastIndexOf('.') + 1);
        String type = extensions.contains(ext) ? TYPES.get(ext) : null;
        if (resource == null || type == null) {
            ProblemWriter.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found: " + mount + name);
            return;
        }
        try (InputStream in = StaticResourceServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                ProblemWriter.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found: " + mount + name);
                return;
            }
            byte[] body = in.readAllBytes();
            resp.setStatus(HttpServletResponse.SC_OK);
            resp.setContentType(type);
            resp.setContentLength(body.length);
            resp.setHeader("Cache-Control", library ? libraryCacheControl : cacheControl);
            if (!"HEAD".equals(req.getMethod())) {
                resp.getOutputStream().write(body);
            }
        }
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }
}
