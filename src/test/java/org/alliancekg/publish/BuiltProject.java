package org.alliancekg.publish;

import java.nio.file.Path;
import java.util.List;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;

/**
 * The project's real data, built as the competency-question test builds it (the core's {@link GraphBuilder} into a
 * scratch database root), served with the {@link LinkedDataModule} on a free loopback port.
 */
final class BuiltProject {

    private BuiltProject() {
    }

    /** Builds the project into {@code dbRoot} and starts a server over it. */
    static KgServer serve(Path dbRoot) {
        ProjectLayout scratch = ProjectLayout.detect().withDbRoot(dbRoot);
        new GraphBuilder(scratch).build();
        return KgServer.builder().layout(scratch).port(0).modules(List.of(LinkedDataModule::new)).build().start();
    }
}
