package org.alliancekg.serve;

import java.util.Objects;

/**
 * A request the server answers with an error status and a message for the client: thrown by a servlet's helpers and
 * written once, by {@link ProblemWriter}. The message says what was wrong with the request and how to ask instead,
 * e.g. {@code new HttpProblem(400, "limit must be a number from 1 to 100: x")}.
 *
 * <p>The statuses this server uses: 400 (bad parameter or query), 403, 404 (unknown path or IRI), 405, 406
 * ({@code Accept} names nothing offered), 413 (body too large), 415, 503 (timeout, not ready).
 */
public class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status  an HTTP error status, 400 to 599
     * @param message what was wrong, for the client (no stack trace, nothing secret)
     */
    public HttpProblem(int status, String message) {
        super(Objects.requireNonNull(message, "message"));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
    }

    /** A 400: a parameter, body or query the server cannot read. */
    public static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }

    /** A 404: no such resource. */
    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    /** The HTTP status to answer. */
    public int status() {
        return status;
    }
}
