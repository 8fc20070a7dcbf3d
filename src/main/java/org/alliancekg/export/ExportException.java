package org.alliancekg.export;

/** An export could not be written (I/O or serialization failure). Unchecked. */
public class ExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message and the cause. */
    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }

    /** With a message. */
    public ExportException(String message) {
        super(message);
    }
}
