package org.alliancekg.serve;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.CachedStatistics;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What a feature module (a Fuseki module made for this server) needs to know about the server being built.
 *
 * @param layout       the project (data, queries, configuration, database root)
 * @param config       the parsed Fuseki configuration (with the live database location filled in)
 * @param serviceName  the SPARQL service name, e.g. {@code kg}
 * @param database     the live TDB2 database directory (real path)
 * @param dataset      the served dataset; available once the server is built (read it in a transaction)
 * @param statistics   the counts of the served dataset, kept until its data changes (shared by every page that
 *                     shows them: counting takes minutes on a large database)
 * @param publicBase   the public base IRI that the data uses, e.g. {@code https://w3id.org/alliance-kg/}
 * @param settings     server settings (limits, credentials) from the command line or defaults
 */
public record ServerContext(ProjectLayout layout, Model config, String serviceName, Path database,
                            Supplier<DatasetGraph> dataset, CachedStatistics statistics, String publicBase,
                            ServerSettings settings) {

    public ServerContext {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(publicBase, "publicBase");
        Objects.requireNonNull(settings, "settings");
    }
}
