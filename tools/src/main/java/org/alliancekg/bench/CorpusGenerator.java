package org.alliancekg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.ArticleReader;
import org.alliancekg.ingest.ClaimsFile;
import org.alliancekg.ingest.ClaimsReader;
import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.ingest.EntityCatalogReader;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.EntityKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a synthetic project of N articles for benchmarks: the real project's entity catalogue, ontology,
 * queries and Fuseki configuration copied, and N articles in the corpus format (front matter, a body of a few
 * hundred words) with a claims file each whose quotes stand in the body, so that the whole pipeline (sentences,
 * mentions, claims, SHACL, checks) runs on them and the result validates.
 *
 * <p>Each claim restates a fact curated in the real corpus (subject, predicate, object or value, and the
 * source's own words), worded anew by a {@link SentenceShapes sentence shape}; filler sentences name random
 * catalogue entities. Article {@code i} depends only on the seed and {@code i}, so the first thousand articles
 * of a 10,000-article corpus are the 1,000-article corpus of the same seed. Article 0 also dates every meeting of
 * the catalogue (the shapes require a date for each).
 *
 * <pre>{@code
 * CorpusGenerator.Summary s = new CorpusGenerator(ProjectLayout.detect()).generate(1000, 42, Path.of("target/c"));
 * }</pre>
 */
public final class CorpusGenerator {

    private static final Logger LOG = LoggerFactory.getLogger("akg.bench");

    /** File marking a directory written by the generator (so that it may be overwritten). */
    public static final String MARKER = ".bench-corpus";

    /** Prefix of generated article ids. */
    public static final String ID_PREFIX = "bench-";

    /** Synthetic author names (minted as persons by the build) besides the real authors. */
    private static final List<String> FIRST = List.of("Aiko", "Daniel", "Mariko", "Thomas", "Keiko", "Samuel",
            "Haruto", "Elena", "Kenji", "Laura", "Yuna", "Michael", "Sota", "Rachel", "Ren", "David");
    private static final List<String> LAST = List.of("Tanaka", "Brooks", "Sato", "Keller", "Watanabe", "Ortiz",
            "Yamamoto", "Fischer", "Nakamura", "Hughes", "Kobayashi", "Morgan");

    private static final List<String> TITLES = List.of(
            "What {a} means for {b}",
            "{a} and the future of {b}",
            "Reading {a} after {b}",
            "Why {a} still matters to {b}",
            "The quiet shift in {a}",
            "{a}: lessons for {b}");

    private static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
    private static final int DAYS = 7 * 365;

    private final ProjectLayout source;
    private final EntityCatalog catalog;
    private final List<Fact> facts;
    private final List<Fact> meetingDates;
    private final List<String> realAuthors;
    private final List<String> publishers;
    private final List<Entity> titleEntities;
    private final SentenceShapes shapes;

    /** A generator drawing on the catalogue, claims and front matter of this (real) project. */
    public CorpusGenerator(ProjectLayout source) {
        this.source = source;
        this.catalog = new EntityCatalogReader(source).readAll();
        Set<Fact> pool = new TreeSet<>(Fact.ORDER);
        for (ClaimsFile cf : new ClaimsReader(source).readAll()) {
            cf.claims().stream().map(Fact::of).filter(f -> !f.aboutArticle()).forEach(pool::add);
        }
        if (pool.isEmpty()) {
            throw new IllegalStateException(source.display(source.claimsDir()) + " holds no claims to draw facts from");
        }
        this.facts = List.copyOf(pool);
        this.meetingDates = facts.stream().filter(f -> f.predicate() == ClaimPredicate.date
                && f.subject().startsWith(EntityKind.MEETING.segment() + "/")).toList();
        Set<String> authors = new TreeSet<>();
        Set<String> pubs = new TreeSet<>();
        for (Article a : new ArticleReader(source).readAll()) {
            authors.addAll(a.frontMatter().authors());
            if (a.frontMatter().publisher() != null) {
                pubs.add(a.frontMatter().publisher());
            }
        }
        this.realAuthors = List.copyOf(authors);
        this.publishers = List.copyOf(pubs);
        this.titleEntities = catalog.entities().stream().filter(e -> e.kind() == EntityKind.DOCUMENT
                || e.kind() == EntityKind.ALLIANCE || e.kind() == EntityKind.CAPABILITY
                || e.kind() == EntityKind.THREAT || e.kind() == EntityKind.MEETING).toList();
        this.shapes = new SentenceShapes(catalog);
    }

    /** What was written. */
    public record Summary(Path out, int articles, long claims, long bodyBytes, long words) {
    }

    /** One generated article: its file text and claims file text. */
    public record GeneratedArticle(String id, String markdown, String claimsYaml, int claims, int bodyBytes,
                                   int words) {
    }

    /** The id of article {@code i} (0-based): {@code bench-0000001} for {@code i = 0}. */
    public static String articleId(int i) {
        return ID_PREFIX + String.format("%07d", i + 1);
    }

    /**
     * Writes the project into {@code out}, which must be missing, empty, or written by an earlier run of the
     * generator (then its {@code data/} and {@code db/} are replaced).
     */
    public Summary generate(int n, long seed, Path out) {
        if (n < 1) {
            throw new IllegalArgumentException("--articles must be at least 1: " + n);
        }
        try {
            prepare(out);
            copyProjectFiles(out);
            Path articles = Files.createDirectories(out.resolve("data/articles"));
            Path claims = Files.createDirectories(out.resolve("data/claims"));
            long claimCount = 0;
            long bytes = 0;
            long words = 0;
            for (int i = 0; i < n; i++) {
                GeneratedArticle a = article(i, seed);
                Files.writeString(articles.resolve(a.id() + ArticleReader.SUFFIX), a.markdown(), StandardCharsets.UTF_8);
                Files.writeString(claims.resolve(a.id() + ".yaml"), a.claimsYaml(), StandardCharsets.UTF_8);
                claimCount += a.claims();
                bytes += a.bodyBytes();
                words += a.words();
                if ((i + 1) % 10_000 == 0) {
                    LOG.info("generated {} of {} articles", i + 1, n);
                }
            }
            Files.writeString(out.resolve(MARKER), "articles=" + n + "\nseed=" + seed + "\n");
            LOG.info("generated {} articles ({} claims, {} words, {} bytes of text) in {}", n, claimCount, words,
                    bytes, out);
            return new Summary(out, n, claimCount, bytes, words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the corpus to " + out, e);
        }
    }

    /**
     * Copies (again) the real project's entity catalogue, ontology, queries and Fuseki configuration into a
     * generated project, so that a corpus kept from an earlier run builds with the current ones.
     */
    public void copyProjectFiles(Path out) throws IOException {
        for (String sub : List.of("data/entities", "ontology", "queries", "fuseki-config")) {
            deleteTree(out.resolve(sub));
        }
        copyTree(source.entitiesDir(), out.resolve("data/entities"));
        copyTree(source.ontologyDir(), out.resolve("ontology"));
        copyTree(source.queriesDir(), out.resolve("queries"));
        copyTree(source.fusekiConfig().getParent(), out.resolve("fuseki-config"));
    }

    /** Generates article {@code i} of the corpus of this seed (no file is written). */
    public GeneratedArticle article(int i, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        String id = articleId(i);
        Function<String, String> name = entityId -> nameOf(entityId, rnd);

        List<String> authors = new ArrayList<>();
        int authorCount = rnd.nextInt(3);
        for (int k = 0; k < authorCount; k++) {
            String a = rnd.nextInt(4) == 0 && !realAuthors.isEmpty() ? SentenceShapes.pick(realAuthors, rnd)
                    : SentenceShapes.pick(FIRST, rnd) + " " + SentenceShapes.pick(LAST, rnd);
            if (!authors.contains(a)) {
                authors.add(a);
            }
        }
        String publisher = publishers.isEmpty() || rnd.nextInt(5) == 0 ? null : SentenceShapes.pick(publishers, rnd);
        LocalDate date = FIRST_DAY.plusDays(rnd.nextInt(DAYS));
        String title = SentenceShapes.pick(TITLES, rnd)
                .replace("{a}", SentenceShapes.pick(titleEntities, rnd).label())
                .replace("{b}", SentenceShapes.pick(titleEntities, rnd).label())
                + " (" + (i + 1) + ")";

        // Claims: restated facts, plus (sometimes) a threat the article itself names.
        Map<String, Fact> chosen = new LinkedHashMap<>();
        if (i == 0) {
            meetingDates.forEach(f -> chosen.putIfAbsent(f.statement(), f));
        }
        int claimTarget = 8 + rnd.nextInt(7);
        int wanted = chosen.size() + claimTarget;
        while (chosen.size() < wanted) {
            Fact f = SentenceShapes.pick(facts, rnd);
            chosen.putIfAbsent(f.statement(), f);
        }
        if (rnd.nextInt(3) == 0) {
            List<Entity> threats = catalog.entities().stream().filter(e -> e.kind() == EntityKind.THREAT).toList();
            Fact own = new Fact("article/" + id, ClaimPredicate.namesThreat,
                    SentenceShapes.pick(threats, rnd).id(), null, null, null);
            chosen.putIfAbsent(own.statement(), own);
        }
        List<String> sentences = new ArrayList<>();
        List<String[]> claimEntries = new ArrayList<>();
        Set<String> quotes = new LinkedHashSet<>();
        for (Fact f : chosen.values()) {
            String quote = shapes.clause(f, name, "This article");
            String sentence = shapes.sentence(quote, rnd);
            sentences.add(sentence);
            quotes.add(quote);
            claimEntries.add(yamlClaim(f, quote));
        }
        int wordTarget = 280 + rnd.nextInt(140);
        int words = sentences.stream().mapToInt(CorpusGenerator::wordCount).sum();
        while (words < wordTarget) {
            String s = shapes.filler(rnd, name);
            sentences.add(s);
            words += wordCount(s);
        }
        shuffle(sentences, rnd);

        StringBuilder body = new StringBuilder();
        body.append(title).append("\n\n");
        if (!authors.isEmpty()) {
            body.append("By ").append(String.join(" and ", authors)).append("\n\n");
        }
        int k = 0;
        while (k < sentences.size()) {
            int len = Math.min(sentences.size() - k, 3 + rnd.nextInt(3));
            body.append(String.join(" ", sentences.subList(k, k + len))).append("\n\n");
            k += len;
        }
        String text = body.toString();
        for (String q : quotes) {
            if (!text.contains(q)) {
                throw new IllegalStateException("generated quote not in body of " + id + ": " + q);
            }
        }

        StringBuilder md = new StringBuilder("---\n");
        md.append("title: ").append(yamlString(title)).append('\n');
        if (authors.isEmpty()) {
            md.append("authors: []\n");
        } else {
            md.append("authors:\n");
            authors.forEach(a -> md.append("  - ").append(yamlString(a)).append('\n'));
        }
        if (publisher != null) {
            md.append("publisher: ").append(yamlString(publisher)).append('\n');
        }
        md.append("date: \"").append(date).append("\"\n");
        md.append("url: \"https://example.org/bench/").append(id).append("\"\n");
        md.append("---\n").append(text);

        StringBuilder yaml = new StringBuilder();
        yaml.append("article: ").append(id).append('\n');
        yaml.append("# Synthetic claims (bench generate): each quote stands in the article body.\n");
        yaml.append("claims:\n");
        for (String[] fields : claimEntries) {
            String prefix = "  - ";
            for (int f = 0; f < fields.length; f += 2) {
                if (fields[f + 1] != null) {
                    yaml.append(prefix).append(fields[f]).append(": ").append(fields[f + 1]).append('\n');
                    prefix = "    ";
                }
            }
        }
        return new GeneratedArticle(id, md.toString(), yaml.toString(), claimEntries.size(),
                text.getBytes(StandardCharsets.UTF_8).length, wordCount(text));
    }

    private static String[] yamlClaim(Fact f, String quote) {
        return new String[] {
            "subject", f.subject(),
            "predicate", f.predicate().name(),
            "object", f.object(),
            "value", f.value() == null ? null : yamlString(f.value()),
            "quote", yamlString(quote),
            "characterization", f.characterization() == null ? null : yamlString(f.characterization()),
            "date", f.date() == null ? null : yamlString(f.date().lexical())};
    }

    /** The label (two times in three) or an alias of the entity. */
    private String nameOf(String entityId, SplittableRandom rnd) {
        Entity e = catalog.get(entityId).orElseThrow(() -> new IllegalStateException("unknown entity " + entityId));
        if (e.aliases().isEmpty() || rnd.nextInt(3) != 0) {
            return e.label();
        }
        return SentenceShapes.pick(e.aliases(), rnd);
    }

    private static int wordCount(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean w = !Character.isWhitespace(s.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom rnd) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** A YAML double-quoted scalar. */
    static String yamlString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static void prepare(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            boolean empty;
            try (Stream<Path> s = Files.list(out)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty) {
                if (!Files.exists(out.resolve(MARKER))) {
                    throw new IllegalArgumentException(out + " is not empty and was not written by 'bench generate'");
                }
                for (String sub : List.of("data", "db", "ontology", "queries", "fuseki-config")) {
                    deleteTree(out.resolve(sub));
                }
                Files.delete(out.resolve(MARKER));
            }
        }
        Files.createDirectories(out);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
