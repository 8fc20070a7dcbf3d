package org.alliancekg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.alliancekg.ingest.ProjectLayout;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building the server: configuration rewriting and the checks of {@link KgServer.Builder#build()}. */
class KgServerTest {

    @TempDir
    Path tmp;

    @Test
    void readConfigPointsTheDatasetAtTheAbsoluteDatabaseDirectory() {
        ProjectLayout layout = ProjectLayout.detect();
        Path db = tmp.resolve("some-db");
        Model original = org.apache.jena.riot.RDFDataMgr.loadModel(layout.fusekiConfig().toString());
        Model config = KgServer.readConfig(layout.fusekiConfig(), db);
        Property location = config.createProperty(KgServer.TDB2_NS, "location");
        List<Statement> locations = config.listStatements(null, location, (RDFNode) null).toList();
        assertEquals(1, locations.size());
        assertEquals(db.toAbsolutePath().toString(), locations.get(0).getString());
        assertEquals(original.size(), config.size(), "only the location changes");
        assertEquals("kg", KgServer.serviceName(config, layout.fusekiConfig()));
    }

    @Test
    void layoutIsRequired() {
        assertThrows(IllegalStateException.class, () -> KgServer.builder().port(0).build());
    }

    @Test
    void missingDatabaseIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KgServer.builder()
                .layout(ProjectLayout.detect()).dbLocation(tmp.resolve("no-such-db")).port(0).build());
        assertTrue(e.getMessage().contains("build it first"), e.getMessage());
    }

    @Test
    void badPortIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> KgServer.builder()
                .layout(ProjectLayout.detect()).port(70_000).build());
    }

    @Test
    void configurationOfferingUpdateIsRefused() throws IOException {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve("fuseki-config"));
        String config = Files.readString(ProjectLayout.detect().fusekiConfig())
                .replace("fuseki:endpoint [ fuseki:operation fuseki:gsp-r ; fuseki:name \"get\" ] ;",
                        "fuseki:endpoint [ fuseki:operation fuseki:gsp-r ; fuseki:name \"get\" ] ;\n"
                                + "    fuseki:endpoint [ fuseki:operation fuseki:update ; fuseki:name \"update\" ] ;");
        assertTrue(config.contains("fuseki:update"), "the test must add an update endpoint");
        Files.writeString(project.resolve("fuseki-config/config.ttl"), config);
        Path db = FixtureDatabase.createTdb2(tmp);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KgServer.builder()
                .layout(ProjectLayout.of(project)).dbLocation(db).port(0).build());
        assertTrue(e.getMessage().contains("update"), e.getMessage());
    }

    @Test
    void writeOperationsAreFoundInBothConfigurationStyles() {
        String prefixes = "PREFIX fuseki: <http://jena.apache.org/fuseki#>\n";
        Model newStyle = org.apache.jena.riot.RDFParser.fromString(prefixes
                + "[] fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ], [ fuseki:operation fuseki:query ] .",
                org.apache.jena.riot.Lang.TURTLE).toModel();
        assertEquals(List.of("fuseki:gsp-rw"), KgServer.writeOperations(newStyle));
        Model oldStyle = org.apache.jena.riot.RDFParser.fromString(prefixes
                + "[] fuseki:serviceQuery \"q\" ; fuseki:serviceUpdate \"u\" .", org.apache.jena.riot.Lang.TURTLE)
                .toModel();
        assertEquals(List.of("fuseki:serviceUpdate"), KgServer.writeOperations(oldStyle));
        Model project = org.apache.jena.riot.RDFDataMgr.loadModel(ProjectLayout.detect().fusekiConfig().toString());
        assertEquals(List.of(), KgServer.writeOperations(project), "the project's configuration is read only");
    }

    @Test
    void symbolicLinkIsResolvedAtBuild() throws IOException {
        Path dbRoot = tmp.resolve("db");
        Files.createDirectories(dbRoot);
        Path real = FixtureDatabase.createTdb2(dbRoot);
        Files.createSymbolicLink(dbRoot.resolve("current"), real.getFileName());
        KgServer server = KgServer.builder().layout(ProjectLayout.detect().withDbRoot(dbRoot)).port(0).build();
        try {
            assertEquals(real.toRealPath(), server.databaseDirectory());
            assertEquals(42, server.summary().quads());
        } finally {
            server.stop();
        }
    }
}
