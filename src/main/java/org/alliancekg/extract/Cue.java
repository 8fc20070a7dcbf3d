package org.alliancekg.extract;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A cue: words that signal a relation in a sentence ("co-production", "agreed to", "member of"). The name is
 * what a suggested claim records as its {@code akg:cue}, together with the words matched.
 *
 * @param name    a short name, e.g. {@code member-of}
 * @param pattern the words, case-insensitive
 */
public record Cue(String name, Pattern pattern) {

    /** Checks both parts are present. */
    public Cue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** A cue for words matching the regular expression (case-insensitive, whole words). */
    public static Cue of(String name, String regex) {
        return new Cue(name, Pattern.compile("(?<![\\p{L}\\d])(?:" + regex + ")(?![\\p{L}\\d])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
}
