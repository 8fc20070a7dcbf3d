package org.alliancekg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.ArticleReader;
import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.ingest.EntityCatalogReader;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.ingest.TestProjects;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Resolves the mentions of the real articles with the real documents and states of the catalogue, and checks each
 * case of {@code src/test/resources/mentions/review-cases.tsv} (its header says the columns). A new case needs no
 * Java.
 */
class MentionReviewCasesTest {

    private static final Path PROJECT = Path.of(System.getProperty("akg.projectDir", ".")).toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> reviewCasesResolveAsTheyShould() throws IOException {
        ProjectLayout layout = ProjectLayout.of(PROJECT);
        EntityCatalogReader reader = new EntityCatalogReader(layout);
        List<Entity> entities = new ArrayList<>();
        for (String file : List.of("states.yaml", "documents.yaml")) {
            entities.addAll(reader.read(layout.entitiesDir().resolve(file)));
        }
        MentionFinder finder = new MentionFinder(new EntityCatalog(entities));
        ArticleReader articles = new ArticleReader(layout);
        Path cases = TestProjects.resource("mentions/review-cases.tsv");
        List<DynamicTest> tests = new ArrayList<>();
        int line = 0;
        for (String row : Files.readAllLines(cases, StandardCharsets.UTF_8)) {
            line++;
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] f = row.split("\t");
            assertEquals(4, f.length, "review-cases.tsv:" + line + ": expected 4 tab-separated columns");
            String name = "review-cases.tsv:" + line + " " + f[0].substring(0, 3) + " '" + f[2] + "' in '" + f[1] + "'";
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Article a = articles.read(layout.articlesDir().resolve(f[0] + ArticleReader.SUFFIX));
                String body = a.body();
                int at = body.indexOf(f[1]);
                assertTrue(at >= 0 && body.indexOf(f[1], at + 1) < 0, "the piece must occur once in " + f[0]);
                int begin = body.codePointCount(0, at + f[1].indexOf(f[2]));
                int end = begin + f[2].codePointCount(0, f[2].length());
                List<Mention> found = finder.find(body, SentenceSplitter.english().split(body),
                        a.frontMatter().date());
                Optional<Mention> m = found.stream().filter(x -> x.span().begin() == begin && x.span().end() == end)
                        .findFirst();
                assertEquals(f[3], describe(m), name);
                assertTrue(m.isPresent() || found.stream().noneMatch(x -> x.span().overlaps(new Span(begin, end))),
                        "no mention may stand inside the anchor '" + f[2] + "' either");
            }));
        }
        return tests.stream();
    }

    private static String describe(Optional<Mention> m) {
        if (m.isEmpty()) {
            return "none";
        }
        if (m.get().resolved()) {
            return m.get().entity().id();
        }
        Set<String> ids = m.get().candidates().stream().map(Entity::id).collect(Collectors.toCollection(
                java.util.TreeSet::new));
        return "candidates " + String.join(" ", ids);
    }
}
