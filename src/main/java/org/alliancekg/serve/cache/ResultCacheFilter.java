package org.alliancekg.serve.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.alliancekg.serve.BufferedRequest;

/**
 * Serves repeated SPARQL queries from a {@link ResultCache}: a {@code GET} with {@code query=}, a form
 * {@code POST}, or a {@code POST} of {@code application/sparql-query}, keyed by the endpoint, the request
 * parameters (or body), {@code Accept} and {@code Origin}. A hit is answered with the stored status, headers and
 * body and the header {@code Akg-Cache: hit}; a miss passes on and its 200 answer is stored when it is small
 * enough and the data did not change meanwhile ({@code Akg-Cache: miss}). Anything else passes on untouched
 * ({@code Akg-Cache: bypass} when it was a query).
 */
final class ResultCacheFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Response header telling how the cache treated the request. */
    static final String HEADER = "Akg-Cache";

    /** Largest {@code application/sparql-query} body read for a key. */
    static final int MAX_BODY = 256 * 1024;

    /** Headers not replayed from a stored answer. */
    private static final Set<String> NOT_REPLAYED = Set.of("content-length", "date", "fuseki-request-id",
            "transfer-encoding", "connection", HEADER.toLowerCase(Locale.ROOT));

    private final ResultCache cache;

    ResultCacheFilter(ResultCache cache) {
        this.cache = cache;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String method = req.getMethod();
        String type = contentType(req);
        HttpServletRequest forward = req;
        String query;
        if (method.equals("GET") && req.getParameter("query") != null) {
            query = parameters(req);
        } else if (method.equals("POST") && type.equals("application/x-www-form-urlencoded")) {
            query = req.getParameter("query") == null ? null : parameters(req);
        } else if (method.equals("POST") && type.equals("application/sparql-query")
                && req.getContentLengthLong() >= 0 && req.getContentLengthLong() <= MAX_BODY) {
            byte[] body = req.getInputStream().readAllBytes();
            forward = new BufferedRequest(req, body);
            query = parameters(req) + "\nbody=" + new String(body, StandardCharsets.UTF_8);
        } else {
            chain.doFilter(req, resp);
            return;
        }
        if (query == null) {
            chain.doFilter(req, resp);
            return;
        }
        String key = req.getRequestURI() + "\n" + header(req, "Accept") + "\n" + header(req, "Origin") + "\n" + query;
        Object version = cache.version();
        ResultCache.Answer stored = cache.get(key, version);
        if (stored != null) {
            replay(resp, stored);
            return;
        }
        if (version == null) {
            resp.setHeader(HEADER, "bypass");
            chain.doFilter(forward, resp);
            return;
        }
        resp.setHeader(HEADER, "miss");
        CapturingResponse capture = new CapturingResponse(resp, cache.maxEntryBytes());
        chain.doFilter(forward, capture);
        capture.finish();
        if (capture.cacheable()) {
            cache.put(key, version, new ResultCache.Answer(capture.status(), capture.headers(), capture.body()));
        }
    }

    private static void replay(HttpServletResponse resp, ResultCache.Answer a) throws IOException {
        resp.setStatus(a.status());
        for (String[] h : a.headers()) {
            resp.addHeader(h[0], h[1]);
        }
        resp.setHeader(HEADER, "hit");
        resp.setContentLength(a.body().length);
        resp.getOutputStream().write(a.body());
    }

    /** The request parameters, sorted by name, as {@code name=value} lines (query string and form fields). */
    private static String parameters(HttpServletRequest req) {
        Map<String, String[]> sorted = new TreeMap<>(req.getParameterMap());
        StringBuilder sb = new StringBuilder();
        sorted.forEach((name, values) -> {
            for (String v : values) {
                sb.append(name).append('=').append(v).append('\n');
            }
        });
        return sb.toString();
    }

    private static String header(HttpServletRequest req, String name) {
        String v = req.getHeader(name);
        return v == null ? "" : v;
    }

    private static String contentType(HttpServletRequest req) {
        String t = req.getContentType();
        if (t == null) {
            return "";
        }
        int semi = t.indexOf(';');
        return (semi < 0 ? t : t.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Passes headers and status through at once and keeps a copy of them; keeps the body (up to a bound) and
     * writes it at {@link #finish()}; beyond the bound, writes what it kept and streams the rest.
     */
    private static final class CapturingResponse extends HttpServletResponseWrapper {
        private final int limit;
        private final List<String[]> headers = new ArrayList<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private int status = SC_OK;
        private boolean overflow;
        private boolean error;
        private ServletOutputStream out;
        private PrintWriter writer;

        CapturingResponse(HttpServletResponse resp, int limit) {
            super(resp);
            this.limit = limit;
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            error = true;
            flushBuffer();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            status = sc;
            error = true;
            flushBuffer();
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            error = true;
            super.sendRedirect(location);
        }

        @Override
        public void setHeader(String name, String value) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            remember(name, value);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            remember(name, value);
            super.addHeader(name, value);
        }

        @Override
        public void setIntHeader(String name, int value) {
            setHeader(name, Integer.toString(value));
        }

        @Override
        public void addIntHeader(String name, int value) {
            addHeader(name, Integer.toString(value));
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(type);
            headers.removeIf(h -> h[0].equalsIgnoreCase("Content-Type"));
            if (getContentType() != null) {
                headers.add(new String[] {"Content-Type", getContentType()});
            }
        }

        @Override
        public void setCharacterEncoding(String charset) {
            super.setCharacterEncoding(charset);
            if (getContentType() != null) {
                headers.removeIf(h -> h[0].equalsIgnoreCase("Content-Type"));
                headers.add(new String[] {"Content-Type", getContentType()});
            }
        }

        @Override
        public void setContentLength(int len) {
            // the length is set when the body is written
        }

        @Override
        public void setContentLengthLong(long len) {
            // the length is set when the body is written
        }

        private void remember(String name, String value) {
            if (value != null && !NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.add(new String[] {name, value});
            }
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (out == null) {
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (!overflow && buffer.size() + len > limit) {
                            overflow = true;
                            CapturingResponse.super.getOutputStream().write(buffer.toByteArray());
                            buffer.reset();
                        }
                        if (overflow) {
                            CapturingResponse.super.getOutputStream().write(b, off, len);
                        } else {
                            buffer.write(b, off, len);
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("blocking writes only");
                    }
                };
            }
            return out;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String cs = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), java.nio.charset.Charset.forName(cs)));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            // the body is written at finish(); committing the response now would lose the content length
        }

        @Override
        public boolean isCommitted() {
            return overflow || super.isCommitted();
        }

        @Override
        public void resetBuffer() {
            buffer.reset();
            super.resetBuffer();
        }

        /** Writes the kept body to the client. */
        void finish() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (!overflow && !error && buffer.size() > 0 && !super.isCommitted()) {
                super.setContentLength(buffer.size());
            }
            if (!overflow && buffer.size() > 0) {
                super.getOutputStream().write(buffer.toByteArray());
            }
        }

        boolean cacheable() {
            return status == SC_OK && !overflow && !error;
        }

        int status() {
            return status;
        }

        List<String[]> headers() {
            return List.copyOf(headers.stream().map(h -> Arrays.copyOf(h, 2)).toList());
        }

        byte[] body() {
            return buffer.toByteArray();
        }
    }
}
