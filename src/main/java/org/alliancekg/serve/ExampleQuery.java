package org.alliancekg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A SPARQL query file shown on the home page: its file name, its title (the text of its first comment line) and
 * its text.
 *
 * <pre>{@code
 * for (ExampleQuery q : ExampleQuery.readAll(layout.queriesDir().resolve("cq"))) {
 *     System.out.println(q.fileName() + ": " + q.title());
 * }
 * }</pre>
 *
 * @param fileName file name, e.g. {@code P01-scc-2022-threats.rq}
 * @param title    first comment line without its {@code #} and surrounding blanks; the file name if there is none
 * @param text     the whole query text
 */
public record ExampleQuery(String fileName, String title, String text) {

    public ExampleQuery {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }

    /** Reads one {@code .rq} file. */
    public static ExampleQuery read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString();
            return new ExampleQuery(name, firstComment(text).orElse(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read query " + file, e);
        }
    }

    /** Reads every {@code *.rq} file of a folder, ordered by file name; none if the folder does not exist. */
    public static List<ExampleQuery> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".rq") && Files.isRegularFile(f))
                    .sorted()
                    .map(ExampleQuery::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list queries in " + dir, e);
        }
    }

    /** The text of the first line that starts with {@code #} (after blanks), without the marks; empty if none. */
    static java.util.Optional<String> firstComment(String text) {
        return text.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+", "").strip())
                .filter(line -> !line.isEmpty())
                .findFirst();
    }
}
