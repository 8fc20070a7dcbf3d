package org.alliancekg.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.Store;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * What a project's live database holds: its quad count and a SHA-256 over its quads as sorted N-Quads lines (blank
 * node labels replaced by one label, since they differ between stores). Two builds of the same inputs have the same
 * state; any added, lost or changed quad changes it.
 *
 * @param quads  the number of quads
 * @param sha256 the content hash
 */
record DatabaseState(long quads, String sha256) {

    /** Opens the database behind {@code current} (recovering it if a writer died), reads it and releases it. */
    static DatabaseState of(ProjectLayout layout) {
        Dataset ds = new Store(layout).openCurrent();
        try {
            List<String> lines = Txn.calculateRead(ds, () -> {
                List<String> out = new ArrayList<>();
                ds.asDatasetGraph().find().forEachRemaining(q -> out.add(line(q)));
                return out;
            });
            lines.sort(Comparator.naturalOrder());
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                md.update(l.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return new DatabaseState(lines.size(), HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Store.close(ds);
        }
    }

    private static String line(Quad q) {
        return String.join(" ", term(q.getSubject()), term(q.getPredicate()), term(q.getObject()),
                term(q.getGraph()));
    }

    private static String term(org.apache.jena.graph.Node n) {
        return n.isBlank() ? "_:b" : NodeFmtLib.strNT(n);
    }

    @Override
    public String toString() {
        return quads + " quads, sha256 " + sha256.substring(0, 12);
    }

    /**
     * Copies a directory tree over {@code dest} (replacing files), symbolic links as links (so {@code current} keeps
     * pointing inside the copy).
     */
    static void copyTree(Path src, Path dest) {
        try {
            Files.walkFileTree(src, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                    Files.createDirectories(dest.resolve(src.relativize(d).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Path target = dest.resolve(src.relativize(f).toString());
                    Files.deleteIfExists(target);
                    if (Files.isSymbolicLink(f)) {
                        Files.createSymbolicLink(target, Files.readSymbolicLink(f));
                    } else {
                        Files.copy(f, target, LinkOption.NOFOLLOW_LINKS);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
