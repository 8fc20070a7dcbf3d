package org.alliancekg.build;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.alliancekg.ingest.Corpus;
import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.InputHash;
import org.alliancekg.store.Store;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the project's knowledge graph: reads {@code data/} and the ontology, assembles the dataset, validates
 * it (SHACL and check queries), commits it to a fresh TDB2 database swapped in as {@code db/current}, and writes
 * the dumps {@code db/dumps/alliance-kg.trig}, {@code .nq} and their {@code .gz}.
 *
 * <pre>{@code
 * GraphBuilder builder = new GraphBuilder(ProjectLayout.of(Path.of(".")));
 * if (builder.isStale()) builder.build();
 * }</pre>
 */
public final class GraphBuilder {

    private static final Logger LOG = LoggerFactory.getLogger("akg.build");

    /** Base name of the dump files. */
    public static final String DUMP_NAME = "alliance-kg";

    private final ProjectLayout layout;

    /** A builder for this project. */
    public GraphBuilder(ProjectLayout layout) {
        this.layout = layout;
    }

    /** What a build produced. */
    public record Result(Path database, Map<String, Long> counts) {
    }

    /** A validated, not yet stored dataset. */
    public record Validated(Dataset dataset, GraphAssembler.Counts counts, ValidationReport report) {
    }

    /**
     * Reads, assembles and validates without writing anything. Throws {@link InputException} for input problems
     * and {@link ValidationException} when the graph breaks a shape or a check.
     */
    public Validated assembleAndValidate() {
        Corpus corpus = Corpus.read(layout);
        LOG.info("read {} articles, {} entities, {} claims in {} claims files", corpus.articles().size(),
                corpus.catalog().size(), corpus.claimCount(), corpus.claims().size());
        Graph ontology = RdfInput.readTurtle(layout, layout.ontologyFile());
        LOG.info("read ontology: {} triples", ontology.size());
        Validator validator = Validator.forProject(layout);
        GraphAssembler.Assembly assembly = new GraphAssembler(ontology).assemble(corpus);
        ValidationReport report = validator.validate(assembly.dataset());
        if (!report.conforms()) {
            throw new ValidationException(report);
        }
        return new Validated(assembly.dataset(), assembly.counts(), report);
    }

    /** Builds and swaps in a new database; see the class comment. */
    public Result build() {
        String inputHash = InputHash.of(layout);
        Validated v = assembleAndValidate();
        Dataset ds = v.dataset();
        Map<String, Long> counts = new LinkedHashMap<>();
        long quads = ds.asDatasetGraph().stream().count();
        counts.put("quads", quads);
        counts.put("graphs", (long) ds.asDatasetGraph().size());
        counts.put("articles", (long) v.counts().articles());
        counts.put("entities", (long) v.counts().entities());
        counts.put("claims", (long) v.counts().claims());
        counts.put("mentions", (long) v.counts().mentions());
        Path db = new Store(layout).commit(ds, inputHash, counts);
        LOG.info("stored {} quads in {} graphs at {}", quads, counts.get("graphs"), layout.display(db));
        writeDumps(ds);
        LOG.info("built {} articles, {} quads, 0 violations", v.counts().articles(), quads);
        return new Result(db, Map.copyOf(counts));
    }

    /** Whether the database is missing or was built from other inputs. */
    public boolean isStale() {
        return Store.isStale(layout);
    }

    private void writeDumps(Dataset ds) {
        Path dir = layout.dumpsDir();
        ds.asDatasetGraph().prefixes().putAll(Namespaces.PREFIXES);
        try {
            Files.createDirectories(dir);
            write(ds, dir.resolve(DUMP_NAME + ".trig"), RDFFormat.TRIG_BLOCKS, false);
            write(ds, dir.resolve(DUMP_NAME + ".trig.gz"), RDFFormat.TRIG_BLOCKS, true);
            write(ds, dir.resolve(DUMP_NAME + ".nq"), RDFFormat.NQUADS, false);
            write(ds, dir.resolve(DUMP_NAME + ".nq.gz"), RDFFormat.NQUADS, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dumps to " + layout.display(dir), e);
        }
        LOG.info("wrote dumps {}/{}.trig, .nq (and .gz)", layout.display(dir), DUMP_NAME);
    }

    private static void write(Dataset ds, Path target, RDFFormat format, boolean gzip) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
             OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
            RDFDataMgr.write(out, ds, format);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
