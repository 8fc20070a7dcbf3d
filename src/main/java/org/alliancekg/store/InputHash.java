package org.alliancekg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.alliancekg.ingest.ProjectLayout;

/**
 * SHA-256 over every build input: each regular file under {@code data/}, {@code ontology/} and
 * {@code queries/checks/}, taken in path order as relative path, a zero byte, the SHA-256 of its content, a zero
 * byte. Hashing each file on its own lets a build fingerprint the files as it reads them, in any order and on any
 * thread, so that it reads each input once ({@link #of(ProjectLayout, Map)}).
 *
 * <p>{@link #stamp(ProjectLayout)} is a cheaper fingerprint of the same files (names, sizes and modification
 * times, no content), so that a large project whose files did not change is recognized without reading them.
 */
public final class InputHash {

    private InputHash() {
    }

    /**
     * SHA-256 over the relative path, size and modification time of every input file, lower-case hex: equal
     * stamps mean the files were not touched (a build takes the stamp before the hash, so that a file changed
     * while it reads is seen as changed).
     */
    public static String stamp(ProjectLayout layout) {
        List<String> lines = new ArrayList<>();
        for (Path dir : List.of(layout.dataDir(), layout.ontologyDir(), layout.checksDir())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try {
                Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path file,
                                                                   java.nio.file.attribute.BasicFileAttributes a) {
                        if (a.isRegularFile()) {
                            lines.add(layout.display(file) + "\0" + a.size() + "\0"
                                    + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        lines.sort(null);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                md.update(line.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The input hash of the project, lower-case hex. */
    public static String of(ProjectLayout layout) {
        return of(layout, Map.of());
    }

    /**
     * The input hash of the project, lower-case hex, taking the {@link #digest digest} of a file from
     * {@code digests} (by the file's relative path as {@link ProjectLayout#display} gives it) when it is there and
     * reading the file otherwise.
     */
    public static String of(ProjectLayout layout, Map<String, byte[]> digests) {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(layout.dataDir(), layout.ontologyDir(), layout.checksDir())) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.filter(Files::isRegularFile).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir, e);
                }
            }
        }
        List<String> names = files.stream().map(layout::display).sorted().toList();
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String name : names) {
                byte[] d = digests.get(name);
                md.update(name.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(d != null ? d : digest(Files.readAllBytes(layout.root().resolve(name))));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build inputs", e);
        }
    }

    /** The SHA-256 of a file's content, as {@link #of(ProjectLayout, Map)} takes it. */
    public static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
