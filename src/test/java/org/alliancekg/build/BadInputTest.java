package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.alliancekg.ingest.ArticleReader;
import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.ProjectLayout;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every folder of {@code src/test/resources/bad/} (a small project with one mistake) through every entry point of
 * the article pipeline: {@code validate} ({@link GraphBuilder#assembleAndValidate()}), {@code build}
 * ({@link GraphBuilder#build()}) and {@code ingest} ({@link ArticleIngester#ingest(Path)} of the project's article).
 * Each must refuse it with an {@link InputException} whose message holds every line of the folder's
 * {@code expected-message.txt}, and write no database.
 */
class BadInputTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicContainer> everyBadProjectIsRefusedWithItsMessageByEveryEntryPoint() throws IOException {
        List<Path> cases = BadInputCases.all();
        assertTrue(cases.size() >= 19, "expected the bad-input cases, found " + cases);
        return cases.stream().map(dir -> {
            String name = dir.getFileName().toString();
            return DynamicContainer.dynamicContainer(name, Stream.of(
                    DynamicTest.dynamicTest("validate", () -> {
                        ProjectLayout layout = ProjectLayout.of(dir);
                        refused(dir, () -> new GraphBuilder(layout).assembleAndValidate());
                        assertFalse(Files.exists(layout.dbRoot()), "validation must not write a database");
                    }),
                    DynamicTest.dynamicTest("build", () -> {
                        ProjectLayout layout = copy(dir, name + "-build");
                        refused(dir, () -> new GraphBuilder(layout).build());
                        assertFalse(Files.exists(layout.currentDb()), "a refused build swaps in no database");
                    }),
                    DynamicTest.dynamicTest("ingest", () -> {
                        ProjectLayout layout = copy(dir, name + "-ingest");
                        List<Path> articles;
                        try (Stream<Path> s = Files.list(layout.articlesDir())) {
                            articles = s.filter(p -> p.toString().endsWith(ArticleReader.SUFFIX)).sorted().toList();
                        }
                        assertTrue(articles.size() == 1, name + ": a bad-input case has one article: " + articles);
                        refused(dir, () -> new ArticleIngester(layout).ingest(articles.get(0)));
                        assertFalse(Files.exists(layout.currentDb()), "ingest must not write a database");
                    })));
        });
    }

    /** Runs the entry point and checks that it throws an InputException with the case's expected message. */
    private static void refused(Path dir, Executable entryPoint) throws IOException {
        List<String> expected = BadInputCases.expected(dir);
        assertFalse(expected.isEmpty(), dir + ": expected-message.txt is empty");
        InputException e = assertThrows(InputException.class, entryPoint, dir.getFileName().toString());
        for (String line : expected) {
            assertTrue(e.getMessage().contains(line), "expected '" + line + "' in:\n" + e.getMessage());
        }
    }

    /** A copy of the case in a temporary folder (build and ingest write into the project's db/). */
    private ProjectLayout copy(Path dir, String name) {
        Path target = tmp.resolve(name);
        ProjectCopy.copyTree(dir, target);
        return ProjectLayout.of(target);
    }
}
