package org.alliancekg.ingest;

/**
 * One problem in the input: file (relative to the project root), line and column (1-based, 0 when unknown), field path
 * (e.g. {@code claims[3].quote}, may be null) and the rule broken.
 *
 * <p>Printed as {@code file:line[:column]: field: rule}, e.g.
 * {@code data/claims/002-x.yaml:14: claims[3].quote: not found in article body}.
 */
public record Problem(String file, int line, int column, String field, String rule) {

    /** A problem without a column. */
    public Problem(String file, int line, String field, String rule) {
        this(file, line, 0, field, rule);
    }

    /** Checks the rule text is present. */
    public Problem {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("a problem needs a rule");
        }
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    /** A file that could not be read, said as a person would ("no such file", "is a directory", ...). */
    public static Problem unreadable(String file, java.io.IOException e) {
        String why;
        if (e instanceof java.nio.file.NoSuchFileException) {
            why = "no such file";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            why = fse.getReason();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new Problem(file, 0, null, "cannot read: " + why);
    }

    /** A problem about a field, with no file yet (records raise these; readers place them). */
    public static Problem field(String field, String rule) {
        return new Problem(null, 0, field, rule);
    }

    /** This problem placed in a file at a line under a field prefix ({@code claims[3]}). */
    public Problem at(String file, int line, String fieldPrefix) {
        String f = field;
        if (fieldPrefix != null && !fieldPrefix.isEmpty()) {
            f = field == null ? fieldPrefix : fieldPrefix + "." + field;
        }
        boolean keepLine = this.line > 0;
        return new Problem(this.file != null ? this.file : file, keepLine ? this.line : line,
                keepLine ? column : 0, f, rule);
    }

    /** This problem placed at a source element (at its field's line when known). */
    public Problem at(Source source) {
        return at(source.file(), source.lineOf(field), source.path());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        } else if (line > 0) {
            sb.append("line ").append(line).append(": ");
        }
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(rule).toString();
    }
}
