package org.alliancekg.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.alliancekg.vocab.Iris;

/**
 * One article: id (file name without {@code .md}), file (relative to the project), front matter, and body —
 * the text after the closing {@code ---} line, exactly as stored. {@code bodyLine} is the file line where the
 * body starts.
 */
public record Article(String id, String file, FrontMatter frontMatter, String body, int bodyLine) {

    /** The rule broken by an empty body. */
    public static final String EMPTY_BODY = "empty: the article has no text after the front matter";

    /** Checks id, front matter and a non-empty body. */
    public Article {
        Problems problems = new Problems();
        if (id == null || !Iris.ARTICLE_ID.matcher(id).matches()) {
            problems.add(Problem.field("id", "'" + id + "' is not an article id (lower-case a-z, 0-9, '-')"));
        }
        if (frontMatter == null) {
            problems.add(Problem.field("front matter", "missing"));
        }
        if (body == null || body.isBlank()) {
            problems.add(Problem.field("body", EMPTY_BODY));
        }
        if (problems.isEmpty() && bodyLine < 1) {
            problems.add(Problem.field("body", "body line must be >= 1"));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.list()).at(file, 0, null);
        }
    }

    /** Hex SHA-256 of the body in UTF-8. */
    public String textSha256() {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Length of the body in code points. */
    public int bodyLength() {
        return body.codePointCount(0, body.length());
    }
}
