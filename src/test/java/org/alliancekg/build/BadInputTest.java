package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.ingest.TestProjects;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per folder of {@code src/test/resources/bad/}: a small project with one mistake that the build must
 * refuse with an {@link InputException} whose message holds every line of the folder's
 * {@code expected-message.txt}.
 */
class BadInputTest {

    @TestFactory
    Stream<DynamicTest> everyBadProjectIsRefusedWithItsMessage() throws IOException {
        Path bad = TestProjects.resource("bad");
        List<Path> cases;
        try (Stream<Path> s = Files.list(bad)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() >= 13, "expected the bad-input cases, found " + cases);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            List<String> expected = Files.readAllLines(dir.resolve("expected-message.txt")).stream()
                    .filter(l -> !l.isBlank()).toList();
            assertFalse(expected.isEmpty(), dir + ": expected-message.txt is empty");
            ProjectLayout layout = ProjectLayout.of(dir);
            InputException e = assertThrows(InputException.class,
                    () -> new GraphBuilder(layout).assembleAndValidate(), dir.getFileName().toString());
            for (String line : expected) {
                assertTrue(e.getMessage().contains(line), "expected '" + line + "' in:\n" + e.getMessage());
            }
            assertFalse(Files.exists(layout.dbRoot()), "validation must not write a database");
        }));
    }
}
