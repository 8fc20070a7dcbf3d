package org.alliancekg.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.Problem;
import org.alliancekg.ingest.ProjectLayout;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates an assembled dataset: SHACL ({@code ontology/shapes.ttl}) over the union of all graphs, then every
 * {@code queries/checks/*-violation.rq}, each of which must return no rows, over a dataset whose default graph
 * is the union of the named graphs.
 *
 * <pre>{@code
 * ValidationReport r = Validator.forProject(layout).validate(dataset);
 * if (!r.conforms()) System.err.println(r.describe());
 * }</pre>
 */
public final class Validator {

    private static final Logger LOG = LoggerFactory.getLogger("akg.build");

    /** A check taking this long is logged (a check should stay linear in the data it is given). */
    private static final long SLOW_CHECK_MILLIS = 1_000;

    /** Suffix of check queries. */
    public static final String CHECK_SUFFIX = "-violation.rq";

    private final Shapes shapes;
    private final List<Check> checks;

    private record Check(String name, Query query) {
    }

    private Validator(Shapes shapes, List<Check> checks) {
        this.shapes = shapes;
        this.checks = List.copyOf(checks);
    }

    /**
     * A validator with the project's shapes and check queries. Missing shapes file or checks folder mean no
     * shapes or no checks; a malformed one is an {@link InputException}.
     */
    public static Validator forProject(ProjectLayout layout) {
        Shapes shapes = null;
        if (Files.isRegularFile(layout.shapesFile())) {
            Graph g = RdfInput.readTurtle(layout, layout.shapesFile());
            try {
                shapes = Shapes.parse(g);
            } catch (RuntimeException e) {
                throw new InputException(new Problem(layout.display(layout.shapesFile()), 0, null,
                        "not valid SHACL: " + e.getMessage()));
            }
        } else {
            LOG.warn("no shapes file {}: SHACL validation skipped", layout.display(layout.shapesFile()));
        }
        List<Check> checks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (Files.isDirectory(layout.checksDir())) {
            try (Stream<Path> s = Files.list(layout.checksDir())) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(CHECK_SUFFIX)).sorted().toList()) {
                    String shown = layout.display(p);
                    try {
                        Query q = QueryFactory.create(Files.readString(p));
                        if (!q.isSelectType()) {
                            problems.add(new Problem(shown, 0, null, "a check must be a SELECT query"));
                        } else {
                            checks.add(new Check(shown, q));
                        }
                    } catch (QueryParseException e) {
                        problems.add(new Problem(shown, Math.max(e.getLine(), 0), Math.max(e.getColumn(), 0), null,
                                "SPARQL syntax: " + e.getMessage()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + layout.checksDir(), e);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Validator(shapes, checks);
    }

    /** A validator with the given shapes (may be null) and no check queries. */
    public static Validator of(Shapes shapes) {
        return new Validator(shapes, List.of());
    }

    /** The SHACL shapes, or null when the project has none. */
    Shapes shapes() {
        return shapes;
    }

    /** The check queries by file name as shown in messages, in order. */
    Map<String, Query> checkQueries() {
        Map<String, Query> out = new LinkedHashMap<>();
        checks.forEach(c -> out.put(c.name(), c.query()));
        return out;
    }

    /** Number of check queries. */
    public int checkCount() {
        return checks.size();
    }

    /** Validates; never throws for violations (see {@link ValidationReport#conforms()}). */
    public ValidationReport validate(Dataset dataset) {
        Graph union = GraphFactory.createDefaultGraph();
        DatasetGraph source = dataset.asDatasetGraph();
        DatasetGraph checked = DatasetGraphFactory.createTxnMem();
        Iterator<Quad> it = source.find();
        while (it.hasNext()) {
            Quad q = it.next();
            union.add(q.asTriple());
            if (!q.isDefaultGraph()) {
                checked.add(q);
            }
        }
        union.find().forEachRemaining(t -> checked.getDefaultGraph().add(t));

        boolean conforms = true;
        org.apache.jena.rdf.model.Model reportModel = ModelFactory.createDefaultModel();
        List<String> results = new ArrayList<>();
        if (shapes != null) {
            org.apache.jena.shacl.ValidationReport r = ShaclValidator.get().validate(shapes, union);
            conforms = r.conforms();
            reportModel = r.getModel();
            for (ReportEntry e : r.getEntries()) {
                results.add(describe(e));
            }
        }
        List<ValidationReport.CheckViolation> violations = new ArrayList<>();
        Dataset ds = DatasetFactory.wrap(checked);
        for (Check c : checks) {
            runCheck(c.name(), c.query(), ds, violations);
        }
        ValidationReport report = new ValidationReport(conforms, reportModel, results, violations);
        LOG.info("validated {} triples: {} SHACL result(s), {} check(s) run, {} check violation(s)",
                union.size(), results.size(), checks.size(), violations.size());
        return report;
    }

    /** Runs one check query on the dataset, adding a violation per row. */
    static void runCheck(String name, Query query, Dataset ds, List<ValidationReport.CheckViolation> violations) {
        long start = System.nanoTime();
        try {
            runCheckRows(name, query, ds, violations);
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis >= SLOW_CHECK_MILLIS) {
                LOG.info("check {} took {} ms", name, millis);
            }
        }
    }

    private static void runCheckRows(String name, Query query, Dataset ds,
                                     List<ValidationReport.CheckViolation> violations) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution row = rs.next();
                RDFNode res = row.get("resource");
                RDFNode msg = row.get("message");
                violations.add(new ValidationReport.CheckViolation(name, res == null ? null : res.toString(),
                        msg != null ? msg.asNode().getLiteralLexicalForm() : row.toString()));
            }
        }
    }

    static String describe(ReportEntry e) {
        StringBuilder sb = new StringBuilder();
        sb.append(label(e.focusNode()));
        if (e.resultPath() != null) {
            sb.append(' ').append(e.resultPath());
        }
        if (e.value() != null) {
            sb.append(" value ").append(label(e.value()));
        }
        sb.append(": ").append(e.message());
        return sb.toString();
    }

    private static String label(Node n) {
        if (n.isURI()) {
            return "<" + n.getURI() + ">";
        }
        return n.toString();
    }
}
