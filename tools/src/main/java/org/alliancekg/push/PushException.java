package org.alliancekg.push;

/** A push that the endpoint refused or that could not reach it; the message says which graph and why. */
public final class PushException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public PushException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public PushException(String message, Throwable cause) {
        super(message, cause);
    }
}
