package org.alliancekg.serve;

import java.nio.file.Path;

import org.alliancekg.testkit.TrigFixture;
import org.apache.jena.sparql.core.DatasetGraph;

/** The small dataset of {@code src/test/resources/serve-fixture/dataset.trig}, in memory or as a TDB2 database. */
final class FixtureDatabase {

    static final String RESOURCE = "serve-fixture/dataset.trig";

    private FixtureDatabase() {
    }

    /** The fixture in memory. */
    static DatasetGraph inMemory() {
        return TrigFixture.inMemory(RESOURCE);
    }

    /** Loads the fixture into a new TDB2 database {@code dir/tdb2-fixture}, releases it and returns its path. */
    static Path createTdb2(Path dir) {
        return TrigFixture.tdb2(RESOURCE, dir.resolve("tdb2-fixture"));
    }
}
