package org.alliancekg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.alliancekg.extract.ArticleExtractor;
import org.alliancekg.extract.Extraction;
import org.alliancekg.extract.ExtractionReport;
import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.ArticleReader;
import org.alliancekg.ingest.EntityCatalogReader;
import org.alliancekg.ingest.ProjectLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-kg extract FILE}: the review report of one article, against the project's entity catalogue:
 * mentions, dates, candidate entities and suggested claims (with the YAML that accepts each), as text or
 * {@code --json}. Writes nothing.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Print what automatic extraction finds in one article file (it need not be in data/articles): "
                + "mentions of known entities, dates, candidate entities and suggested claims. Writes nothing.",
                "To accept a suggestion, copy its YAML into data/claims/<article-id>.yaml and rebuild."})
public final class ExtractCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Article file (.md with front matter).")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = options.layout();
        Article article = new ArticleReader(layout).read(file.toAbsolutePath());
        Extraction x = new ArticleExtractor(new EntityCatalogReader(layout).readAll()).extract(article);
        spec.commandLine().getOut().print(json ? ExtractionReport.json(x) : ExtractionReport.text(x));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
