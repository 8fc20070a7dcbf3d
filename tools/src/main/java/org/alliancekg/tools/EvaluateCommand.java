package org.alliancekg.tools;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.alliancekg.cli.ProjectOptions;
import org.alliancekg.evaluate.ArticleEvaluation;
import org.alliancekg.evaluate.Evaluation;
import org.alliancekg.evaluate.Evaluator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-kg-tools evaluate}: precision and recall of the suggested claims against the curated claims (the gold
 * standard) per article, per predicate and overall, with mention, date and candidate counts.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measure automatic extraction: the curated claims of each article (data/claims) are the gold "
                + "standard; prints precision and recall of the suggested claims per article, overall and per "
                + "predicate, plus mention counts. Writes nothing."})
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--details", description = "Also list, per article, the gold triples missed and the wrong "
            + "suggestions.")
    boolean details;

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Evaluation e = new Evaluator(options.layout()).evaluate();
        PrintWriter out = spec.commandLine().getOut();
        out.print(e.report());
        if (details) {
            for (ArticleEvaluation a : e.articles()) {
                out.println();
                out.println(a.articleId() + ": missed " + a.missed().size() + ", wrong " + a.wrong().size());
                a.missedSorted().forEach(t -> out.println("  missed " + t));
                a.wrongSorted().forEach(t -> out.println("  wrong  " + t));
            }
        }
        out.flush();
        return 0;
    }
}
