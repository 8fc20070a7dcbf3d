package org.alliancekg.build;

import java.nio.file.Path;
import java.util.Map;

import org.alliancekg.ingest.Corpus;
import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.Store;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the project's knowledge graph: reads {@code data/} and the ontology, assembles the graphs, validates them
 * (SHACL and check queries), bulk-loads them into a fresh TDB2 database swapped in as {@code db/current}, and
 * writes the dumps {@code db/dumps/alliance-kg.trig.gz} and {@code .nq.gz}.
 *
 * <p>{@link #build()} streams (see {@code StreamingBuild}): one article graph at a time is extracted and
 * validated on each core while Jena's parallel TDB2 loader fills the new directory, so the corpus is never held
 * in memory; {@link #assembleAndValidate()} assembles and validates the whole dataset in memory without writing.
 *
 * <pre>{@code
 * GraphBuilder builder = new GraphBuilder(ProjectLayout.of(Path.of(".")));
 * if (builder.isStale()) {
 *     GraphBuilder.Result r = builder.build();
 *     r.timings().seconds(); // per phase
 * }
 * }</pre>
 */
public final class GraphBuilder {

    private static final Logger LOG = LoggerFactory.getLogger("akg.build");

    private final ProjectLayout layout;

    /** A builder for this project. */
    public GraphBuilder(ProjectLayout layout) {
        this.layout = layout;
    }

    /** What a build produced, and how long each phase took. */
    public record Result(Path database, Map<String, Long> counts, BuildTimings timings) {
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

    /**
     * Builds and swaps in a new database; see the class comment. Streams: articles are extracted and validated on
     * one thread per core while Jena's parallel TDB2 bulk loader fills the fresh directory (see
     * {@link #build(int, Store.Loader)}).
     */
    public Result build() {
        return build(Runtime.getRuntime().availableProcessors(), Store.Loader.PARALLEL);
    }

    /** Builds with this many extraction threads and this TDB2 bulk loader. */
    public Result build(int threads, Store.Loader loader) {
        return new StreamingBuild(layout, new BuildTimings(), threads, loader).run();
    }

    /** Whether the database is missing or was built from other inputs. */
    public boolean isStale() {
        return Store.isStale(layout);
    }
}
