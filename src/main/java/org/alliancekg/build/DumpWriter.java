package org.alliancekg.build;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.out.NodeToLabel;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;

/**
 * Writes the dumps of a build while it streams: {@code <name>.trig.gz} and {@code <name>.nq.gz}. Only the gzipped
 * files are written (the plain text of 100,000 articles would take 20 GB and half the dump time); the server sends
 * {@code .trig} and {@code .nq} by decompressing them.
 *
 * <p>The text of a batch of graphs is made by {@link #chunk(List)}, on any thread (the extraction threads make
 * their batch's chunk, so that serializing and compressing run on every core); {@link #append(Chunk)} writes
 * chunks in order from one thread. Each chunk is one gzip member of the {@code .gz} files (a gzip file may hold
 * several members, read as one stream by {@code gunzip}, Java's {@code GZIPInputStream} and Jena). TriG blocks
 * use the prefixes declared once at the top of the file. Files are written under temporary names and moved into
 * place by {@link #commit()}; {@link #abandon()} deletes them.
 */
final class DumpWriter {

    /** The two serializations of a batch of graphs, each a gzip member. */
    record Chunk(byte[] trigGz, byte[] nquadsGz) {
    }

    private final Path dir;
    private final PrefixMap prefixMap;
    private final List<Path> targets;
    private final OutputStream[] out = new OutputStream[2];

    DumpWriter(Path dir, String name, Map<String, String> prefixes) {
        this.dir = dir;
        this.prefixMap = PrefixMapFactory.create(prefixes);
        this.targets = List.of(dir.resolve(name + ".trig.gz"), dir.resolve(name + ".nq.gz"));
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < out.length; i++) {
                out[i] = new BufferedOutputStream(Files.newOutputStream(tmp(targets.get(i))), 1 << 16);
            }
        } catch (IOException e) {
            abandon();
            throw new UncheckedIOException("cannot write dumps to " + dir, e);
        }
        StringBuilder header = new StringBuilder();
        new java.util.TreeMap<>(prefixes).forEach((p, iri) -> header.append("PREFIX ").append(p).append(": <")
                .append(iri).append(">\n"));
        byte[] h = header.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        append(new Chunk(gzip(h), new byte[0]));
    }

    /**
     * Serializes graphs (name, graph) as TriG blocks and N-Quads, each as a gzip member. Thread-safe.
     *
     * <p>Nodes are written by Jena's own formatters (N-Triples terms, Turtle terms with the file's prefixes), into
     * a plain character buffer: the layout is simple (a graph block, then each subject with its predicate-object
     * list, one per line), which spares the per-character indentation and column padding of Jena's pretty TriG
     * stream writer, then half the cost of the dumps. Blank nodes keep one label across chunks.
     */
    Chunk chunk(List<Map.Entry<Node, Graph>> graphs) {
        TextBuffer trig = new TextBuffer(1 << 16);
        TextBuffer nq = new TextBuffer(1 << 17);
        NodeFormatter ttl = new NodeFormatterTTL(null, prefixMap, NodeToLabel.createBNodeByLabelEncoded());
        NodeFormatter nt = new NodeFormatterNT();
        for (Map.Entry<Node, Graph> e : graphs) {
            Iterator<Triple> it = e.getValue().find();
            if (!it.hasNext()) {
                continue;
            }
            TextBuffer graphName = new TextBuffer(128);
            nt.format(graphName, e.getKey());
            String quadEnd = " " + graphName + " .\n";
            ttl.format(trig, e.getKey());
            trig.print(" {\n");
            Node subject = null;
            while (it.hasNext()) {
                Triple t = it.next();
                if (t.getSubject().equals(subject)) {
                    trig.print(" ;\n        ");
                } else {
                    if (subject != null) {
                        trig.print(" .\n");
                    }
                    subject = t.getSubject();
                    trig.print("    ");
                    ttl.format(trig, subject);
                    trig.print(' ');
                }
                ttl.format(trig, t.getPredicate());
                trig.print(' ');
                ttl.format(trig, t.getObject());

                nt.format(nq, t.getSubject());
                nq.print(' ');
                nt.format(nq, t.getPredicate());
                nq.print(' ');
                nt.format(nq, t.getObject());
                nq.print(quadEnd);
            }
            trig.print(" .\n}\n");
        }
        return new Chunk(gzip(trig.toString().getBytes(StandardCharsets.UTF_8)),
                gzip(nq.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** An {@link AWriter} into a string buffer (no indentation, no locking). */
    private static final class TextBuffer implements AWriter {
        private final StringBuilder sb;

        TextBuffer(int capacity) {
            sb = new StringBuilder(capacity);
        }

        @Override
        public void write(char ch) {
            sb.append(ch);
        }

        @Override
        public void write(char[] cbuf) {
            sb.append(cbuf);
        }

        @Override
        public void write(String s) {
            sb.append(s);
        }

        @Override
        public void print(char ch) {
            sb.append(ch);
        }

        @Override
        public void print(char[] cbuf) {
            sb.append(cbuf);
        }

        @Override
        public void print(String s) {
            sb.append(s);
        }

        @Override
        public void printf(String fmt, Object... args) {
            sb.append(String.format(java.util.Locale.ROOT, fmt, args));
        }

        @Override
        public void println(String s) {
            sb.append(s).append('\n');
        }

        @Override
        public void println() {
            sb.append('\n');
        }

        @Override
        public void flush() {
            // nothing buffered elsewhere
        }

        @Override
        public void close() {
            // nothing to release
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    /** Writes a chunk to the two files. Call from one thread, in order. */
    void append(Chunk c) {
        try {
            out[0].write(c.trigGz());
            out[1].write(c.nquadsGz());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dumps to " + dir, e);
        }
    }

    /** Closes the files and moves them into place, stamped with the current time. */
    void commit() {
        try {
            for (OutputStream o : out) {
                o.close();
            }
            FileTime now = FileTime.from(Instant.now());
            for (Path target : targets) {
                Files.move(tmp(target), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.setLastModifiedTime(target, now);
                // the plain dump an earlier version of the build wrote beside it: stale now
                String gz = target.getFileName().toString();
                Files.deleteIfExists(target.resolveSibling(gz.substring(0, gz.length() - ".gz".length())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dumps to " + dir, e);
        }
    }

    /** Closes and deletes the temporary files. */
    void abandon() {
        for (OutputStream o : out) {
            try {
                if (o != null) {
                    o.close();
                }
            } catch (IOException e) {
                // the file is deleted below
            }
        }
        for (Path target : targets) {
            try {
                Files.deleteIfExists(tmp(target));
            } catch (IOException e) {
                // nothing more to do: a stale .tmp file is overwritten by the next build
            }
        }
    }

    private static Path tmp(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    /** One gzip member holding the bytes, at the fastest level (the dumps are made on the cores that build). */
    static byte[] gzip(byte[] bytes) {
        if (bytes.length == 0) {
            return bytes;
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bos, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }
}
