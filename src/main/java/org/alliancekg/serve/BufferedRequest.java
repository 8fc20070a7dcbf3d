package org.alliancekg.serve;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
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

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body has been read into memory: it replays the body and, for a form, reads its parameters from
 * it. The guard's size limit and the result cache read a body before the SPARQL servlet; this is how they pass it on.
 */
public final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;
    private Map<String, String[]> parameters;

    /**
     * @param req  the request whose body was read
     * @param body its bytes
     */
    public BufferedRequest(HttpServletRequest req, byte[] body) {
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
