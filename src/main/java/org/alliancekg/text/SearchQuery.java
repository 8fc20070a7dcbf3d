package org.alliancekg.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * What a person typed into a search box, checked and turned into a Lucene query for {@code text:query}.
 *
 * <p>Plain words ({@code Kishida Fumio}) must all occur, in any order, and the words as a phrase rank higher:
 * {@code +kishida +fumio "kishida fumio"^2}. Text with Lucene operators ({@code "Japan" AND (China OR Korea)},
 * {@code counter*}) is passed on as it is, once it parses. Case and accents are left to the index's analyzer.
 *
 * <pre>{@code
 * SearchQuery q = SearchQuery.of("Fumio Kishida");   // throws SearchException when empty, too long or not Lucene
 * q.lucene();                                        // +Fumio +Kishida "Fumio Kishida"^2
 * }</pre>
 *
 * @param text   the text as typed, trimmed
 * @param lucene the Lucene query string
 */
public record SearchQuery(String text, String lucene) {

    /** The longest query, in characters. */
    public static final int MAX_CHARS = 500;

    /** Characters that make a query Lucene syntax rather than plain words. */
    private static final Pattern OPERATORS = Pattern.compile("[+!(){}\\[\\]^\"~*?:\\\\/]|&&|\\|\\||(^|\\s)-|\\b(AND|OR|NOT)\\b");

    /**
     * Checks and translates a query.
     *
     * @throws SearchException if it is missing or blank, longer than {@value #MAX_CHARS} characters or, with Lucene
     *                         operators, does not parse
     */
    public static SearchQuery of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new SearchException("the query is empty: type a word or a name to search for");
        }
        String text = raw.strip();
        if (text.length() > MAX_CHARS) {
            throw new SearchException("the query is too long: " + text.length() + " characters, at most " + MAX_CHARS);
        }
        String lucene = OPERATORS.matcher(text).find() ? text : plain(text);
        try {
            new QueryParser(TextIndexes.SENTENCE, TextIndexes.analyzer()).parse(lucene);
        } catch (ParseException | RuntimeException e) {
            throw new SearchException("the query is not valid Lucene syntax: " + firstLine(e.getMessage()));
        }
        return new SearchQuery(text, lucene);
    }

    /**
     * The words of a text as the index holds them: accents removed, lower case, split at every character that is
     * not a letter or a digit (apostrophes and hyphens too).
     */
    public static List<String> words(String text) {
        String s = java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : s.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Every word required, the whole as a boosted phrase. */
    private static String plain(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(QueryParser.escape(w));
            }
        }
        StringBuilder q = new StringBuilder();
        for (String w : words) {
            q.append(q.length() == 0 ? "" : " ").append('+').append(w);
        }
        if (words.size() > 1) {
            q.append(" \"").append(String.join(" ", words)).append("\"^2");
        }
        return q.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot parse";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
