package org.alliancekg.serve.guard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Plain-text answers of the guard's filters and servlets. */
final class TextResponse {

    private TextResponse() {
    }

    /** Sends {@code text} as {@code text/plain; charset=utf-8} with {@code status}, unless already committed. */
    static void send(HttpServletResponse resp, int status, String text) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
        resp.flushBuffer();
    }
}
