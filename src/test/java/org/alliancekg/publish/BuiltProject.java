package org.alliancekg.publish;

import java.nio.file.Path;
import java.util.List;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.serve.KgServer;
import org.alliancekg.testkit.ProjectFixture;

/**
 * The project's real data, built as the competency-question test builds it (the core's {@link GraphBuilder} into a
 * scratch database root), served with the {@link LinkedDataModule} on a free loopback port.
 */
final class BuiltProject {

    private BuiltProject() {
    }

    /** Starts a server over the project's graph built once for the test JVM ({@code dbRoot} is not used). */
    static KgServer serve(Path dbRoot) {
        return ProjectFixture.serve(List.of(LinkedDataModule::new));
    }
}
