package org.alliancekg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.ArticleReader;
import org.alliancekg.ingest.Claim;
import org.alliancekg.ingest.ClaimsFile;
import org.alliancekg.ingest.ClaimsReader;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.EntityKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic corpus: deterministic for a seed, and valid for the real pipeline. */
class CorpusGeneratorTest {

    static CorpusGenerator generator;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generator() {
        generator = new CorpusGenerator(ProjectLayout.detect());
    }

    @Test
    void sameSeedSameFilesOtherSeedOtherText() throws IOException {
        generator.generate(6, 7, tmp.resolve("a"));
        generator.generate(6, 7, tmp.resolve("b"));
        generator.generate(6, 8, tmp.resolve("c"));
        Map<String, String> a = files(tmp.resolve("a/data"));
        assertEquals(6 * 2 + entityFileCount(), a.size(), a.keySet().toString());
        assertEquals(a, files(tmp.resolve("b/data")));
        Map<String, String> c = files(tmp.resolve("c/data"));
        assertEquals(a.keySet(), c.keySet());
        assertNotEquals(a.get("articles/bench-0000003.md"), c.get("articles/bench-0000003.md"));
    }

    @Test
    void anArticleDependsOnlyOnSeedAndIndex() throws IOException {
        generator.generate(3, 11, tmp.resolve("small"));
        generator.generate(5, 11, tmp.resolve("large"));
        Map<String, String> small = files(tmp.resolve("small/data/articles"));
        Map<String, String> large = files(tmp.resolve("large/data/articles"));
        small.forEach((name, text) -> assertEquals(text, large.get(name), name));
        assertEquals(5, large.size());
    }

    @Test
    void generatedProjectValidatesWithTheRealPipeline() {
        Path out = tmp.resolve("corpus");
        CorpusGenerator.Summary s = generator.generate(20, 42, out);
        ProjectLayout layout = ProjectLayout.of(out);
        List<Article> articles = new ArticleReader(layout).readAll();
        assertEquals(20, articles.size());
        for (Article a : articles) {
            int words = a.body().split("\\s+").length;
            assertTrue(words >= 250 && words <= 600, a.id() + ": " + words + " words");
        }
        List<ClaimsFile> claims = new ClaimsReader(layout).readAll();
        assertEquals(20, claims.size());
        assertEquals(s.claims(), claims.stream().mapToLong(c -> c.claims().size()).sum());
        // every meeting of the catalogue is dated (the shapes require it), by article 0
        List<Claim> first = claims.get(0).claims();
        assertTrue(first.stream().anyMatch(c -> c.predicate() == ClaimPredicate.date
                && c.subject().startsWith(EntityKind.MEETING.segment() + "/")));

        GraphBuilder.Validated v = new GraphBuilder(layout).assembleAndValidate();
        assertTrue(v.report().conforms(), () -> v.report().toString());
        assertEquals(20, v.counts().articles());
        assertEquals(s.claims(), v.counts().claims());
        assertTrue(v.counts().mentions() > 20 * 10, "mentions: " + v.counts().mentions());
    }

    @Test
    void refusesToOverwriteAForeignDirectory() throws IOException {
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> generator.generate(2, 1, foreign));
        assertTrue(e.getMessage().contains("not written by 'bench generate'"), e.getMessage());
        assertEquals("mine", Files.readString(foreign.resolve("notes.txt")));

        Path own = tmp.resolve("own");
        generator.generate(4, 1, own);
        generator.generate(2, 1, own);
        assertEquals(2, files(own.resolve("data/articles")).size());
    }

    @Test
    void spellsDatesAsTheArticlesDo() {
        assertEquals("January 6, 2022", SentenceShapes.spell("2022-01-06"));
        assertEquals("December 2022", SentenceShapes.spell("2022-12"));
        assertEquals("2022", SentenceShapes.spell("2022"));
        assertEquals("\"say \\\"no\\\" \\\\ \"", CorpusGenerator.yamlString("say \"no\" \\ "));
    }

    private static long entityFileCount() throws IOException {
        try (Stream<Path> s = Files.list(ProjectLayout.detect().entitiesDir())) {
            return s.count();
        }
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return out;
    }
}
