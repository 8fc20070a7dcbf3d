package org.alliancekg.serve.guard;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

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
final class RequestSizeFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger("akg.guard");

    private final long maxBytes;

    RequestSizeFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        long declared = req.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(req, resp, "declares " + declared + " bytes");
            return;
        }
        if (declared >= 0 || req.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(req.getInputStream(), maxBytes);
        if (body == null) {
            refuse(req, resp, "sent more than " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(new BufferedRequest(req, body), response);
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

    /** A request whose body has been read into memory. */
    static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;
        private Map<String, String[]> parameters;

        BufferedRequest(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("asynchronous reading is not supported");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws UnsupportedEncodingException {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
        }

        private Charset charset() throws UnsupportedEncodingException {
            String enc = getCharacterEncoding();
            if (enc == null) {
                return StandardCharsets.UTF_8;
            }
            try {
                return Charset.forName(enc);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new UnsupportedEncodingException(enc);
            }
        }

        private boolean isForm() {
            String ct = getContentType();
            return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        }

        private synchronized Map<String, String[]> parameters() {
            if (parameters == null) {
                if (!isForm()) {
                    parameters = super.getParameterMap();
                } else {
                    Map<String, List<String>> all = new LinkedHashMap<>();
                    decode(getQueryString(), StandardCharsets.UTF_8, all);
                    Charset cs;
                    try {
                        cs = charset();
                    } catch (UnsupportedEncodingException e) {
                        cs = StandardCharsets.UTF_8;
                    }
                    decode(new String(body, StandardCharsets.ISO_8859_1), cs, all);
                    Map<String, String[]> m = new LinkedHashMap<>();
                    all.forEach((k, v) -> m.put(k, v.toArray(String[]::new)));
                    parameters = Collections.unmodifiableMap(m);
                }
            }
            return parameters;
        }

        private static void decode(String text, Charset cs, Map<String, List<String>> into) {
            if (text == null || text.isEmpty()) {
                return;
            }
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                into.computeIfAbsent(URLDecoder.decode(k, cs), x -> new ArrayList<>()).add(URLDecoder.decode(v, cs));
            }
        }

        @Override
        public String getParameter(String name) {
            String[] v = parameters().get(name);
            return v == null || v.length == 0 ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] v = parameters().get(name);
            return v == null ? null : v.clone();
        }
    }
}
