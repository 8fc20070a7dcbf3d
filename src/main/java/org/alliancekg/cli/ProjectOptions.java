package org.alliancekg.cli;

import java.nio.file.Path;

import org.alliancekg.ingest.ProjectLayout;

import picocli.CommandLine.Option;

/** The {@code --project} and {@code --db} options shared by commands that work on a project directory. */
public final class ProjectOptions {

    @Option(names = "--project", defaultValue = ".", paramLabel = "DIR",
            description = "Project directory (default: the working directory).")
    Path project;

    @Option(names = "--db", paramLabel = "DIR",
            description = "Database root holding the builds and the 'current' link (default: <project>/db).")
    Path db;

    /** The layout these options name. */
    public ProjectLayout layout() {
        ProjectLayout layout = ProjectLayout.of(project);
        return db == null ? layout : layout.withDbRoot(db.toAbsolutePath());
    }
}
