package org.alliancekg.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes every error answer of the server's own servlets and filters in one format.
 *
 * <ul>
 *   <li>{@link #text}: {@code text/plain; charset=utf-8}, the message ending in one newline (one line; a refused
 *       file's problems one per line). Pages, linked data, exports, the guard and ingest answer so.</li>
 *   <li>{@link #json}: for the JSON APIs ({@code /api/*}, {@code /reconcile}): {@code application/json} with
 *       {@code {"status": "error", "code": 400, "message": "...", "error": "..."}} ({@code error} repeats the
 *       message, as the explorer's API always answered).</li>
 * </ul>
 * Both send {@code Cache-Control: no-store} and nothing once the response is committed. Usage:
 * <pre>{@code
 * try { ... } catch (HttpProblem p) { ProblemWriter.text(resp, p); }
 * }</pre>
 */
public final class ProblemWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemWriter() {
    }

    /** Writes {@code problem} as plain text. */
    public static void text(HttpServletResponse resp, HttpProblem problem) throws IOException {
        text(resp, problem.status(), problem.getMessage());
    }

    /** Writes {@code message} with {@code status} as plain text. */
    public static void text(HttpServletResponse resp, int status, String message) throws IOException {
        String line = message.strip() + "\n";
        send(resp, status, "text/plain; charset=utf-8", line.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code problem} as a JSON object. */
    public static void json(HttpServletResponse resp, HttpProblem problem) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", "error");
        body.put("code", problem.status());
        body.put("message", problem.getMessage());
        body.put("error", problem.getMessage());
        send(resp, problem.status(), "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpServletResponse resp, int status, String contentType, byte[] body)
            throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
        // not flushed here: if the request's body was left unread, Jetty can still add "Connection: close" when the
        // exchange completes, so that a client does not reuse a connection that the server then closes
    }
}
