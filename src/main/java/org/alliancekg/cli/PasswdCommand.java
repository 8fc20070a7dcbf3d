package org.alliancekg.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.alliancekg.serve.guard.PasswordFile;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-kg passwd USER --file FILE}: sets a user's password in a password file for
 * {@code serve --password-file} (salted PBKDF2 hash, see {@link PasswordFile}). The password is asked twice on the
 * terminal, or read from the first line of standard input when there is no terminal.
 *
 * <pre>
 * alliance-kg passwd alice --file /etc/alliance-kg/passwords
 * printf '%s\n' "$PASSWORD" | alliance-kg passwd ci --file passwords
 * </pre>
 */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = {"Set USER's password in a password file (salted PBKDF2-HMAC-SHA256; no password is stored) "
                + "for 'serve --password-file'. Asks on the terminal, or reads one line from standard input."})
public final class PasswdCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "USER", description = "User name (A-Z a-z 0-9 . _ @ -).")
    String user;

    @Option(names = "--file", required = true, paramLabel = "FILE",
            description = "The password file; created (readable by its owner only) if missing.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        char[] password = read();
        try {
            boolean added = PasswordFile.setPassword(file, user, password);
            PrintWriter out = spec.commandLine().getOut();
            out.println((added ? "added " : "changed the password of ") + user + " in " + file);
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password for %s: ", user);
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "the passwords differ");
            }
            Arrays.fill(again, '\0');
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no password on standard input");
        }
        return line.toCharArray();
    }
}
