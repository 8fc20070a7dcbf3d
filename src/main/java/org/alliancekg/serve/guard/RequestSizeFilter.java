package org.alliancekg.serve.guard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.serve.BufferedRequest;
import org.alliancekg.serve.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses request bodies larger than a limit with 413 Content Too Large.
 *
 * <ul>
 *   <li>A declared {@code Content-Length} over the limit is refused at once, before any byte of the body is
 *       read (Jetty never delivers more than the declared length).</li>
 *   <li>A body without declared length ({@code Transfer-Encoding: chunked}) is read here, counting bytes, up to
 *       the limit; one byte more and the request is refused. A body within the limit is handed on from memory, and
 *       an HTML form body ({@code application/x-www-form-urlencoded}) is decoded here into the request's
 *       parameters, since the servlet container can no longer read it.</li>
 * </ul>
 */
final class RequestSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger("akg.guard");

    private final long maxBytes;

    RequestSizeFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        long declared = req.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(req, resp, "declares " + declared + " bytes");
            return;
        }
        if (declared >= 0 || req.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(req, resp);
            return;
        }
        byte[] body = readAtMost(req.getInputStream(), maxBytes);
        if (body == null) {
            refuse(req, resp, "sent more than " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(new BufferedRequest(req, body), resp);
    }

    private void refuse(HttpServletRequest req, HttpServletResponse resp, String what) throws IOException {
        LOG.warn("refused {} {} from {}: the body {}; the limit is {} bytes", req.getMethod(), req.getRequestURI(),
                req.getRemoteAddr(), what, maxBytes);
        resp.setHeader("Connection", "close");
        ProblemWriter.text(resp, 413, "Content Too Large: the request body " + what + "; this server accepts at most "
                + maxBytes + " bytes.\n");
    }

    /** The stream's bytes, or null if there are more than {@code max}. */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
