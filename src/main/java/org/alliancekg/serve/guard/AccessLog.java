package org.alliancekg.serve.guard;

import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log: one line per HTTP request on logger {@value #LOGGER} at INFO, as space-separated
 * {@code key=value} pairs, written by Jetty when the response is complete (so it covers requests refused before
 * any servlet, such as 400 for a malformed URI, 401 and 413):
 *
 * <pre>
 * method=GET path=/kg/sparql status=200 bytes=1532 ms=12 remote=127.0.0.1
 * </pre>
 *
 * <p>{@code path} is the raw request path (still percent-encoded, without the query string, which may hold a whole
 * query); {@code bytes} counts the response body; {@code ms} runs from the request's arrival to its completion.
 */
final class AccessLog implements RequestLog {

    /** The logger of the access log. */
    static final String LOGGER = "akg.access";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
        String path = request.getHttpURI().getPath();
        LOG.info("method={} path={} status={} bytes={} ms={} remote={}", token(request.getMethod()),
                token(path == null ? "" : path), response.getStatus(), Response.getContentBytesWritten(response), ms,
                token(Request.getRemoteAddr(request)));
    }

    /** The value with characters that would break the key=value syntax (space, quote, control) escaped. */
    static String token(String s) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '"' || c == 0x7f) {
                sb.append(String.format("%%%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
