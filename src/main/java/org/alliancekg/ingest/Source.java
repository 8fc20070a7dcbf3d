package org.alliancekg.ingest;

/**
 * Where an input element comes from: file relative to the project root, its first line, and its path in the
 * file ({@code claims[3]}, {@code entities[0]}, {@code front matter}).
 */
public record Source(String file, int line, String path) {

    /** Checks the file is named. */
    public Source {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a source needs a file");
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0");
        }
    }

    /** A problem with one field of this element. */
    public Problem problem(String field, String rule) {
        return Problem.field(field, rule).at(this);
    }

    /** {@code file:line} for log lines. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + " " + path : file + " " + path;
    }
}
