package org.alliancekg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Debian's Virtuoso ({@code virtuoso-opensource}: {@code virtuoso-t}, {@code isql-vt}) as a peer SPARQL store:
 * a fresh database in a scratch directory, a generated {@code virtuoso.ini} listening on loopback ports only,
 * N-Quads loaded with {@code ld_dir} / {@code rdf_loader_run}. Its SPARQL default graph is the union of all graphs,
 * as ours.
 *
 * <pre>{@code
 * try (Virtuoso v = Virtuoso.start(scratch, dumpsDir, Duration.ofMinutes(2))) {
 *     double seconds = v.load("alliance-kg.nq", Duration.ofHours(1));
 *     String endpoint = v.sparqlUrl();
 * }
 * }</pre>
 */
final class Virtuoso implements AutoCloseable {

    static final String SERVER = "virtuoso-t";
    static final String ISQL = "isql-vt";

    private final Path dir;
    private final Path dataDir;
    private final int sqlPort;
    private final int httpPort;
    private final Child process;

    private Virtuoso(Path dir, Path dataDir, int sqlPort, int httpPort, Child process) {
        this.dir = dir;
        this.dataDir = dataDir;
        this.sqlPort = sqlPort;
        this.httpPort = httpPort;
        this.process = process;
    }

    /** Why Virtuoso cannot run here, if it cannot. */
    static Optional<String> unavailable() {
        for (String exe : List.of(SERVER, ISQL)) {
            if (which(exe).isEmpty()) {
                return Optional.of(exe + " not found on PATH (apt-get install virtuoso-opensource)");
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> which(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, exe);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts a fresh server in {@code dir} allowed to read {@code dataDir}, and waits until it accepts SQL.
     *
     * @param buffers the number of 8 KiB page buffers (memory for data)
     */
    static Virtuoso start(Path dir, Path dataDir, int buffers, Duration limit) {
        int sql = Child.freePort();
        int http = Child.freePort();
        Path ini = dir.resolve("virtuoso.ini");
        try {
            Files.createDirectories(dir);
            Files.writeString(ini, ini(dir, dataDir, sql, http, buffers));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ini, e);
        }
        Child c = Child.start("virtuoso", List.of(SERVER, "+foreground", "+configfile", ini.toString()), dir,
                dir.resolve("virtuoso-stdout.log"));
        Virtuoso v = new Virtuoso(dir, dataDir, sql, http, c);
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (!c.isAlive()) {
                throw new IllegalStateException("virtuoso exited:\n" + c.tail(30) + "\n" + v.errorLogTail());
            }
            try {
                v.isql("status();", Duration.ofSeconds(20));
                return v;
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    v.close();
                    throw new IllegalStateException("virtuoso did not accept SQL within " + limit.toSeconds() + " s: "
                            + notYet.getMessage() + "\n" + v.errorLogTail());
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    v.close();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    /** Bulk-loads a file of the data directory (N-Quads: graphs as in the file); returns the seconds it took. */
    double load(String fileName, Duration limit) {
        String data = dataDir.toAbsolutePath().toString().replace("'", "''");
        long t0 = System.nanoTime();
        isql("ld_dir('" + data + "', '" + fileName.replace("'", "''") + "', 'urn:x-alliance-kg:default'); "
                + "rdf_loader_run(); checkpoint;", limit);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String errors = isql("SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;",
                Duration.ofSeconds(60));
        if (errors.contains(fileName)) {
            throw new IllegalStateException("virtuoso could not load " + fileName + ":\n" + errors);
        }
        return seconds;
    }

    /** The SPARQL endpoint. */
    String sparqlUrl() {
        return "http://127.0.0.1:" + httpPort + "/sparql";
    }

    /** Runs SQL through {@code isql-vt}; returns its output, or throws with it when the statement fails. */
    String isql(String statements, Duration limit) {
        Path log = dir.resolve("isql.log");
        try (Child c = Child.start("isql", List.of(ISQL, "127.0.0.1:" + sqlPort, "dba", "dba",
                "exec=" + statements), dir, log)) {
            int exit = c.waitFor(limit);
            String out = Files.readString(log);
            if (exit != 0 || out.contains("*** Error")) {
                throw new IllegalStateException("isql failed (" + exit + "): " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String errorLogTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("virtuoso.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Shuts the server down (SQL {@code shutdown}, then by signal). */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                isql("shutdown;", Duration.ofSeconds(60));
            } catch (RuntimeException e) {
                // stopped by signal below
            }
        }
        process.close();
    }

    private static String ini(Path dir, Path dataDir, int sql, int http, int buffers) {
        String d = dir.toAbsolutePath().toString();
        return """
                ; Generated by alliance-kg bench: a scratch Virtuoso on loopback ports.
                [Database]
                DatabaseFile       = %1$s/virtuoso.db
                ErrorLogFile       = %1$s/virtuoso.log
                LockFile           = %1$s/virtuoso.lck
                TransactionFile    = %1$s/virtuoso.trx
                xa_persistent_file = %1$s/virtuoso.pxa
                ErrorLogLevel      = 7
                FileExtend         = 200
                MaxCheckpointRemap = 2000
                Striping           = 0
                TempStorage        = TempDatabase

                [TempDatabase]
                DatabaseFile       = %1$s/virtuoso-temp.db
                TransactionFile    = %1$s/virtuoso-temp.trx
                MaxCheckpointRemap = 2000
                Striping           = 0

                [Parameters]
                ServerPort               = 127.0.0.1:%3$d
                LiteMode                 = 0
                DisableUnixSocket        = 1
                DisableTcpSocket         = 0
                MaxClientConnections     = 20
                CheckpointInterval       = 60
                O_DIRECT                 = 0
                CaseMode                 = 2
                MaxStaticCursorRows      = 5000
                CheckpointAuditTrail     = 0
                AllowOSCalls             = 0
                SchedulerInterval        = 10
                DirsAllowed              = ., %2$s, /usr/share/virtuoso-opensource-7/vad
                ThreadCleanupInterval    = 0
                ThreadThreshold          = 10
                ResourcesCleanupInterval = 0
                FreeTextBatchSize        = 100000
                SingleCPU                = 0
                VADInstallDir            = /usr/share/virtuoso-opensource-7/vad/
                PrefixResultNames        = 0
                RdfFreeTextRulesSize     = 100
                IndexTreeMaps            = 64
                MaxMemPoolSize           = 200000000
                MaxQueryMem              = 1G
                VectorSize               = 1000
                MaxVectorSize            = 1000000
                AdjustVectorSize         = 0
                ThreadsPerQuery          = 2
                AsyncQueueMaxThreads     = 10
                NumberOfBuffers          = %5$d
                MaxDirtyBuffers          = %6$d

                [HTTPServer]
                ServerPort                  = 127.0.0.1:%4$d
                ServerRoot                  = /var/lib/virtuoso-opensource-7/vsp
                MaxClientConnections        = 20
                DavRoot                     = DAV
                EnabledDavVSP               = 0
                HTTPProxyEnabled            = 0
                TempASPXDir                 = 0
                ServerThreads               = 20
                MaxKeepAlives               = 20
                KeepAliveTimeout            = 10
                MaxCachedProxyConnections   = 10
                ProxyConnectionCacheTimeout = 15
                HTTPThreadSize              = 280000
                HttpPrintWarningsInOutput   = 0
                Charset                     = UTF-8
                EnabledGzipContent          = 0

                [SPARQL]
                ResultSetMaxRows           = 1000000
                MaxQueryCostEstimationTime = 400
                MaxQueryExecutionTime      = 30
                DeferInferenceRulesInit    = 0
                """.formatted(d, dataDir.toAbsolutePath(), sql, http, buffers, buffers * 3 / 4);
    }
}
