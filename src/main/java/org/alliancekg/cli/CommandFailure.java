package org.alliancekg.cli;

/**
 * A command cannot do what it was asked for a reason the user can act on (a server that does not answer, an option
 * without its partner): {@link Main} prints {@code <command>: <message>} as one line on stderr, with no stack
 * trace, and exits with {@link #exitCode()}.
 */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** A failure with a one-line message naming the problem and the fix, and the exit status to return. */
    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The exit status: {@link Main#EXIT_INPUT} or {@link Main#EXIT_USAGE}. */
    public int exitCode() {
        return exitCode;
    }
}
