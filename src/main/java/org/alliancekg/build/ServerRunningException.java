package org.alliancekg.build;

/**
 * The database is in use by a running server (TDB2 lets one process open a database): the command must send its
 * work to the server instead, or the server must be stopped. The message says which server and what to do.
 */
public class ServerRunningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message for people. */
    public ServerRunningException(String message) {
        super(message);
    }

    /** An exception with a message for people and the low-level cause. */
    public ServerRunningException(String message, Throwable cause) {
        super(message, cause);
    }
}
