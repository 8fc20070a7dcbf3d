package org.alliancekg.tools;

import java.io.Console;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.alliancekg.cli.ClientPassword;
import org.alliancekg.cli.CommandFailure;
import org.alliancekg.cli.LiveData;
import org.alliancekg.cli.Main;
import org.alliancekg.cli.ProjectOptions;
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
 * {@code alliance-kg-tools push}: sends each named graph of the local database to a SPARQL 1.1 Graph Store Protocol
 * endpoint with {@code PUT} (each graph replaced whole, so a push can be repeated).
 *
 * <pre>
 * alliance-kg-tools push --endpoint http://store.example.org:3030/kg/data --user loader \
 *     --client-password-file ~/.kg-pass
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

    @Option(names = ClientPassword.OPTION, paramLabel = "F",
            description = "File whose first line is the password, in plain text (default: asked on the console).")
    Path clientPasswordFile;

    @Option(names = ClientPassword.DEPRECATED, paramLabel = "F", hidden = true,
            description = "Deprecated name of " + ClientPassword.OPTION + ".")
    Path deprecatedPasswordFile;

    private Path passwordFile;

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = options.layout();
        passwordFile = ClientPassword.choose(clientPasswordFile, deprecatedPasswordFile, "push",
                spec.commandLine().getErr());
        GraphStorePusher.Builder b = GraphStorePusher.to(endpoint);
        if (user != null) {
            b.credentials(user, password());
        } else if (passwordFile != null) {
            throw new CommandFailure(Main.EXIT_USAGE, ClientPassword.OPTION + " given without --user");
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
            return new String(ClientPassword.read(passwordFile));
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
