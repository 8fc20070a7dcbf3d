package org.alliancekg.publish;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The comparison form of a name for reconciliation: canonical decomposition (NFD) with the combining marks
 * removed, lower case, apostrophes dropped, every run of other characters than letters and digits turned into one
 * space, trimmed. So {@code "Agustín  Maciel-Padilla"} and {@code "agustin maciel padilla"} compare equal, and
 * {@code "People’s"}, {@code "People's"} and {@code "peoples"} too.
 *
 * <pre>{@code
 * NameKey.of("Démocratic People’s Republic");   // "democratic peoples republic"
 * NameKey.tokens("U.S.-Japan Alliance");        // [u, s, japan, alliance]
 * }</pre>
 */
final class NameKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02BC`]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NameKey() {
    }

    /** The key of a name; empty when the name has no letter or digit. */
    static String of(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        s = APOSTROPHES.matcher(s).replaceAll("");
        return SEPARATORS.matcher(s).replaceAll(" ").trim();
    }

    /** The words of a name's key. */
    static List<String> tokens(String name) {
        String key = of(name);
        return key.isEmpty() ? List.of() : List.of(key.split(" "));
    }
}
