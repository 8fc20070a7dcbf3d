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
import java.util.stream.Stream;

import org.alliancekg.ingest.ProjectLayout;

/**
 * SHA-256 over every build input: each regular file under {@code data/}, {@code ontology/} and
 * {@code queries/checks/}, taken in path order as relative path, a zero byte, the content, a zero byte.
 */
public final class InputHash {

    private InputHash() {
    }

    /** The input hash of the project, lower-case hex. */
    public static String of(ProjectLayout layout) {
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
                md.update(name.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(layout.root().resolve(name)));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build inputs", e);
        }
    }
}
