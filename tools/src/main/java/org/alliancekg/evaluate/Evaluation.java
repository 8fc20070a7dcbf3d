package org.alliancekg.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The evaluation of every article with curated claims, with sums over the corpus. */
public record Evaluation(List<ArticleEvaluation> articles) {

    /** Copies the list. */
    public Evaluation {
        articles = List.copyOf(articles);
    }

    /** All suggestions of all articles (micro-averaged: counts summed over articles). */
    public Score overall() {
        return articles.stream().map(ArticleEvaluation::all).reduce(new Score(0, 0, 0), Score::plus);
    }

    /** Confident suggestions of all articles. */
    public Score overallConfident() {
        return articles.stream().map(ArticleEvaluation::confident).reduce(new Score(0, 0, 0), Score::plus);
    }

    /** Per predicate, summed over articles. */
    public Map<String, Score> byPredicate() {
        Map<String, Score> out = new TreeMap<>();
        for (ArticleEvaluation a : articles) {
            a.byPredicate().forEach((p, s) -> out.merge(p, s, Score::plus));
        }
        return out;
    }

    /** Total mentions found. */
    public int mentions() {
        return articles.stream().mapToInt(ArticleEvaluation::mentions).sum();
    }

    /** A plain-text report: one line per article, the overall figures, then one line per predicate. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        String head = "%-46s %5s %5s %5s %9s %6s %9s %9s %8s %6s %10s%n";
        String row = "%-46s %5d %5d %5d %9s %6s %9s %9s %8d %6d %10d%n";
        sb.append(String.format(Locale.ROOT, head, "article", "gold", "sugg", "match", "precision", "recall",
                "P(>=0.5)", "R(>=0.5)", "mentions", "dates", "candidates"));
        for (ArticleEvaluation a : articles) {
            sb.append(String.format(Locale.ROOT, row, a.articleId(), a.all().gold(), a.all().suggested(),
                    a.all().matched(), pct(a.all().precision()), pct(a.all().recall()),
                    pct(a.confident().precision()), pct(a.confident().recall()), a.mentions(), a.dates(),
                    a.candidates()));
        }
        Score all = overall();
        Score conf = overallConfident();
        sb.append(String.format(Locale.ROOT, row, "overall", all.gold(), all.suggested(), all.matched(),
                pct(all.precision()), pct(all.recall()), pct(conf.precision()), pct(conf.recall()), mentions(),
                articles.stream().mapToInt(ArticleEvaluation::dates).sum(),
                articles.stream().mapToInt(ArticleEvaluation::candidates).sum()));
        sb.append(String.format(Locale.ROOT, "%nper predicate (all articles):%n%-22s %5s %5s %5s %9s %6s%n",
                "predicate", "gold", "sugg", "match", "precision", "recall"));
        byPredicate().forEach((p, s) -> sb.append(String.format(Locale.ROOT, "%-22s %5d %5d %5d %9s %6s%n", p,
                s.gold(), s.suggested(), s.matched(), pct(s.precision()), pct(s.recall()))));
        return sb.toString();
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
