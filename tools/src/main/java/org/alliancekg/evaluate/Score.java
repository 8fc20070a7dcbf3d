package org.alliancekg.evaluate;

/**
 * Precision and recall of suggested claims against gold claims: {@code matched} of {@code suggested} are right,
 * {@code matched} of {@code gold} were found. Precision is 1 and recall is 1 when there is nothing to be wrong about
 * (no suggestion, no gold claim respectively).
 *
 * @param gold      distinct gold triples
 * @param suggested distinct suggested triples
 * @param matched   triples in both
 */
public record Score(int gold, int suggested, int matched) {

    /** Checks the counts. */
    public Score {
        if (gold < 0 || suggested < 0 || matched < 0 || matched > gold || matched > suggested) {
            throw new IllegalArgumentException("inconsistent counts " + gold + "/" + suggested + "/" + matched);
        }
    }

    /** Matched over suggested. */
    public double precision() {
        return suggested == 0 ? 1.0 : (double) matched / suggested;
    }

    /** Matched over gold. */
    public double recall() {
        return gold == 0 ? 1.0 : (double) matched / gold;
    }

    /** Harmonic mean of precision and recall (0 when both are 0). */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The sum of two scores (micro-averaging). */
    public Score plus(Score other) {
        return new Score(gold + other.gold, suggested + other.suggested, matched + other.matched);
    }
}
