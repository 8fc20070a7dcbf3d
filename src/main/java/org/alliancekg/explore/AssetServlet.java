package org.alliancekg.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The explorer's static files under {@code /explore/static/}: its own scripts and styles from the classpath folder
 * {@code explore/}, and, under {@code lib/}, the browser libraries from their WebJars on the classpath (no CDN):
 * Cytoscape.js ({@code lib/cytoscape.min.js}) and YASGUI ({@code lib/yasgui.min.js}, {@code lib/yasgui.min.css}).
 * The WebJar versions are read from the WebJars' Maven metadata, so the pages need no version number.
 */
final class AssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Classpath folder of the explorer's own files. */
    static final String OWN = "explore/";

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    /** {@code lib/...} name to classpath resource. */
    private final Map<String, String> libraries;

    AssetServlet() {
        String cytoscape = webjar("cytoscape");
        String yasgui = webjar("zazuko__yasgui");
        this.libraries = Map.of(
                "lib/cytoscape.min.js", cytoscape + "dist/cytoscape.min.js",
                "lib/yasgui.min.js", yasgui + "build/yasgui.min.js",
                "lib/yasgui.min.css", yasgui + "build/yasgui.min.css");
        for (String resource : libraries.values()) {
            if (getClass().getClassLoader().getResource(resource) == null) {
                throw new IllegalStateException("missing WebJar file " + resource);
            }
        }
    }

    /** The classpath folder of an npm WebJar's files, with its version: {@code META-INF/resources/webjars/NAME/V/}. */
    static String webjar(String artifact) {
        String props = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = AssetServlet.class.getClassLoader().getResourceAsStream(props)) {
            if (in == null) {
                throw new IllegalStateException("WebJar org.webjars.npm:" + artifact + " is not on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return "META-INF/resources/webjars/" + artifact + "/" + p.getProperty("version") + "/";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + props, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo();
        if (name == null || name.length() < 2) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        name = name.substring(1);
        if (name.contains("..") || name.contains("\\") || name.startsWith("/")) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Bad path");
            return;
        }
        String resource = name.startsWith("lib/") ? libraries.get(name) : OWN + name;
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (resource == null || type == null || resource.endsWith(".html")) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "Not found: /explore/static/" + name);
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND, "Not found: /explore/static/" + name);
                return;
            }
            byte[] body = in.readAllBytes();
            resp.setStatus(HttpServletResponse.SC_OK);
            resp.setContentType(type);
            resp.setContentLength(body.length);
            resp.setHeader("Cache-Control", name.startsWith("lib/") ? "max-age=86400" : "no-cache");
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
