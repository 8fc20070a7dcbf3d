package org.alliancekg.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.alliancekg.serve.ServerContext;
import org.apache.jena.fuseki.main.sys.FusekiModule;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.testkit.TrigFixture;
import org.alliancekg.vocab.Iris;
import org.apache.jena.sparql.core.DatasetGraph;

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
        return TrigFixture.inMemory(RESOURCE);
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
        Path location = TrigFixture.tdb2(RESOURCE, dir.resolve("tdb2-publish-fixture"));
        return KgServer.builder().layout(ProjectLayout.detect()).dbLocation(location).port(0)
                .publicBase(publicBase).modules(modules).build().start();
    }

}
