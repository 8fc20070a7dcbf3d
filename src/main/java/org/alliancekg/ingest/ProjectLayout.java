package org.alliancekg.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where things are in a project directory: {@code data/articles}, {@code data/entities}, {@code data/claims},
 * {@code ontology/}, {@code queries/}, {@code fuseki-config/} and the database root ({@code db/} by default).
 *
 * <pre>{@code
 * ProjectLayout layout = ProjectLayout.of(Path.of(".")).withDbRoot(Path.of("/var/lib/akg"));
 * layout.currentDb(); // <dbRoot>/current
 * }</pre>
 */
public record ProjectLayout(Path root, Path dbRoot) {

    /** The problem of a project folder without {@code data/articles} or {@code data/entities}. */
    public static final String MISSING_DIRECTORY = "directory missing: run alliance-kg in the project folder (the one "
            + "with data/ and ontology/) or pass --project DIR";


    /** System property naming the project directory (set by the test runner). */
    public static final String PROJECT_DIR_PROPERTY = "akg.projectDir";

    /** Normalizes both paths to absolute form. */
    public ProjectLayout {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
        dbRoot = dbRoot == null ? root.resolve("db") : root.resolve(dbRoot).toAbsolutePath().normalize();
    }

    /** The layout of a project directory with the default database root {@code <root>/db}. */
    public static ProjectLayout of(Path root) {
        return new ProjectLayout(root, null);
    }

    /**
     * The project named by system property {@value #PROJECT_DIR_PROPERTY}, else the working directory.
     */
    public static ProjectLayout detect() {
        String dir = System.getProperty(PROJECT_DIR_PROPERTY);
        return of(Path.of(dir != null && !dir.isBlank() ? dir : "."));
    }

    /** The same project with another database root (relative paths resolve against the project root). */
    public ProjectLayout withDbRoot(Path db) {
        return new ProjectLayout(root, db);
    }

    /** {@code data/}. */
    public Path dataDir() {
        return root.resolve("data");
    }

    /** {@code data/articles/}: one {@code {articleId}.md} per article. */
    public Path articlesDir() {
        return dataDir().resolve("articles");
    }

    /** {@code data/entities/}: the entity catalogue ({@code *.yaml}, {@code *.yml}, {@code *.json}). */
    public Path entitiesDir() {
        return dataDir().resolve("entities");
    }

    /** {@code data/claims/}: one {@code {articleId}.yaml} per article. */
    public Path claimsDir() {
        return dataDir().resolve("claims");
    }

    /** {@code ontology/}. */
    public Path ontologyDir() {
        return root.resolve("ontology");
    }

    /** {@code ontology/alliance-kg.ttl}. */
    public Path ontologyFile() {
        return ontologyDir().resolve("alliance-kg.ttl");
    }

    /** {@code ontology/shapes.ttl}. */
    public Path shapesFile() {
        return ontologyDir().resolve("shapes.ttl");
    }

    /** {@code queries/}. */
    public Path queriesDir() {
        return root.resolve("queries");
    }

    /** {@code queries/checks/}: {@code *-violation.rq} queries that must return no rows. */
    public Path checksDir() {
        return queriesDir().resolve("checks");
    }

    /** {@code fuseki-config/config.ttl}. */
    public Path fusekiConfig() {
        return root.resolve("fuseki-config").resolve("config.ttl");
    }

    /** {@code <dbRoot>/current}: symbolic link to the live TDB2 database. */
    public Path currentDb() {
        return dbRoot.resolve("current");
    }

    /** {@code <dbRoot>/dumps}: TriG and N-Quads dumps of the live database. */
    public Path dumpsDir() {
        return dbRoot.resolve("dumps");
    }

    /** A path as shown in messages: relative to the project root when inside it, with '/' separators. */
    public String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path shown = abs.startsWith(root) ? root.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
