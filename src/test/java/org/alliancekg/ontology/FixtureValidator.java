package org.alliancekg.ontology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * Validates a test dataset the way the build validates the real one: the ontology in its named graph, the
 * fixture's graphs beside it, the SHACL shapes over the union of all graphs, and every
 * {@code queries/checks/*-violation.rq} over a TDB2 dataset whose default graph is that union.
 *
 * <pre>{@code
 * FixtureValidator validator = new FixtureValidator(projectDir);
 * List<FixtureValidator.Finding> findings = validator.validate(Path.of("data.trig"));
 * }</pre>
 */
final class FixtureValidator {

    /** Name of the ontology graph in every build. */
    static final String ONTOLOGY_GRAPH = "https://w3id.org/alliance-kg/graph/ontology";

    /** One violation: from SHACL ({@code source = "shacl"}) or from a check query ({@code source} = its name). */
    record Finding(String source, String resource, String message) {
        @Override
        public String toString() {
            return source + " <" + resource + "> " + message;
        }
    }

    private final Graph ontology;
    private final Shapes shapes;
    private final Map<String, Query> checks;

    FixtureValidator(Path projectDir) {
        this.ontology = RDFDataMgr.loadGraph(projectDir.resolve("ontology/alliance-kg.ttl").toString());
        this.shapes = Shapes.parse(RDFDataMgr.loadGraph(projectDir.resolve("ontology/shapes.ttl").toString()));
        this.checks = loadChecks(projectDir.resolve("queries/checks"));
    }

    /** The check queries by name (file name without {@code .rq}), sorted. */
    Map<String, Query> checks() {
        return checks;
    }

    static Map<String, Query> loadChecks(Path dir) {
        Map<String, Query> result = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-violation.rq")).toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
                result.put(name, QueryFactory.read(file.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** Loads the ontology and the TriG file into a fresh dataset and returns every SHACL and check finding. */
    List<Finding> validate(Path trig) {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        Node ontologyGraph = NodeFactory.createURI(ONTOLOGY_GRAPH);
        Txn.executeWrite(dsg, () -> {
            ontology.find().forEachRemaining(t -> dsg.add(ontologyGraph, t.getSubject(), t.getPredicate(), t.getObject()));
            RDFDataMgr.read(dsg, trig.toString());
        });
        List<Finding> findings = new ArrayList<>();
        Txn.executeRead(dsg, () -> {
            findings.addAll(shacl(dsg.getUnionGraph()));
            checks.forEach((name, query) -> findings.addAll(check(name, query, dsg)));
        });
        return findings;
    }

    private List<Finding> shacl(Graph data) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        List<Finding> result = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            result.add(new Finding("shacl", nodeText(entry.focusNode()), entry.message()));
        }
        return result;
    }

    private static List<Finding> check(String name, Query query, DatasetGraph dsg) {
        List<Finding> result = new ArrayList<>();
        try (QueryExecution exec = QueryExecution.create(query, DatasetFactory.wrap(dsg))) {
            ResultSet rows = exec.execSelect();
            while (rows.hasNext()) {
                QuerySolution row = rows.next();
                String resource = row.contains("resource") ? nodeText(row.get("resource").asNode()) : "";
                String message = row.contains("message") ? row.get("message").toString() : "";
                result.add(new Finding(name, resource, message));
            }
        }
        return result;
    }

    private static String nodeText(Node node) {
        return node.isURI() ? node.getURI() : node.toString();
    }
}
