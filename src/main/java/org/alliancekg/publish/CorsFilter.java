package org.alliancekg.publish;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-origin resource sharing for the public, read-only addresses, so that browser tools on other origins
 * (YASGUI, OpenRefine's web client, linked-data browsers) can use them: every answer gets
 * {@code Access-Control-Allow-Origin: *}; a preflight ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-Method}) is answered 204 here, allowing {@code GET}, {@code HEAD}, {@code POST} and
 * the headers the browser asks for (when they are a plain list of header names). No credentials are allowed.
 */
final class CorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String METHODS = "GET, HEAD, POST, OPTIONS";
    static final String EXPOSED = "Content-Location, Content-Disposition, Link, Location, Vary";
    /** A list of header names as a preflight names them. */
    private static final Pattern HEADER_LIST = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+(\\s*,\\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Access-Control-Expose-Headers", EXPOSED);
        if (req.getMethod().equals("OPTIONS") && req.getHeader("Origin") != null
                && req.getHeader("Access-Control-Request-Method") != null) {
            resp.setHeader("Access-Control-Allow-Methods", METHODS);
            String headers = req.getHeader("Access-Control-Request-Headers");
            if (headers != null && HEADER_LIST.matcher(headers).matches()) {
                resp.setHeader("Access-Control-Allow-Headers", headers);
            }
            resp.setHeader("Access-Control-Max-Age", "86400");
            resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(req, resp);
    }
}
