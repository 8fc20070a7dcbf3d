package org.alliancekg.testkit;

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

/**
 * A small dataset of a TriG test resource, in memory or loaded into a TDB2 database: the one fixture loader of the
 * tests that need data the project does not have.
 *
 * <pre>{@code
 * Path location = TrigFixture.tdb2("serve-fixture/dataset.trig", dir.resolve("tdb2"));
 * KgServer server = KgServer.builder().dbLocation(location)...build().start();
 * }</pre>
 */
public final class TrigFixture {

    private TrigFixture() {
    }

    /** The resource's quads in a new transactional in-memory dataset. */
    public static DatasetGraph inMemory(String resource) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (InputStream in = open(resource)) {
            RDFParser.source(in).lang(Lang.TRIG).parse(dsg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dsg;
    }

    /**
     * Loads the resource into the TDB2 database at {@code location} (created when missing), releases the database
     * (so that a server can open it) and returns {@code location}.
     */
    public static Path tdb2(String resource, Path location) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(location.toString());
        try (InputStream in = open(resource)) {
            Txn.executeWrite(dsg, () -> RDFParser.source(in).lang(Lang.TRIG).parse(dsg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TDBInternal.expel(dsg);
        }
        return location;
    }

    private static InputStream open(String resource) {
        InputStream in = TrigFixture.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return in;
    }
}
