package org.alliancekg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds mentions of catalogue entities in a text: every label and alias, case-sensitive, whole words only,
 * the longest match winning where matches overlap (then the earliest). Offsets in code points.
 *
 * <p>A name shared by several entities is ambiguous and is not matched (a warning names it).
 *
 * <pre>{@code
 * MentionFinder finder = new MentionFinder(catalog);
 * List<Mention> mentions = finder.find(body, SentenceSplitter.english().split(body));
 * }</pre>
 */
public final class MentionFinder {

    private static final Logger LOG = LoggerFactory.getLogger("akg.extract");

    private final Trie trie;
    private final Map<String, Entity> byName;
    private final Map<String, List<Entity>> ambiguous;

    /** A finder over every label and alias of the catalogue. */
    public MentionFinder(EntityCatalog catalog) {
        Map<String, Entity> names = new TreeMap<>();
        Map<String, List<Entity>> amb = new TreeMap<>();
        catalog.names().forEach((name, entities) -> {
            if (entities.size() == 1) {
                names.put(name, entities.get(0));
            } else {
                amb.put(name, entities);
            }
        });
        if (!amb.isEmpty()) {
            amb.forEach((n, es) -> LOG.warn("name '{}' is shared by {}: not used for mentions", n,
                    es.stream().map(Entity::id).toList()));
        }
        this.byName = Map.copyOf(names);
        this.ambiguous = Map.copyOf(amb);
        this.trie = Trie.builder().addKeywords(names.keySet()).build();
    }

    /** Names left out because several entities share them. */
    public Map<String, List<Entity>> ambiguousNames() {
        return ambiguous;
    }

    /**
     * The mentions in the text, in order of position.
     *
     * @param sentences the text's sentences (to attach each mention to its sentence); may be empty
     */
    public List<Mention> find(String text, List<Sentence> sentences) {
        List<Emit> candidates = new ArrayList<>();
        for (Emit e : trie.parseText(text)) {
            if (isWholeWord(text, e.getStart(), e.getEnd() + 1)) {
                candidates.add(e);
            }
        }
        candidates.sort(Comparator.comparingInt((Emit e) -> e.getEnd() - e.getStart()).reversed()
                .thenComparingInt(Emit::getStart));
        List<Emit> chosen = new ArrayList<>();
        for (Emit e : candidates) {
            boolean free = chosen.stream().noneMatch(c -> e.getStart() <= c.getEnd() && c.getStart() <= e.getEnd());
            if (free) {
                chosen.add(e);
            }
        }
        chosen.sort(Comparator.comparingInt(Emit::getStart));
        List<Mention> out = new ArrayList<>(chosen.size());
        for (Emit e : chosen) {
            Span span = Offsets.spanOfUtf16(text, e.getStart(), e.getEnd() + 1);
            out.add(new Mention(byName.get(e.getKeyword()), e.getKeyword(), span, sentenceOf(text, sentences, span)));
        }
        return List.copyOf(out);
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
