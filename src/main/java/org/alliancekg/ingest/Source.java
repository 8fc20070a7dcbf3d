package org.alliancekg.ingest;

import java.util.Map;

/**
 * Where an input element comes from: file relative to the project root, its first line, its path in the
 * file ({@code claims[3]}, {@code entities[0]}) and the line of each of its fields, where known.
 */
public record Source(String file, int line, String path, Map<String, Integer> fieldLines) {

    /** An element whose field lines are not known. */
    public Source(String file, int line, String path) {
        this(file, line, path, Map.of());
    }

    /** Checks the file is named. */
    public Source {
        fieldLines = fieldLines == null ? Map.of() : Map.copyOf(fieldLines);
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a source needs a file");
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0");
        }
    }

    /** The same element with the lines of its fields. */
    public Source withFieldLines(Map<String, Integer> lines) {
        return new Source(file, line, path, lines);
    }

    /** The line of a field ({@code quote}, {@code aliases[1]}), else the element's line. */
    public int lineOf(String field) {
        if (field == null) {
            return line;
        }
        int cut = field.indexOf('[');
        int dot = field.indexOf('.');
        int end = cut < 0 ? dot : dot < 0 ? cut : Math.min(cut, dot);
        return fieldLines.getOrDefault(end < 0 ? field : field.substring(0, end), line);
    }

    /** A problem with one field of this element, at that field's line. */
    public Problem problem(String field, String rule) {
        return Problem.field(field, rule).at(file, lineOf(field), path);
    }

    /** {@code file:line} for log lines. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + " " + path : file + " " + path;
    }
}
