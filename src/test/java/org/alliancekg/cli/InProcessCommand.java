package org.alliancekg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the command line in-process and keeps what it printed, for tests of exit codes and messages. */
public final class InProcessCommand {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code alliance-kg ARGS}; returns the exit code. */
    public int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** Standard output so far. */
    public String out() {
        return out.toString();
    }

    /** Standard error so far. */
    public String err() {
        return err.toString();
    }

    /** Asserts that standard error is one line containing {@code expected}, with no stack trace. */
    public void assertOneLineError(String expected) {
        String text = err().strip();
        assertEquals(1, text.lines().count(), "one line: " + err());
        assertTrue(text.contains(expected), "expected '" + expected + "' in: " + err());
        assertFalse(text.contains("\tat ") || text.contains("Exception"), "no stack trace: " + err());
    }
}
