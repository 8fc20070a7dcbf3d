package org.alliancekg.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test projects under {@code src/test/resources/fixtures/} and {@code bad/}, and copies of them. */
public final class TestProjects {

    private TestProjects() {
    }

    /** The test-resources folder of that name ({@code "fixtures/mini"}, {@code "bad"}). */
    public static Path resource(String name) {
        URL url = TestProjects.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a test-resources folder under {@code target} (which must exist), returned as project root. */
    public static Path copy(String name, Path target) {
        Path src = resource(name);
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path dest = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
