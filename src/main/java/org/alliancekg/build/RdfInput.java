package org.alliancekg.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.Problem;
import org.alliancekg.ingest.ProjectLayout;
import org.apache.jena.atlas.lib.IRILib;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;

/** Reads project RDF files (ontology, shapes) strictly, turning parse errors into {@link InputException}. */
final class RdfInput {

    private RdfInput() {
    }

    /** Parses a Turtle file; warnings and errors name file, line and column. */
    static Graph readTurtle(ProjectLayout layout, Path file) {
        return readTurtle(layout, file, (f, bytes) -> { });
    }

    /** As {@link #readTurtle(ProjectLayout, Path)}, giving {@code onRead} the file's bytes first. */
    static Graph readTurtle(ProjectLayout layout, Path file, BiConsumer<Path, byte[]> onRead) {
        String shown = layout.display(file);
        if (!Files.isRegularFile(file)) {
            throw new InputException(new Problem(shown, 0, null, "file missing"));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(new Problem(shown, 0, null, "cannot read: " + e), e);
        }
        onRead.accept(file, bytes);
        List<Problem> problems = new ArrayList<>();
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(String message, long line, long col) {
                problems.add(problem(shown, message, line, col));
            }

            @Override
            public void error(String message, long line, long col) {
                problems.add(problem(shown, message, line, col));
            }

            @Override
            public void fatal(String message, long line, long col) {
                problems.add(problem(shown, message, line, col));
                throw new RiotException(message);
            }
        };
        Graph g = GraphFactory.createDefaultGraph();
        try {
            // the base a parser reading the file itself would take
            RDFParser.create().source(new ByteArrayInputStream(bytes)).base(IRILib.filenameToIRI(file.toString()))
                    .lang(Lang.TURTLE).errorHandler(handler).strict(true).parse(g);
        } catch (RiotException e) {
            if (problems.isEmpty()) {
                problems.add(new Problem(shown, 0, null, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return g;
    }

    private static Problem problem(String file, String message, long line, long col) {
        return new Problem(file, (int) Math.max(line, 0), (int) Math.max(col, 0), null, message);
    }
}
