package org.alliancekg.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.alliancekg.ingest.TestProjects;

/**
 * The bad-input cases of {@code src/test/resources/bad/}: one folder per mistake, each a small project with its
 * {@code expected-message.txt} (see {@code BadInputTest}, which runs every case through every entry point).
 */
public final class BadInputCases {

    /** Where an article-file case's article is, and how its expected message names it. */
    public static final String ARTICLE = "data/articles/a1.md";

    private BadInputCases() {
    }

    /** Every case folder, sorted. */
    public static List<Path> all() {
        try (Stream<Path> s = Files.list(TestProjects.resource("bad"))) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines the error message of the case must hold. */
    public static List<String> expected(Path dir) {
        try {
            return Files.readAllLines(dir.resolve("expected-message.txt")).stream().filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cases whose mistake is in the article file itself ({@value #ARTICLE}), so that the file alone, sent to a
     * project or a server that has none of the case's other files, is refused with the same message.
     */
    public static List<Path> articleFileCases() {
        return all().stream().filter(d -> expected(d).get(0).startsWith(ARTICLE + ":")).toList();
    }
}
