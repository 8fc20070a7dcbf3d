package org.alliancekg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.vocab.EntityKind;
import org.alliancekg.ingest.PartialDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds mentions of catalogue entities in a text: every label and alias, case-sensitive, whole words only,
 * the longest match winning where matches overlap (then the earliest). Inside the descriptive name of a decision,
 * threat, quantity or exercise, the names of other kinds of entity are mentions too ("reconstitution of U.S. Forces
 * Japan" names a decision and, inside it, U.S. Forces Japan); inside a proper name ("U.S. Secretary of Defense") they
 * are not. Offsets in code points.
 *
 * <p>A name may belong to several entities ("National Security Strategy" names the Japanese strategies of 2013
 * and 2022 and the U.S. one of 2022). Each occurrence is resolved on its own, in this order:
 * <ol>
 *   <li><b>Date.</b> An article cannot mention a document or meeting issued after it: a candidate whose catalogue
 *       {@code issued} date is certainly after the article's date is dropped (partial dates compare as ranges, so
 *       {@code 2022-12} is not certainly after an article dated {@code 2022}). Without an article date nothing is
 *       dropped. This applies to every name, shared or not.</li>
 *   <li><b>Country.</b> When several candidates remain and the context names a country, the candidates whose
 *       catalogue {@code country} is that country are kept (a country that none of them has changes nothing).
 *       The nearest qualifier wins over the sentence: a qualifier ("U.S.", "US", "American", "United States",
 *       "Washington", "Biden" for the United States; "Japan", "Japanese", "Tokyo", "Kishida" for Japan; a
 *       possessive "Japan's" counts as "Japan") at most {@value #ADJACENT_WORDS} words before the match, in the
 *       same sentence, decides on its own, the nearest one if several. Otherwise the sentence decides, but only
 *       when every qualifier in it names the same country: a sentence naming both ("the U.S. and Japan") leaves
 *       the candidates as they are. Qualifiers inside the match itself are not counted.</li>
 *   <li><b>Year.</b> When several candidates still remain and the sentence writes the year in which exactly one of
 *       them was issued ("the National Security Strategy adopted in late 2022"), that one is kept.</li>
 *   <li><b>Outcome.</b> One candidate left: the mention names it. Several: the mention stays unresolved, with
 *       those candidates ({@link Mention#resolved()} is false). None: no mention (a shorter name inside the
 *       longest match is not tried instead).</li>
 * </ol>
 *
 * <pre>{@code
 * MentionFinder finder = new MentionFinder(catalog);
 * List<Mention> mentions = finder.find(body, SentenceSplitter.english().split(body), article.frontMatter().date());
 * }</pre>
 */
public final class MentionFinder {

    private static final Logger LOG = LoggerFactory.getLogger("akg.extract");

    /** How many words may stand between a qualifier and the match for the qualifier to count as adjacent. */
    static final int ADJACENT_WORDS = 2;

    private static final String JAPAN = "state/japan";
    private static final String UNITED_STATES = "state/united-states";

    /** The words that name a country, whole words, case-sensitive. */
    private static final Pattern QUALIFIER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:U\\.S\\.|US|American|United States|Washington|Biden"
                    + "|Japan|Japanese|Tokyo|Kishida)(?![\\p{L}\\p{N}])");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** Kinds whose names describe them with the names of other things, which are then mentioned too. */
    private static final java.util.Set<EntityKind> DESCRIBED_KINDS =
            java.util.EnumSet.of(EntityKind.DECISION, EntityKind.THREAT, EntityKind.QUANTITY, EntityKind.EXERCISE);

    /** A year written in a sentence ("adopted in late 2022"). */
    private static final Pattern YEAR = Pattern.compile("(?<![\\p{L}\\p{N}])(19|20)\\d\\d(?![\\p{L}\\p{N}])");

    private static final Pattern POSSESSIVE = Pattern.compile("^['’]s(?![\\p{L}\\p{N}])");

    private final Trie trie;
    private final Map<String, List<Entity>> byName;
    private final Map<String, List<Entity>> ambiguous;

    /** A finder over every label and alias of the catalogue. */
    public MentionFinder(EntityCatalog catalog) {
        Map<String, List<Entity>> names = new TreeMap<>();
        Map<String, List<Entity>> amb = new TreeMap<>();
        catalog.names().forEach((name, entities) -> {
            names.put(name, entities);
            if (entities.size() > 1) {
                amb.put(name, entities);
            }
        });
        amb.forEach((n, es) -> LOG.debug("name '{}' is shared by {}: resolved by date and country",
                n, es.stream().map(Entity::id).toList()));
        this.byName = Map.copyOf(names);
        this.ambiguous = Map.copyOf(amb);
        this.trie = Trie.builder().addKeywords(names.keySet()).build();
    }

    /** Names several entities share, each with its entities. */
    public Map<String, List<Entity>> ambiguousNames() {
        return ambiguous;
    }

    /**
     * The mentions in a text of unknown date (no candidate is dropped for its date), in order of position.
     *
     * @param sentences the text's sentences (to attach each mention to its sentence); may be empty
     */
    public List<Mention> find(String text, List<Sentence> sentences) {
        return find(text, sentences, null);
    }

    /**
     * The mentions in the text, in order of position, resolved as the class comment says.
     *
     * @param sentences the text's sentences (to attach each mention to its sentence); may be empty
     * @param written   when the text was written (the article's date); null when unknown
     */
    public List<Mention> find(String text, List<Sentence> sentences, PartialDate written) {
        List<Emit> matches = new ArrayList<>();
        for (Emit e : trie.parseText(text)) {
            if (isWholeWord(text, e.getStart(), e.getEnd() + 1)) {
                matches.add(e);
            }
        }
        matches.sort(Comparator.comparingInt((Emit e) -> e.getEnd() - e.getStart()).reversed()
                .thenComparingInt(Emit::getStart));
        List<Emit> outer = new ArrayList<>();
        for (Emit e : matches) {
            boolean free = outer.stream().noneMatch(c -> e.getStart() <= c.getEnd() && c.getStart() <= e.getEnd());
            if (free) {
                outer.add(e);
            }
        }
        List<Emit> chosen = new ArrayList<>(outer);
        for (Emit o : outer) {
            // Names of other kinds of thing inside the descriptive name of a decision, threat, quantity or exercise
            // ("U.S. Forces Japan" inside "reconstitution of U.S. Forces Japan") are mentions too.
            java.util.Set<EntityKind> outerKinds = kinds(o.getKeyword());
            if (!DESCRIBED_KINDS.containsAll(outerKinds)) {
                continue;
            }
            List<Emit> inner = new ArrayList<>();
            for (Emit e : matches) {
                boolean within = e != o && o.getStart() <= e.getStart() && e.getEnd() <= o.getEnd()
                        && e.getEnd() - e.getStart() < o.getEnd() - o.getStart();
                boolean otherKind = within && java.util.Collections.disjoint(outerKinds, kinds(e.getKeyword()));
                boolean free = inner.stream().noneMatch(c -> e.getStart() <= c.getEnd() && c.getStart() <= e.getEnd());
                if (otherKind && free) {
                    inner.add(e);
                }
            }
            chosen.addAll(inner);
        }
        chosen.sort(Comparator.comparingInt(Emit::getStart).thenComparingInt(e -> -(e.getEnd() - e.getStart())));
        List<Mention> out = new ArrayList<>(chosen.size());
        for (Emit e : chosen) {
            Span span = Offsets.spanOfUtf16(text, e.getStart(), e.getEnd() + 1);
            Sentence sentence = sentenceOf(text, sentences, span);
            List<Entity> left = resolve(byName.get(e.getKeyword()), text, sentence, e.getStart(), e.getEnd() + 1,
                    written);
            if (left.size() == 1) {
                out.add(new Mention(left.get(0), e.getKeyword(), span, sentence));
            } else if (left.size() > 1) {
                out.add(new Mention(null, left, e.getKeyword(), span, sentence));
            }
        }
        return List.copyOf(out);
    }

    private java.util.Set<EntityKind> kinds(String name) {
        java.util.Set<EntityKind> kinds = java.util.EnumSet.noneOf(EntityKind.class);
        byName.get(name).forEach(e -> kinds.add(e.kind()));
        return kinds;
    }

    /** The candidates left after the date and the country of the context (UTF-16 match bounds). */
    private static List<Entity> resolve(List<Entity> candidates, String text, Sentence sentence, int begin, int end,
                                        PartialDate written) {
        List<Entity> left = candidates;
        if (written != null) {
            left = left.stream().filter(c -> c.issued() == null || !c.issued().isCertainlyAfter(written)).toList();
        }
        if (left.size() > 1) {
            String country = countryOfContext(text, sentence, begin, end);
            if (country != null) {
                List<Entity> ofCountry = left.stream().filter(c -> country.equals(c.country())).toList();
                if (!ofCountry.isEmpty()) {
                    left = ofCountry;
                }
            }
        }
        if (left.size() > 1 && sentence != null) {
            java.util.Set<String> years = new java.util.HashSet<>();
            java.util.regex.Matcher m = YEAR.matcher(sentence.text());
            while (m.find()) {
                years.add(m.group());
            }
            List<Entity> ofYear = left.stream()
                    .filter(c -> c.issued() != null && years.contains(c.issued().lexical().substring(0, 4))).toList();
            if (ofYear.size() == 1) {
                left = ofYear;
            }
        }
        return left;
    }

    /**
     * The country the context of the match {@code [begin, end)} (UTF-16) names: the nearest adjacent qualifier,
     * else the one country of every qualifier in the sentence; null when none or several.
     */
    static String countryOfContext(String text, Sentence sentence, int begin, int end) {
        int from;
        int to;
        if (sentence != null) {
            from = Offsets.toUtf16(text, sentence.span().begin());
            to = Offsets.toUtf16(text, sentence.span().end());
        } else {
            from = text.lastIndexOf('\n', Math.max(0, begin - 1)) + 1;
            int nl = text.indexOf('\n', end);
            to = nl < 0 ? text.length() : nl;
        }
        String adjacent = null;
        Set<String> inSentence = new LinkedHashSet<>();
        Matcher q = QUALIFIER.matcher(text).region(from, to);
        q.useTransparentBounds(true);
        while (q.find()) {
            if (q.start() < end && begin < q.end()) {
                continue;
            }
            String country = countryOf(q.group());
            inSentence.add(country);
            if (q.end() <= begin && isAdjacent(text.substring(q.end(), begin))) {
                adjacent = country;
            }
        }
        if (adjacent != null) {
            return adjacent;
        }
        return inSentence.size() == 1 ? inSentence.iterator().next() : null;
    }

    private static String countryOf(String qualifier) {
        return switch (qualifier) {
            case "Japan", "Japanese", "Tokyo", "Kishida" -> JAPAN;
            default -> UNITED_STATES;
        };
    }

    /** Whether the text between a qualifier and the match holds at most {@link #ADJACENT_WORDS} words. */
    private static boolean isAdjacent(String gap) {
        Matcher words = WORD.matcher(POSSESSIVE.matcher(gap).replaceFirst(""));
        int n = 0;
        while (words.find()) {
            if (++n > ADJACENT_WORDS) {
                return false;
            }
        }
        return true;
    }

    /**
     * The sentence holding the span; when the span crosses a sentence boundary, the sentences it touches joined
     * (as one stretch of the text); null when there are no sentences.
     */
    private static Sentence sentenceOf(String text, List<Sentence> sentences, Span span) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < sentences.size(); i++) {
            Span s = sentences.get(i).span();
            if (s.contains(span)) {
                return sentences.get(i);
            }
            if (s.overlaps(span)) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return null;
        }
        Span joined = new Span(Math.min(sentences.get(first).span().begin(), span.begin()),
                Math.max(sentences.get(last).span().end(), span.end()));
        return new Sentence(joined, Offsets.slice(text, joined));
    }

    /** Whether {@code [begin, end)} (UTF-16) does not continue a word on either side. */
    static boolean isWholeWord(String text, int begin, int end) {
        if (begin > 0 && isWordChar(text.codePointBefore(begin)) && isWordChar(text.codePointAt(begin))) {
            return false;
        }
        return end >= text.length() || !isWordChar(text.codePointAt(end)) || !isWordChar(text.codePointBefore(end));
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }
}
