package org.alliancekg.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An article's front matter: title, authors (may be empty), publisher, date with the reason it was inferred,
 * URL and language (default {@code en}). Only what the article states.
 */
public record FrontMatter(String title, List<String> authors, String publisher, PartialDate date,
                          String dateInferred, String url, String language) {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    /** Checks every field; throws {@link InputException} listing each broken rule. */
    public FrontMatter {
        Problems problems = new Problems();
        if (title == null || title.isBlank()) {
            problems.add(Problem.field("title", "required, must not be empty"));
        }
        authors = authors == null ? List.of() : authors;
        for (int i = 0; i < authors.size(); i++) {
            if (authors.get(i) == null || authors.get(i).isBlank()) {
                problems.add(Problem.field("authors[" + i + "]", "must not be empty"));
            }
        }
        if (publisher != null && publisher.isBlank()) {
            problems.add(Problem.field("publisher", "must not be empty when given"));
        }
        if (dateInferred != null && dateInferred.isBlank()) {
            problems.add(Problem.field("date_inferred", "must give the reason when present"));
        }
        if (dateInferred != null && date == null) {
            problems.add(Problem.field("date_inferred", "given without a date"));
        }
        if (url != null) {
            try {
                URI u = new URI(url);
                if (!u.isAbsolute() || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                    problems.add(Problem.field("url", "'" + url + "' is not an absolute http(s) URL"));
                }
            } catch (URISyntaxException e) {
                problems.add(Problem.field("url", "'" + url + "' is not a URL: " + e.getReason()));
            }
        }
        language = language == null ? "en" : language;
        if (!LANGUAGE.matcher(language).matches()) {
            problems.add(Problem.field("language", "'" + language + "' is not a language tag like en"));
        }
        problems.throwIfAny();
        authors = List.copyOf(authors);
    }
}
