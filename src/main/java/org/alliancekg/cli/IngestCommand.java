package org.alliancekg.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.build.ArticleIngester;
import org.alliancekg.build.ArticleUpload;
import org.alliancekg.build.IngestResult;
import org.alliancekg.build.PreparedArticle;
import org.alliancekg.build.ServerRunningException;
import org.alliancekg.store.ServerStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-kg ingest FILE...}: adds or replaces articles in the live database without rebuilding the rest,
 * one transaction each, and copies each file into {@code data/articles/}. When a server is running on the database (it keeps
 * {@code db/server.json}), the article is POSTed to the server with {@code --user} and
 * {@code --client-password-file}, or the command stops with a message saying so. {@code --client-password-file} is
 * the client's plain password; {@code --password-file}, the server's name for its hashed file, is a hidden
 * deprecated alias.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Add or replace an article (FILE, named <article-id>.md, with front matter) in the live "
                + "database in one transaction, with its mentions, suggested claims and the claims of "
                + "data/claims/<article-id>.yaml if there is one; validate; copy the file into data/articles/. "
                + "Ingesting the same file again changes nothing.",
                "The copy in data/articles/ is a new file for git (commit it); the next build, or a serve that finds "
                        + "data/ changed, rebuilds with it.",
                "If a server is running on the database, the article is sent to it (POST /kg/articles) with "
                        + "--user and --client-password-file, and the server serves it at once."})
public final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Article file <article-id>.md; several are ingested in order, each in its own transaction.")
    List<Path> files;

    @Option(names = "--user", paramLabel = "USER", description = "User for a running server's article endpoint.")
    String user;

    @Option(names = ClientPassword.OPTION, paramLabel = "FILE",
            description = "File whose first line is that user's password, in plain text (not the server's "
                    + "'serve --password-file', which holds hashed passwords).")
    Path clientPasswordFile;

    @Option(names = ClientPassword.DEPRECATED, paramLabel = "FILE", hidden = true,
            description = "Deprecated name of " + ClientPassword.OPTION + ".")
    Path deprecatedPasswordFile;

    @Option(names = "--server", paramLabel = "URL",
            description = "Article endpoint of a server to send the article to, e.g. http://host:3030/kg/articles "
                    + "(default: the server running on the database, if any).")
    URI server;

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = options.layout();
        ArticleIngester ingester = new ArticleIngester(layout);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path passwordFile = ClientPassword.choose(clientPasswordFile, deprecatedPasswordFile, "ingest", err);
        Optional<ServerStatus> running = ServerStatus.running(layout);
        if (server == null && running.isEmpty()) {
            try {
                ingester.ingest(files, r -> {
                    out.println(r.summary());
                    out.flush();
                });
                return 0;
            } catch (ServerRunningException e) {
                err.println(e.getMessage().replace(" --password-file", " " + ClientPassword.OPTION));
                err.flush();
                return Main.EXIT_INPUT;
            }
        }
        if (user == null || passwordFile == null) {
            // the ingester names the client's password option by its old name
            err.println(running.map(s -> ingester.serverRunning(s).getMessage().replace(" --password-file ",
                            " " + ClientPassword.OPTION + " "))
                    .orElse("ingest: --server needs --user and " + ClientPassword.OPTION));
            err.flush();
            return Main.EXIT_INPUT;
        }
        URI endpoint = server != null ? server : URI.create(running.get().articles());
        char[] password = ClientPassword.read(passwordFile);
        try {
            for (Path file : files) {
                PreparedArticle p = ingester.prepare(file);
                ArticleUpload.Response r = ArticleUpload.post(endpoint, p.id(), p.bytes(), user, password);
                (r.ok() ? out : err).println("server " + endpoint + " answered " + r.status() + ": "
                        + r.body().strip());
                out.flush();
                err.flush();
                if (!r.ok()) {
                    return Main.EXIT_INPUT;
                }
            }
            return 0;
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            err.flush();
            return Main.EXIT_INPUT;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
