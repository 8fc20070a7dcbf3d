package org.alliancekg.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.alliancekg.serve.ServerContext;
import org.apache.jena.fuseki.main.sys.FusekiModule;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.vocab.Iris;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The small dataset of {@code src/test/resources/publish/fixture.trig} (data the project does not have, such as
 * markup in labels), in memory or served with the {@link LinkedDataModule} from a TDB2 database.
 */
final class PublishFixture {

    static final String RESOURCE = "publish/fixture.trig";

    private PublishFixture() {
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

    /** Loads the fixture into a TDB2 database under {@code dir} and serves it on a free port (started). */
    static KgServer serve(Path dir) {
        return serve(dir, Iris.BASE);
    }

    /** As {@link #serve(Path)}, with a public base. */
    static KgServer serve(Path dir, String publicBase) {
        return serve(dir, publicBase, List.of(LinkedDataModule::new));
    }

    /** As {@link #serve(Path, String)}, with the given feature modules. */
    static KgServer serve(Path dir, String publicBase, List<Function<ServerContext, FusekiModule>> modules) {
        Path location = dir.resolve("tdb2-publish-fixture");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(location.toString());
        try (InputStream in = open()) {
            Txn.executeWrite(dsg, () -> RDFParser.source(in).lang(Lang.TRIG).parse(dsg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TDBInternal.expel(dsg);
        }
        return KgServer.builder().layout(ProjectLayout.detect()).dbLocation(location).port(0)
                .publicBase(publicBase).modules(modules).build().start();
    }

    private static InputStream open() {
        InputStream in = PublishFixture.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + RESOURCE);
        }
        return in;
    }
}
