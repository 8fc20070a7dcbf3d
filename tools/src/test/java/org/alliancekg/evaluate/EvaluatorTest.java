package org.alliancekg.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.alliancekg.extract.ArticleExtractor;
import org.alliancekg.extract.Extraction;
import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.ArticleReader;
import org.alliancekg.ingest.Claim;
import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.EntityKind;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final EntityCatalog CATALOG = new EntityCatalog(List.of(
            e("state/japan", EntityKind.STATE, "Japan"), e("state/australia", EntityKind.STATE, "Australia"),
            e("state/india", EntityKind.STATE, "India"), e("alliance/quad", EntityKind.ALLIANCE, "Quad"),
            e("state/united-states", EntityKind.STATE, "United States", "U.S.")));

    private static Entity e(String id, EntityKind kind, String label, String... aliases) {
        return new Entity(null, id, kind, label, List.of(aliases), null, null, null);
    }

    private static Claim claim(String s, ClaimPredicate p, String o, String quote) {
        return new Claim(null, "t", s, p, p.isLiteral() ? null : o, p.isLiteral() ? o : null, quote, 1, null, null);
    }

    @Test
    void scoresArePrecisionRecallAndF1() {
        Score s = new Score(10, 8, 6);
        assertEquals(0.75, s.precision(), 1e-9);
        assertEquals(0.6, s.recall(), 1e-9);
        assertEquals(2 * 0.75 * 0.6 / 1.35, s.f1(), 1e-9);
        assertEquals(new Score(12, 9, 7), s.plus(new Score(2, 1, 1)));
        assertEquals(1.0, new Score(0, 0, 0).precision());
        assertThrows(IllegalArgumentException.class, () -> new Score(1, 1, 2));
    }

    @Test
    void cooperationMatchesInEitherOrderOtherPredicatesDoNot() {
        assertEquals(Evaluator.key("state/japan", ClaimPredicate.cooperatesWith, "state/india"),
                Evaluator.key("state/india", ClaimPredicate.cooperatesWith, "state/japan"));
        assertTrue(!Evaluator.key("state/japan", ClaimPredicate.memberOf, "alliance/quad")
                .equals(Evaluator.key("alliance/quad", ClaimPredicate.memberOf, "state/japan")));
        assertEquals("meeting/m date \"2024-07\"", Evaluator.key("meeting/m", ClaimPredicate.date, "2024-07"));
    }

    @Test
    void anArticleIsScoredAgainstItsCuratedClaims() {
        String body = "The Quad comprising the U.S., Japan and India is active. Japan has also increased security "
                + "cooperation with Australia.\n";
        Article a = ArticleReader.parse("t", "t.md", "---\ntitle: T\n---\n" + body);
        Extraction x = new ArticleExtractor(CATALOG).extract(a);
        List<Claim> gold = List.of(
                claim("state/japan", ClaimPredicate.memberOf, "alliance/quad", "Japan"),
                claim("state/india", ClaimPredicate.memberOf, "alliance/quad", "India"),
                claim("state/australia", ClaimPredicate.memberOf, "alliance/quad", "Australia"),
                claim("state/australia", ClaimPredicate.cooperatesWith, "state/japan", "Australia"),
                claim("state/australia", ClaimPredicate.cooperatesWith, "state/japan", "Japan"));
        ArticleEvaluation ev = Evaluator.evaluate(x, gold);
        assertEquals(4, ev.all().gold(), "repeated gold triples count once");
        assertEquals(Set.of("state/australia memberOf alliance/quad"), ev.missed());
        assertEquals(Set.of("state/united-states memberOf alliance/quad"), ev.wrong());
        assertEquals(new Score(4, 4, 3), ev.all());
        assertEquals(new Score(1, 1, 1), ev.byPredicate().get("cooperatesWith"));
        assertEquals(x.mentions().size(), ev.mentions());
    }

    @Test
    void theCorpusIsEvaluatedWithUsefulFigures() {
        Evaluation e = new Evaluator(ProjectLayout.detect()).evaluate();
        assertEquals(5, e.articles().size(), "every seed article has curated claims");
        Score all = e.overall();
        assertTrue(all.gold() > 100, "gold claims: " + all);
        assertTrue(all.precision() >= 0.7, "precision regressed: " + e.report());
        assertTrue(all.recall() >= 0.5, "recall regressed: " + e.report());
        assertTrue(e.mentions() > 0);
        String report = e.report();
        for (var a : e.articles()) {
            assertTrue(report.contains(a.articleId()), report);
        }
        assertTrue(report.contains("overall"));
    }

    @Test
    void brokenInputIsReportedNotScored() {
        ProjectLayout missing = ProjectLayout.of(java.nio.file.Path.of("no-such-project-dir"));
        assertThrows(InputException.class, () -> new Evaluator(missing).evaluate());
    }
}
