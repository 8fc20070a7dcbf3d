package org.alliancekg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.text.TextIndexes;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.DatabaseConnection;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The TDB2 databases of a project under its database root ({@code db/} by default).
 *
 * <p>Each build goes into a fresh directory {@code tdb2-<timestamp>} in one write transaction, with a
 * {@code build.json} beside the data; only then is the symbolic link {@code current} replaced, atomically, and
 * older builds deleted, but for those another running process (a server) still has open, or a server in this JVM
 * serves ({@link #serving}). A failed build never touches {@code current}. The full-text index is built inside the
 * new directory before the swap (see {@link TextIndexes}), so graph and index are switched together.
 *
 * <pre>{@code
 * Store store = new Store(layout);
 * Path live = store.commit(dataset, inputHash, counts);
 * Dataset ds = store.openCurrent();     // with its text index (see TextIndexes)
 * }</pre>
 */
public final class Store {

    private static final Logger LOG = LoggerFactory.getLogger("akg.store");

    /** Prefix of database directory names. */
    public static final String DIR_PREFIX = "tdb2-";
    /** File in which TDB2 records the process id of the JVM that has a database open. */
    static final String LOCK_FILE = "tdb.lock";
    /** File holding the {@link BuildInfo} in a database directory. */
    public static final String BUILD_INFO = "build.json";
    /** Base name of the dump files under {@code db/dumps/} ({@code alliance-kg.trig.gz}, {@code alliance-kg.nq.gz}). */
    public static final String DUMP_NAME = "alliance-kg";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Database directories (real paths) a server in this JVM serves: a build in the same JVM (a {@code serve} that
     * rebuilds a stale database while it answers) keeps them, and the server deletes each once it has let go. Counted:
     * several servers in one JVM (tests) may serve one directory.
     */
    private static final Map<Path, Integer> SERVED = new java.util.concurrent.ConcurrentHashMap<>();

    private final ProjectLayout layout;

    /** The store of this project's database root. */
    public Store(ProjectLayout layout) {
        this.layout = layout;
    }

    /** The database root. */
    public Path root() {
        return layout.dbRoot();
    }

    /**
     * Writes the dataset's named graphs into a fresh TDB2 directory in one write transaction, writes its
     * {@code build.json}, swaps {@code current} to it atomically and deletes older builds. Returns the new
     * directory. On failure the new directory is removed and {@code current} is left as it was.
     */
    public Path commit(Dataset dataset, String inputHash, Map<String, Long> counts) {
        Path root = layout.dbRoot();
        Path dir;
        try {
            Files.createDirectories(root);
            dir = freshDir(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a database directory under " + root, e);
        }
        try {
            DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(Location.create(dir));
            try {
                Txn.executeWrite(tdb, () -> {
                    Iterator<Quad> it = dataset.asDatasetGraph().find();
                    while (it.hasNext()) {
                        Quad q = it.next();
                        if (!q.isDefaultGraph()) {
                            tdb.add(q);
                        }
                    }
                    dataset.asDatasetGraph().prefixes().forEach((p, ns) -> tdb.prefixes().add(p, ns));
                });
                TextIndexes.build(tdb, dir);
            } finally {
                TDBInternal.expel(tdb);
            }
            BuildInfo info = new BuildInfo(inputHash, Instant.now(), counts);
            writeInfo(dir.resolve(BUILD_INFO), info);
            swapCurrent(dir);
        } catch (RuntimeException | IOException e) {
            release(dir);
            deleteTree(dir);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot commit the database " + layout.display(dir), io);
            }
            throw (RuntimeException) e;
        }
        deleteOlder(dir);
        LOG.info("committed {} (current -> {})", layout.display(dir), dir.getFileName());
        return dir;
    }

    /** The TDB2 bulk loader {@link #commitBulk} uses (see Jena's {@code tdb2.tdbloader --loader}). */
    public enum Loader {
        /** One thread; the database stays usable if the process dies mid-load. */
        BASIC,
        /** One thread, indexes built one after another. */
        SEQUENTIAL,
        /** A thread per index; not crash-safe, which is fine here: the directory is fresh and swapped in only on success. */
        PARALLEL
    }

    /** Writes a build into the stream of a TDB2 bulk loader; throws to abandon the build. */
    @FunctionalInterface
    public interface Filler {
        /**
         * Sends every quad (and prefix) to {@code stream}, each once, from one thread; returns the counts for
         * {@code build.json}.
         */
        Map<String, Long> fill(StreamRDF stream);
    }

    /**
     * Fills a fresh TDB2 directory with Jena's bulk loader (and its text index from the same stream, see
     * {@link TextIndexes.Streamed}: the filler must send each quad once), writes its {@code build.json}, swaps
     * {@code current} to it atomically and deletes older builds. If {@code filler} throws, the loader is finished, the new directory
     * removed, {@code current} left as it was, and the exception rethrown.
     */
    public Path commitBulk(String inputHash, Loader loader, Filler filler) {
        return commitBulk(() -> inputHash, null, loader, filler);
    }

    /**
     * As {@link #commitBulk(String, Loader, Filler)}, recording also the {@link InputHash#stamp stamp} of the input
     * files, taken before the build read them (or null), and taking the input hash once the filler has returned (a
     * build fingerprints its inputs as it reads them).
     */
    public Path commitBulk(java.util.function.Supplier<String> inputHash, String inputStamp, Loader loader,
                           Filler filler) {
        Path root = layout.dbRoot();
        Path dir;
        try {
            Files.createDirectories(root);
            dir = freshDir(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a database directory under " + root, e);
        }
        try {
            DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(Location.create(dir));
            Map<String, Long> counts;
            // the text index is filled from the same stream, while the loader works, not read back afterwards
            TextIndexes.Streamed text = TextIndexes.streamed(dir);
            try {
                MonitorOutput output = (fmt, args) -> LOG.debug(String.format(fmt, args));
                DataLoader dl = switch (loader) {
                    case BASIC -> LoaderFactory.basicLoader(tdb, output);
                    case SEQUENTIAL -> LoaderFactory.sequentialLoader(tdb, output);
                    case PARALLEL -> LoaderFactory.parallelLoader(tdb, output);
                };
                dl.startBulk();
                StreamRDF stream = text.wrap(dl.stream());
                stream.start();
                try {
                    counts = filler.fill(stream);
                } catch (RuntimeException e) {
                    try {
                        stream.finish();
                        dl.finishBulk();
                    } catch (RuntimeException again) {
                        e.addSuppressed(again);
                        dl.finishException(again);
                    }
                    throw e;
                }
                stream.finish();
                dl.finishBulk();
                text.finish();
            } finally {
                text.abandon();
                TDBInternal.expel(tdb);
            }
            BuildInfo info = new BuildInfo(inputHash.get(), Instant.now(), counts, inputStamp);
            writeInfo(dir.resolve(BUILD_INFO), info);
            swapCurrent(dir);
        } catch (RuntimeException | IOException e) {
            release(dir);
            deleteTree(dir);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot commit the database " + layout.display(dir), io);
            }
            throw (RuntimeException) e;
        }
        deleteOlder(dir);
        LOG.info("bulk-loaded {} with the {} loader (current -> {})", layout.display(dir),
                loader.name().toLowerCase(java.util.Locale.ROOT), dir.getFileName());
        return dir;
    }

    private static Path freshDir(Path root) throws IOException {
        for (int i = 0; ; i++) {
            String stamp = STAMP.format(Instant.now()) + (i == 0 ? "" : "-" + i);
            Path dir = root.resolve(DIR_PREFIX + stamp);
            try {
                return Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (i > 100) {
                    throw e;
                }
            }
        }
    }

    private void swapCurrent(Path dir) throws IOException {
        Path current = layout.currentDb();
        Path tmp = current.resolveSibling(current.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, dir.getFileName());
        Files.move(tmp, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Deletes {@code tdb2-*} directories other than the live one, except those another running process still has
     * open (a server started on an older build): they are kept, and a later build deletes them.
     */
    private void deleteOlder(Path live) {
        try (Stream<Path> s = Files.list(layout.dbRoot())) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(DIR_PREFIX)
                    && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !p.equals(live)).toList()) {
                if (SERVED.containsKey(realPath(p))) {
                    LOG.debug("kept old database {}: a server in this process serves it until it switches",
                            layout.display(p));
                    continue;
                }
                Optional<Long> holder = otherHolder(p);
                if (holder.isPresent()) {
                    LOG.info("kept old database {}: process {} still has it open; it deletes it when it lets go "
                            + "(a server that switched to the new build), else a later build does",
                            layout.display(p), holder.get());
                    continue;
                }
                release(p);
                deleteTree(p);
                LOG.debug("deleted old database {}", layout.display(p));
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete old databases under {}: {}", layout.display(layout.dbRoot()), e.toString());
        }
    }

    /**
     * Records that a server in this JVM serves the database in {@code dir}, so that a build in this JVM does not
     * delete it when it swaps {@code current}; {@link #servedNoMore} undoes it.
     */
    public static void serving(Path dir) {
        SERVED.merge(realPath(dir), 1, Integer::sum);
    }

    /** Records that no server in this JVM serves the database in {@code dir} any more. */
    public static void servedNoMore(Path dir) {
        SERVED.computeIfPresent(realPath(dir), (d, n) -> n > 1 ? n - 1 : null);
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    /**
     * Deletes a database directory this process has stopped serving (a server that switched to a newer build closes
     * the old one, then calls this): only a {@code tdb2-*} directory under the root that {@code current} no longer
     * points to and no other running process holds. Returns whether it was deleted.
     */
    public boolean deleteRetired(Path dir) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            return false;
        }
        boolean ours = real.getFileName().toString().startsWith(DIR_PREFIX) && isSameDir(root(), real.getParent());
        if (!ours || currentDir().map(real::equals).orElse(false) || SERVED.containsKey(real)
                || otherHolder(real).isPresent()) {
            return false;
        }
        release(real);
        try {
            deleteTree(real);
        } catch (UncheckedIOException e) {
            LOG.warn("could not delete the old database {}: {}", layout.display(real), e.getMessage());
            return false;
        }
        LOG.debug("deleted old database {}", layout.display(real));
        return true;
    }

    private static boolean isSameDir(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The running process other than this one that has the TDB2 database in {@code dir} open, if any. TDB2 writes the
     * process id of the JVM that opens a database into {@value #LOCK_FILE} in the database directory and in its
     * {@code Data-NNNN} folder, and leaves the file behind when the JVM ends; a process id that is no longer running,
     * or is this JVM's, holds nothing.
     */
    static Optional<Long> otherHolder(Path dir) {
        long self = ProcessHandle.current().pid();
        List<Path> locks = new ArrayList<>();
        locks.add(dir.resolve(LOCK_FILE));
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith("Data-") && Files.isDirectory(p))
                    .map(p -> p.resolve(LOCK_FILE)).forEach(locks::add);
        } catch (IOException e) {
            LOG.debug("cannot list {}: {}", dir, e.toString());
        }
        for (Path lock : locks) {
            Optional<Long> pid = lockHolder(lock);
            if (pid.isPresent() && pid.get() != self
                    && ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false)) {
                return pid;
            }
        }
        return Optional.empty();
    }

    /**
     * When TDB2 refused to open a database because another process holds its lock: {@code " (process N)"} where
     * the message names the process, else {@code ""}; empty when {@code e} is no such refusal.
     */
    public static Optional<String> lockedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String msg = String.valueOf(t.getMessage());
            if (t instanceof org.apache.jena.dboe.base.file.AlreadyLocked
                    || (t instanceof org.apache.jena.dboe.DBOpEnvException && msg.contains("Failed to get a lock"))) {
                java.util.regex.Matcher m = HELD_BY.matcher(msg);
                return Optional.of(m.find() ? " (process " + m.group(1) + ")" : "");
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern HELD_BY = java.util.regex.Pattern.compile("held by process (\\d+)");

    /** The process id written in a TDB2 lock file, if the file exists and holds one. */
    private static Optional<Long> lockHolder(Path lock) {
        if (!Files.isRegularFile(lock)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(lock).trim()));
        } catch (IOException | NumberFormatException e) {
            LOG.debug("unreadable lock file {}: {}", lock, e.toString());
            return Optional.empty();
        }
    }

    /** Drops any TDB2 connection this JVM holds to the directory, so it can be deleted. */
    private static void release(Path dir) {
        try {
            DatabaseConnection.internalExpel(Location.create(dir), true);
        } catch (RuntimeException e) {
            LOG.debug("release {}: {}", dir, e.toString());
        }
    }

    /** Deletes a directory tree, not following links; nothing when it does not exist. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** The running process other than this one that has the live database open (a server), if any. */
    public Optional<Long> currentHolder() {
        return currentDir().flatMap(Store::otherHolder);
    }

    /** The directory {@code current} points to, if there is a live database. */
    public Optional<Path> currentDir() {
        Path current = layout.currentDb();
        if (!Files.exists(current)) {
            return Optional.empty();
        }
        try {
            return Optional.of(current.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Connects to the live database (through the real directory behind {@code current}), with its text index: writes
     * in a transaction update both. Throws
     * {@link IllegalStateException} when there is none.
     */
    public Dataset openCurrent() {
        Path dir = currentDir().orElseThrow(() -> new IllegalStateException(
                "no database at " + layout.display(layout.currentDb()) + ": run 'alliance-kg build' first"));
        return DatasetFactory.wrap(TextIndexes.wrap(DatabaseMgr.connectDatasetGraph(Location.create(dir)), dir));
    }

    /** Releases a dataset opened with {@link #openCurrent()}. */
    public static void close(Dataset dataset) {
        expel(dataset.asDatasetGraph());
    }

    /**
     * Releases a TDB2 dataset this JVM opened (a server's, a test's), so that another process can open its directory
     * or it can be deleted; does nothing for a dataset that is not TDB2.
     */
    public static void expel(DatasetGraph dsg) {
        if (dsg == null) {
            return;
        }
        TextIndexes.closeIndex(dsg);
        DatasetGraph base = TextIndexes.unwrap(dsg);
        if (DatabaseMgr.isTDB2(base)) {
            TDBInternal.expel(base);
        }
    }

    /** What a TDB2 dataset's data version is made of: its storage (a compaction swaps it) and its version number. */
    public record DataVersion(Object storage, long version) {
    }

    /**
     * The data version of a TDB2 dataset: it moves on every committed write. Empty while a write transaction is open
     * (the version is about to move) and for a dataset that is not TDB2.
     */
    public static Optional<DataVersion> dataVersion(DatasetGraph served) {
        DatasetGraph dsg = TextIndexes.unwrap(served);
        if (!DatabaseMgr.isTDB2(dsg)) {
            return Optional.empty();
        }
        org.apache.jena.dboe.transaction.txn.TransactionCoordinator tc = TDBInternal.getTransactionCoordinator(dsg);
        if (tc.countActiveWriter() > 0) {
            return Optional.empty();
        }
        org.apache.jena.dboe.transaction.txn.Transaction t = tc.begin(org.apache.jena.query.TxnType.READ);
        try {
            return Optional.of(new DataVersion(TDBInternal.getDatasetGraphTDB(dsg), t.getDataVersion()));
        } finally {
            t.end();
        }
    }

    /** How many transactions (readers and writers) are open on a TDB2 dataset now; 0 for one that is not TDB2. */
    public static long activeTransactions(DatasetGraph served) {
        DatasetGraph dsg = TextIndexes.unwrap(served);
        if (!DatabaseMgr.isTDB2(dsg)) {
            return 0;
        }
        return TDBInternal.getTransactionCoordinator(dsg).countActive();
    }

    /** The build information of the live database, if there is one with a readable {@code build.json}. */
    public Optional<BuildInfo> buildInfo() {
        return currentDir().flatMap(d -> readInfo(d.resolve(BUILD_INFO)));
    }

    /** Whether the database is missing or was built from other inputs than the project's files now. */
    public boolean isStale() {
        Optional<BuildInfo> info = buildInfo();
        if (info.isEmpty()) {
            return true;
        }
        // the files were not touched since they were read for the build: no need to read them again
        if (info.get().inputStamp() != null && info.get().inputStamp().equals(InputHash.stamp(layout))) {
            return false;
        }
        return !info.get().inputHash().equals(InputHash.of(layout));
    }

    /** Whether the project's database is missing or stale. */
    public static boolean isStale(ProjectLayout layout) {
        return new Store(layout).isStale();
    }

    private static void writeInfo(Path file, BuildInfo info) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("inputHash", info.inputHash());
        n.put("builtAt", info.builtAt().toString());
        if (info.inputStamp() != null) {
            n.put("inputStamp", info.inputStamp());
        }
        ObjectNode c = n.putObject("counts");
        new TreeMap<>(info.counts()).forEach(c::put);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), n);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static Optional<BuildInfo> readInfo(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            var n = JSON.readTree(file.toFile());
            Map<String, Long> counts = new TreeMap<>();
            var c = n.path("counts");
            for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                counts.put(k, c.get(k).asLong());
            }
            return Optional.of(new BuildInfo(n.path("inputHash").asText(), Instant.parse(n.path("builtAt").asText()),
                    counts, n.hasNonNull("inputStamp") ? n.get("inputStamp").asText() : null));
        } catch (IOException | RuntimeException e) {
            LOG.warn("unreadable {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Names of the {@code tdb2-*} directories now under the database root. */
    public List<String> databases() {
        if (!Files.isDirectory(layout.dbRoot())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(layout.dbRoot())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(DIR_PREFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
