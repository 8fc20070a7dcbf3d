package org.alliancekg.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads {@code data/articles/{articleId}.md}: a {@code ---} line, YAML front matter, a closing {@code ---} line,
 * then the body — every character after the closing line, unchanged.
 *
 * <p>Refuses, naming file and line or field: bytes that are not UTF-8, a missing front matter, unknown or
 * malformed fields, a bad date and an empty body. Every problem of a file is reported at once.
 *
 * <pre>{@code
 * List<Article> articles = new ArticleReader(ProjectLayout.detect()).readAll();
 * }</pre>
 */
public final class ArticleReader {

    /** Suffix of article files. */
    public static final String SUFFIX = ".md";

    private final ProjectLayout layout;
    private final BiConsumer<Path, byte[]> onRead;

    /** A reader for the articles of this project. */
    public ArticleReader(ProjectLayout layout) {
        this(layout, TextFiles.NOTHING);
    }

    /**
     * A reader for the articles of this project that gives {@code onRead} the bytes of each file it reads (so that
     * a build can fingerprint its inputs without reading them twice).
     */
    public ArticleReader(ProjectLayout layout, BiConsumer<Path, byte[]> onRead) {
        this.layout = layout;
        this.onRead = onRead;
    }

    /** Every {@code *.md} under {@code data/articles}, sorted by id; problems of all files are reported together. */
    public List<Article> readAll() {
        Problems problems = new Problems();
        List<Article> articles = new ArrayList<>();
        for (Path file : list(layout.articlesDir(), layout)) {
            Article a = problems.collect(() -> read(file));
            if (a != null) {
                articles.add(a);
            }
        }
        problems.throwIfAny();
        return List.copyOf(articles);
    }

    /** Reads one article file. */
    public Article read(Path file) {
        String shown = layout.display(file);
        String name = file.getFileName().toString();
        String id = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
        return parse(id, shown, TextFiles.readUtf8(file, shown, onRead));
    }

    /**
     * Parses an article file's bytes (e.g. an HTTP request body) as {@link #read(Path)} does a file: strict UTF-8
     * without byte-order mark, at most {@value TextFiles#MAX_FILE_BYTES} bytes.
     *
     * @param id    the article id (file name without {@code .md})
     * @param shown the file as named in messages
     * @param bytes the file's bytes
     */
    public static Article parse(String id, String shown, byte[] bytes) {
        if (bytes.length > TextFiles.MAX_FILE_BYTES) {
            throw new InputException(new Problem(shown, 0, null, "file is " + bytes.length + " bytes; the limit is "
                    + TextFiles.MAX_FILE_BYTES));
        }
        return parse(id, shown, TextFiles.decode(bytes, shown));
    }

    /**
     * Parses an article's text.
     *
     * @param id    the article id (file name without {@code .md})
     * @param shown the file as named in messages
     * @param text  the decoded file text
     */
    public static Article parse(String id, String shown, String text) {
        int firstEnd = lineEnd(text, 0);
        if (!isDelimiter(text, 0, firstEnd)) {
            throw new InputException(new Problem(shown, 1, null,
                    "no front matter: the file must start with a '---' line, then YAML fields, then a '---' line"));
        }
        int yamlStart = next(text, firstEnd);
        int pos = yamlStart;
        int line = 2;
        int closeStart = -1;
        while (pos < text.length()) {
            int end = lineEnd(text, pos);
            if (isDelimiter(text, pos, end)) {
                closeStart = pos;
                break;
            }
            pos = next(text, end);
            line++;
        }
        if (closeStart < 0) {
            throw new InputException(new Problem(shown, 1, null,
                    "no front matter: the opening '---' line has no closing '---' line"));
        }
        String yaml = text.substring(yamlStart, closeStart);
        int bodyStart = next(text, lineEnd(text, closeStart));
        String body = text.substring(bodyStart);
        int bodyLine = line + 1;

        Problems problems = new Problems();
        FrontMatter fm = problems.collect(() -> frontMatter(yaml, shown));
        if (body.isBlank()) {
            problems.add(new Problem(shown, bodyLine, "body", Article.EMPTY_BODY));
        }
        problems.throwIfAny();
        return new Article(id, shown, fm, body, bodyLine);
    }

    private static FrontMatter frontMatter(String yaml, String shown) {
        if (yaml.isBlank()) {
            throw new InputException(new Problem(shown, 2, null, "front matter is empty: 'title' is required"));
        }
        ObjectMapper mapper = StructuredInput.yaml();
        StructuredInput.scan(mapper, yaml, shown, 1);
        Problems problems = new Problems();
        FrontMatterFields f;
        try (JsonParser p = mapper.createParser(yaml)) {
            p.nextToken();
            f = StructuredInput.bindElement(mapper, p, FrontMatterFields.class, new Source(shown, 2, ""), 1,
                    problems);
        } catch (JsonProcessingException e) {
            throw new InputException(StructuredInput.syntax(shown, e, 1));
        } catch (IOException e) {
            throw new InputException(new Problem(shown, 0, null, "cannot parse front matter: " + e.getMessage()));
        }
        if (f == null) {
            problems.throwIfAny();
            throw new InputException(new Problem(shown, 2, null, "front matter must be YAML fields"));
        }
        PartialDate date = null;
        if (f.date() != null) {
            try {
                date = PartialDate.parse(f.date());
            } catch (InputException e) {
                problems.add(new Problem(shown, keyLine(yaml, "date"), "date", e.problems().get(0).rule()));
            }
        }
        PartialDate d = date;
        FrontMatter fm = problems.collect(() -> {
            try {
                return new FrontMatter(f.title(), f.authors(), f.publisher(), d, f.dateInferred(), f.url(),
                        f.language());
            } catch (InputException e) {
                throw new InputException(e.problems().stream()
                        .map(pr -> pr.at(shown, keyLine(yaml, pr.field()), null)).toList());
            }
        });
        problems.throwIfAny();
        return fm;
    }

    /** File line of a top-level front-matter key (front matter starts on line 2), 0 when not found. */
    private static int keyLine(String yaml, String field) {
        if (field == null) {
            return 0;
        }
        String key = field.replaceAll("\\[.*$", "");
        Pattern p = Pattern.compile("^" + Pattern.quote(key) + "\\s*:");
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 2;
            }
        }
        return 0;
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    private static int next(String text, int lineEnd) {
        return Math.min(lineEnd + 1, text.length());
    }

    private static boolean isDelimiter(String text, int start, int end) {
        String l = text.substring(start, end);
        return l.equals("---") || l.equals("---\r");
    }

    static List<Path> list(Path dir, ProjectLayout layout) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(new Problem(layout.display(dir), 0, null, ProjectLayout.MISSING_DIRECTORY));
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InputException(new Problem(layout.display(dir), 0, null, "cannot list: " + e), e);
        }
    }

    /** The front-matter fields as written. */
    /** As written; public fields bound by Jackson (a plain bean, so unknown fields are reported where they stand). */
    static final class FrontMatterFields {
        @JsonProperty("title")
        String title;

        @JsonProperty("authors")
        List<String> authors;

        @JsonProperty("publisher")
        String publisher;

        @JsonProperty("date")
        String date;

        @JsonProperty("date_inferred")
        String dateInferred;

        @JsonProperty("url")
        String url;

        @JsonProperty("language")
        String language;

        String title() {
            return title;
        }

        List<String> authors() {
            return authors;
        }

        String publisher() {
            return publisher;
        }

        String date() {
            return date;
        }

        String dateInferred() {
            return dateInferred;
        }

        String url() {
            return url;
        }

        String language() {
            return language;
        }
    }
}
