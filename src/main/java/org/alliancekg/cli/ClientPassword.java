package org.alliancekg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.alliancekg.serve.guard.PasswordFile;

/**
 * A client's password for a server's HTTP Basic authentication ({@code ingest}, {@code push}), read from the file
 * named by {@value #OPTION}: its first line, in plain text. Not the server's {@code serve --password-file}, which
 * holds users and hashed passwords (written by {@code alliance-kg passwd}); given one of those, the command says so.
 * The old client option {@value #DEPRECATED} still works and says, in one line, that it is deprecated.
 */
public final class ClientPassword {

    /** The client's option. */
    public static final String OPTION = "--client-password-file";
    /** The client's old option, the same name as the server's: hidden, deprecated. */
    public static final String DEPRECATED = "--password-file";

    private ClientPassword() {
    }

    /**
     * The file given by the new option or, warning on {@code err}, by the deprecated one; null if neither.
     *
     * @throws CommandFailure both given
     */
    public static Path choose(Path file, Path deprecated, String command, PrintWriter err) {
        if (deprecated == null) {
            return file;
        }
        if (file != null) {
            throw new CommandFailure(Main.EXIT_USAGE, "give " + OPTION + " only (" + DEPRECATED + " is its "
                    + "deprecated name)");
        }
        err.println(command + ": " + DEPRECATED + " is deprecated for a client's password (on 'serve' it names the "
                + "hashed password file): use " + OPTION + " FILE");
        err.flush();
        return deprecated;
    }

    /**
     * The first line of {@code file}.
     *
     * @throws CommandFailure the file cannot be read, its first line is empty, or it is a server password file
     */
    public static char[] read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure(Main.EXIT_INPUT, OPTION + " " + file + ": cannot read it (" + e + ")");
        }
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new CommandFailure(Main.EXIT_INPUT, OPTION + " " + file + ": the first line must be the password");
        }
        String first = lines.get(0);
        if (first.contains(":" + PasswordFile.SCHEME + ":")) {
            throw new CommandFailure(Main.EXIT_INPUT, OPTION + " " + file + " is a server password file (users and "
                    + "hashed passwords, for 'serve --password-file'); give a file whose first line is your password");
        }
        return first.toCharArray();
    }
}
