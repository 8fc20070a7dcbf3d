package org.alliancekg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

import org.alliancekg.ingest.ProjectLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The file {@code <dbRoot>/server.json} that a running server keeps beside its database, so that commands wanting
 * to write (which TDB2 allows only the server's process to do) find it and send their work to it:
 *
 * <pre>
 * {"pid": 4242, "port": 3030, "url": "http://localhost:3030/", "articles": "http://localhost:3030/kg/articles",
 *  "database": "/srv/akg/db/tdb2-20250330-101500-000", "startedAt": "2025-03-30T10:15:02Z"}
 * </pre>
 *
 * <p>The server writes it once it listens, writes it again with the new {@code database} when it switches to a new
 * build, and deletes it when it stops; a file left by a process that no longer runs (killed) is ignored. Read
 * commands ({@code query}, {@code export}, {@code push}) use it to ask the server, {@code build} to wait until the
 * server serves the new build, {@code ingest} to send the article to it.
 *
 * @param pid       the server's process id
 * @param port      the port it listens on
 * @param url       its base URL
 * @param articles  the URL of its article endpoint ({@code POST} an article there)
 * @param database  the database directory it serves
 * @param startedAt when it started
 */
public record ServerStatus(long pid, int port, String url, String articles, String database, Instant startedAt) {

    private static final Logger LOG = LoggerFactory.getLogger("akg.store");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Name of the file under the database root. */
    public static final String FILE = "server.json";

    /** This status with another database directory (the server switched to a new build). */
    public ServerStatus withDatabase(String dir) {
        return new ServerStatus(pid, port, url, articles, dir, startedAt);
    }

    /**
     * The URL of another endpoint of the server's service, a sibling of {@link #articles()}: {@code endpoint("sparql")}
     * is {@code http://localhost:3030/kg/sparql}.
     */
    public String endpoint(String name) {
        return articles.substring(0, articles.lastIndexOf('/') + 1) + name;
    }

    /** The file of a project. */
    public static Path file(ProjectLayout layout) {
        return layout.dbRoot().resolve(FILE);
    }

    /** The status of a server running now on the project's database, if there is one. */
    public static Optional<ServerStatus> running(ProjectLayout layout) {
        Path f = file(layout);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        ServerStatus s;
        try {
            JsonNode n = JSON.readTree(f.toFile());
            s = new ServerStatus(n.path("pid").asLong(), n.path("port").asInt(), n.path("url").asText(),
                    n.path("articles").asText(), n.path("database").asText(),
                    Instant.parse(n.path("startedAt").asText()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("unreadable {}: {} (ignored)", layout.display(f), e.toString());
            return Optional.empty();
        }
        if (!ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            LOG.debug("{} names process {}, which no longer runs: ignored", layout.display(f), s.pid());
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** Writes this status as the project's server file (atomically). */
    public void write(ProjectLayout layout) {
        Path f = file(layout);
        ObjectNode n = JSON.createObjectNode();
        n.put("pid", pid);
        n.put("port", port);
        n.put("url", url);
        n.put("articles", articles);
        n.put("database", database);
        n.put("startedAt", startedAt.toString());
        try {
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling(FILE + ".tmp");
            JSON.writeValue(tmp.toFile(), n);
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }

    /** Deletes the project's server file if it is this server's (same process and port). */
    public void delete(ProjectLayout layout) {
        Path f = file(layout);
        try {
            if (Files.isRegularFile(f)) {
                JsonNode n = JSON.readTree(f.toFile());
                if (n.path("pid").asLong() == pid && n.path("port").asInt() == port) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot remove {}: {}", layout.display(f), e.toString());
        }
    }
}
