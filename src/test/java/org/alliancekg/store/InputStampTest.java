package org.alliancekg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.ingest.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staleness with the input stamp: an untouched project is fresh without reading its files again; a touched but
 * unchanged file falls back to the content hash (still fresh); a changed file is stale; a build.json without a
 * stamp is judged by the hash alone.
 */
class InputStampTest {

    @TempDir
    Path tmp;

    @Test
    void stampDecidesFreshnessAndTheHashDecidesTheRest() throws Exception {
        ProjectLayout layout = ProjectLayout.of(TestProjects.copy("fixtures/mini", tmp.resolve("project")));
        new GraphBuilder(layout).build();
        Store store = new Store(layout);
        BuildInfo info = store.buildInfo().orElseThrow();
        assertNotNull(info.inputStamp());
        assertEquals(InputHash.stamp(layout), info.inputStamp());
        assertFalse(store.isStale());

        Path article;
        try (Stream<Path> s = Files.list(layout.articlesDir())) {
            article = s.findFirst().orElseThrow();
        }
        // touched, same content: another stamp, same hash, so fresh
        Files.setLastModifiedTime(article, FileTime.from(Instant.now().plusSeconds(3600)));
        assertNotEquals(info.inputStamp(), InputHash.stamp(layout));
        assertEquals(info.inputHash(), InputHash.of(layout));
        assertFalse(store.isStale());

        // changed content: stale
        Files.writeString(article, Files.readString(article) + "\nOne more line.\n");
        assertTrue(store.isStale());

        // an older build.json without a stamp is judged by the hash
        new GraphBuilder(layout).build();
        Path json = store.currentDir().orElseThrow().resolve(Store.BUILD_INFO);
        Files.writeString(json, Files.readString(json).replaceAll("\"inputStamp\"\\s*:\\s*\"[0-9a-f]+\",?", ""));
        assertNull(store.buildInfo().orElseThrow().inputStamp());
        assertFalse(store.isStale());
        Files.writeString(article, Files.readString(article) + "\nAnd another.\n");
        assertTrue(store.isStale());
    }

    @Test
    void theHashTakesTheDigestsOfFilesAlreadyReadAndReadsTheOthers() throws Exception {
        ProjectLayout layout = ProjectLayout.of(TestProjects.copy("fixtures/mini", tmp.resolve("project")));
        Path article;
        try (Stream<Path> s = Files.list(layout.articlesDir())) {
            article = s.sorted().findFirst().orElseThrow();
        }
        String shown = layout.display(article);
        String whole = InputHash.of(layout);

        // the digest of the bytes as read gives the hash of the files on disk
        assertEquals(whole, InputHash.of(layout, Map.of(shown, InputHash.digest(Files.readAllBytes(article)))));
        // the digest given is the one taken, not the file's (the build gives what it read)
        String other = InputHash.of(layout, Map.of(shown, InputHash.digest("other text".getBytes())));
        assertNotEquals(whole, other);
        Files.writeString(article, "other text");
        assertEquals(other, InputHash.of(layout));
    }
}
