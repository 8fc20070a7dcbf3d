package org.alliancekg.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.alliancekg.export.ExportFormat;
import org.alliancekg.export.GraphExporter;
import org.alliancekg.export.RelationGraph;
import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.Problem;
import org.alliancekg.ingest.ProjectLayout;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-kg export --format F [--query FILE.rq] [--out FILE] [--articles]}: writes the relation graph of
 * the local database ({@code db/current}) for Gephi ({@code gexf}), yEd ({@code graphml}), Graphviz ({@code dot}),
 * Cytoscape ({@code cyjs}) or as RDF ({@code ttl}, {@code nq}). Nodes are the entities, edges the vocabulary's
 * relations between them with their claims as evidence; articles are left out unless {@code --articles} is given. A
 * CONSTRUCT query selects a subgraph. With a server running on the database the data is read from the server
 * ({@link LiveData}), so the command works the same with or without one.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the relation graph (entities as nodes, relations as edges weighted by their claims) "
                + "of the local database (db/current) for Gephi, yEd, Graphviz or Cytoscape, or as RDF. With a server "
                + "running on the database, its data is read through the server.",
                "Articles are left out of the graph unless --articles is given."})
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, paramLabel = "F", converter = FormatConverter.class,
            completionCandidates = FormatNames.class,
            description = "Output format: ${COMPLETION-CANDIDATES}.")
    ExportFormat format;

    @Option(names = "--query", paramLabel = "FILE.rq",
            description = "SPARQL CONSTRUCT query selecting the subgraph (its relation triples between entities).")
    Path query;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Option(names = "--articles", description = "Include the articles as nodes, with their mentions, authors and "
            + "publishers as edges.")
    boolean articles;

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = options.layout();
        Query construct = query == null ? null : parse(query);
        try (LiveData live = LiveData.open(layout)) {
            GraphExporter e = GraphExporter.of(live.dataset()).construct(construct).articles(articles);
            if (out == null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                e.export(format, bytes);
                PrintWriter w = spec.commandLine().getOut();
                w.print(bytes.toString(StandardCharsets.UTF_8));
                w.flush();
            } else {
                write(e, out);
            }
        }
        return 0;
    }

    /** Writes next to the target and moves it into place, so a failed export leaves no half file. */
    private void write(GraphExporter exporter, Path target) {
        Path file = target.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
            RelationGraph graph;
            try (OutputStream o = Files.newOutputStream(tmp)) {
                graph = exporter.export(format, o);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            PrintWriter w = spec.commandLine().getOut();
            w.println("exported " + graph.nodes().size() + " nodes, " + graph.edges().size() + " edges to " + target);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the export failed already; the failure is what the user needs to see
                }
            }
        }
    }

    private static Query parse(Path file) {
        String shown = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(Problem.unreadable(shown, e));
        } catch (UncheckedIOException e) {
            throw new InputException(Problem.unreadable(shown, e.getCause()));
        }
        Query q;
        try {
            q = QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new InputException(new Problem(shown, Math.max(e.getLine(), 0), Math.max(e.getColumn(), 0), null,
                    "SPARQL syntax: " + e.getMessage().lines().findFirst().orElse("")));
        }
        if (!q.isConstructType()) {
            throw new InputException(new Problem(shown, 0, null,
                    "the subgraph query must be a CONSTRUCT query, not " + q.queryType()));
        }
        return q;
    }

    /** Format names for help and completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(ExportFormat.values()).map(ExportFormat::extension).iterator();
        }
    }

    /** Reads a format name (case-insensitive). */
    static final class FormatConverter implements CommandLine.ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            return ExportFormat.fromName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "unknown format '" + value + "' (expected one of " + ExportFormat.names() + ")"));
        }
    }
}
