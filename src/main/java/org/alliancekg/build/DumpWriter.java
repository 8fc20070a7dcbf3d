package org.alliancekg.build;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes the dumps of a build while it streams: {@code <name>.trig} and {@code <name>.nq}, each also gzipped,
 * serialized once and written to the plain and the compressed file together. Files are written under temporary
 * names and moved into place by {@link #commit()}; {@link #abandon()} deletes them.
 */
final class DumpWriter {

    private final Path dir;
    private final String name;
    private final List<Path> targets;
    private final OutputStream trigOut;
    private final OutputStream nqOut;
    private final StreamRDF trig;
    private final StreamRDF nquads;

    DumpWriter(Path dir, String name, Map<String, String> prefixes) {
        this.dir = dir;
        this.name = name;
        this.targets = List.of(dir.resolve(name + ".trig"), dir.resolve(name + ".trig.gz"), dir.resolve(name + ".nq"),
                dir.resolve(name + ".nq.gz"));
        try {
            Files.createDirectories(dir);
            trigOut = new Tee(open(targets.get(0), false), open(targets.get(1), true));
            nqOut = new Tee(open(targets.get(2), false), open(targets.get(3), true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dumps to " + dir, e);
        }
        trig = StreamRDFWriter.getWriterStream(trigOut, RDFFormat.TRIG_BLOCKS);
        nquads = StreamRDFWriter.getWriterStream(nqOut, RDFFormat.NQUADS);
        trig.start();
        nquads.start();
        prefixes.forEach(trig::prefix);
    }

    /** Writes a graph's triples as quads of that graph. */
    void graph(Node graphName, Graph g) {
        g.find().forEachRemaining(t -> {
            Quad q = Quad.create(graphName, t);
            trig.quad(q);
            nquads.quad(q);
        });
    }

    /** Closes the files and moves them into place, stamped with the current time. */
    void commit() {
        trig.finish();
        nquads.finish();
        try {
            trigOut.close();
            nqOut.close();
            FileTime now = FileTime.from(Instant.now());
            for (Path target : targets) {
                Files.move(tmp(target), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.setLastModifiedTime(target, now);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dumps to " + dir, e);
        }
    }

    /** Closes and deletes the temporary files. */
    void abandon() {
        try {
            trigOut.close();
            nqOut.close();
        } catch (IOException | RuntimeException e) {
            // the files are deleted below
        }
        for (Path target : targets) {
            try {
                Files.deleteIfExists(tmp(target));
            } catch (IOException e) {
                // nothing more to do: a stale .tmp file is overwritten by the next build
            }
        }
    }

    /** The base name of the dump files. */
    String name() {
        return name;
    }

    private static Path tmp(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    private static OutputStream open(Path target, boolean gzip) throws IOException {
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp(target)), 1 << 16);
        if (!gzip) {
            return raw;
        }
        // Fastest compression: the dumps are written while the database loads, on the same cores.
        return new GZIPOutputStream(raw, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    /** Writes every byte to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                a.close();
            } finally {
                b.close();
            }
        }
    }
}
