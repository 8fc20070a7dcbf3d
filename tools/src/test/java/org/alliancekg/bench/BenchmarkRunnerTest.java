package org.alliancekg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancekg.ingest.ArticleReader;
import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.ProjectLayout;
import org.junit.jupiter.api.Test;

class BenchmarkRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void geometricMeanRatioWeighsEveryQueryAlikeAndSkipsWhatOneSideLacks() {
        ObjectNode ours = JSON.createObjectNode().put("P01", 2.0).put("P02", 50.0).put("P03", 7.0).put("P04", 0.0);
        ObjectNode stock = JSON.createObjectNode().put("P01", 1.0).put("P02", 100.0).put("P04", 3.0);
        // P01 twice as slow, P02 twice as fast: even; P03 missing on one side, P04 not measured on ours
        assertEquals(1.0, BenchmarkRunner.geometricMeanRatio(ours, stock).orElseThrow(), 1e-9);
        ObjectNode slower = JSON.createObjectNode().put("P01", 4.0).put("P02", 400.0);
        assertEquals(4.0, BenchmarkRunner.geometricMeanRatio(slower, stock).orElseThrow(), 1e-9);
        assertFalse(BenchmarkRunner.geometricMeanRatio(JSON.createObjectNode(), stock).isPresent());
    }

    @Test
    void jenaVersionComesFromItsMavenMetadata() {
        String v = BenchmarkRunner.jenaVersion();
        assertTrue(v.matches("\\d+\\.\\d+\\.\\d+.*"), v);
    }

    @Test
    void theBrokenArticleIsRefusedByTheReaderNamingItsFileAndOnlyItsDateChanges() {
        CorpusGenerator.GeneratedArticle a = new CorpusGenerator(ProjectLayout.detect()).article(0, 1);
        String shown = "data/articles/" + a.id() + ".md";
        ArticleReader.parse(a.id(), shown, a.markdown().getBytes(StandardCharsets.UTF_8));
        String broken = BenchmarkRunner.breakFrontMatter(a.markdown());
        assertEquals(a.markdown().lines().filter(l -> !l.startsWith("date: ")).toList(),
                broken.lines().filter(l -> !l.startsWith("date: ")).toList(), "only the date line differs");
        InputException e = assertThrows(InputException.class,
                () -> ArticleReader.parse(a.id(), shown, broken.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(shown) && e.getMessage().contains(BenchmarkRunner.BAD_DATE),
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> BenchmarkRunner.breakFrontMatter("no front matter\n"));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, BenchmarkRunner.median(JSON.createArrayNode().add(3.0).add(1.0).add(2.0)), 1e-9);
        assertEquals(2.5, BenchmarkRunner.median(JSON.createArrayNode().add(4.0).add(1.0).add(2.0).add(3.0)), 1e-9);
    }

    @Test
    void secondsAfterTheFirstArticle() {
        var articles = JSON.createArrayNode();
        articles.addObject().put("seconds", 3.0);
        articles.addObject().put("seconds", 0.5);
        articles.addObject().put("seconds", 0.7);
        assertEquals(JSON.createArrayNode().add(0.5).add(0.7), BenchmarkRunner.secondsAfterFirst(articles));
        var one = JSON.createArrayNode().add(JSON.createObjectNode().put("seconds", 1.0));
        assertEquals(0, BenchmarkRunner.secondsAfterFirst(one).size(), "one article has no next");
    }
}
