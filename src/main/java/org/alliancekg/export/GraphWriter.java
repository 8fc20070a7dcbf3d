package org.alliancekg.export;

import java.io.OutputStream;

/** Writes a {@link RelationGraph} in one file format. The stream is flushed, not closed. */
@FunctionalInterface
public interface GraphWriter {

    /** Writes {@code graph} to {@code out}. @throws ExportException if it cannot be written */
    void write(RelationGraph graph, OutputStream out);
}
