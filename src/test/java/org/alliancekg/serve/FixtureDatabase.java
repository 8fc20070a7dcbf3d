package org.alliancekg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

/** The small dataset of {@code src/test/resources/serve-fixture/dataset.trig}, in memory or as a TDB2 database. */
final class FixtureDatabase {

    static final String RESOURCE = "serve-fixture/dataset.trig";

    private FixtureDatabase() {
    }

    /** The fixture in memory. */
    static DatasetGraph inMemory() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (InputStream in = open()) {
            RDFParser.source(in).lang(Lang.TRIG).parse(dsg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dsg;
    }

    /** Loads the fixture into a new TDB2 database {@code dir/tdb2-fixture}, releases it and returns its path. */
    static Path createTdb2(Path dir) {
        Path location = dir.resolve("tdb2-fixture");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(location.toString());
        try (InputStream in = open()) {
            Txn.executeWrite(dsg, () -> RDFParser.source(in).lang(Lang.TRIG).parse(dsg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TDBInternal.expel(dsg);
        }
        return location;
    }

    private static InputStream open() {
        InputStream in = FixtureDatabase.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + RESOURCE);
        }
        return in;
    }
}
