package org.alliancekg.cli;

import java.io.Console;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.Problem;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.push.GraphStorePusher;
import org.alliancekg.push.PushException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-kg push}: sends each named graph of the local database to a SPARQL 1.1 Graph Store Protocol
 * endpoint with {@code PUT} (each graph replaced whole, so a push can be repeated).
 *
 * <pre>
 * alliance-kg push --endpoint http://store.example.org:3030/kg/data --user loader --password-file ~/.kg-pass
 * </pre>
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Send each named graph of the local database (db/current) to a SPARQL 1.1 Graph Store Protocol "
                + "endpoint with PUT ?graph=IRI (whole graphs replaced; repeatable). HTTP Basic when --user is given."})
public final class PushCommand implements Callable<Integer> {

    @Option(names = "--endpoint", required = true, paramLabel = "URL",
            description = "Graph Store Protocol endpoint, e.g. http://host:3030/kg/data.")
    URI endpoint;

    @Option(names = "--user", paramLabel = "U", description = "User for HTTP Basic authentication.")
    String user;

    @Option(names = "--password-file", paramLabel = "F",
            description = "File whose first line is the password (default: asked on the console).")
    Path passwordFile;

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = options.layout();
        GraphStorePusher.Builder b = GraphStorePusher.to(endpoint);
        if (user != null) {
            b.credentials(user, password());
        } else if (passwordFile != null) {
            throw new InputException(new Problem("--password-file", 0, null, "given without --user"));
        }
        GraphStorePusher pusher;
        try {
            pusher = b.build();
        } catch (IllegalArgumentException e) {
            throw new InputException(new Problem("--endpoint", 0, null, e.getMessage()));
        }
        try (LiveData live = LiveData.open(layout)) {
            GraphStorePusher.Result r = pusher.push(live.dataset());
            spec.commandLine().getOut().printf("pushed %d graphs, %d triples to %s in %.1f s%n", r.graphs(),
                    r.triples(), endpoint, r.elapsed().toMillis() / 1000.0);
            return 0;
        } catch (PushException e) {
            spec.commandLine().getErr().println("push failed: " + e.getMessage());
            return Main.EXIT_INPUT;
        }
    }

    private String password() {
        if (passwordFile != null) {
            try {
                String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
                String first = text.lines().findFirst().orElse("");
                if (first.isEmpty()) {
                    throw new InputException(new Problem(passwordFile.toString(), 1, null, "no password on the first line"));
                }
                return first;
            } catch (IOException e) {
                throw new InputException(new Problem(passwordFile.toString(), 0, null, "cannot read: " + e.getMessage()));
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new InputException(new Problem("--user", 0, null,
                    "needs --password-file when there is no console to ask for the password"));
        }
        char[] p = console.readPassword("password for %s: ", user);
        return p == null ? "" : new String(p);
    }
}
