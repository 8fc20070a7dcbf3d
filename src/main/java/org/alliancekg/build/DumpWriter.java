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
    private final Map<String, String> prefixes;
    private final List<Path> targets;
    private final OutputStream[] out = new OutputStream[2];

    DumpWriter(Path dir, String name, Map<String, String> prefixes) {
        this.dir = dir;
        this.prefixes = Map.copyOf(prefixes);
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

    /** Serializes graphs (name, graph) as TriG blocks and N-Quads, each as a gzip member. Thread-safe. */
    Chunk chunk(List<Map.Entry<Node, Graph>> graphs) {
        ByteArrayOutputStream trig = new ByteArrayOutputStream(1 << 16);
        ByteArrayOutputStream nq = new ByteArrayOutputStream(1 << 16);
        StreamRDF t = StreamRDFWriter.getWriterStream(trig, RDFFormat.TRIG_BLOCKS);
        StreamRDF n = StreamRDFWriter.getWriterStream(nq, RDFFormat.NQUADS);
        t.start();
        n.start();
        prefixes.forEach(t::prefix);
        for (Map.Entry<Node, Graph> e : graphs) {
            e.getValue().find().forEachRemaining(tr -> {
                Quad q = Quad.create(e.getKey(), tr);
                t.quad(q);
                n.quad(q);
            });
        }
        t.finish();
        n.finish();
        byte[] trigBytes = withoutPrefixLines(trig.toByteArray());
        byte[] nqBytes = nq.toByteArray();
        return new Chunk(gzip(trigBytes), gzip(nqBytes));
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

    /** The text after the prefix directives that a TriG writer puts first (they are in the file's header). */
    static byte[] withoutPrefixLines(byte[] text) {
        int pos = 0;
        while (pos < text.length) {
            int end = indexOf(text, (byte) '\n', pos);
            int lineEnd = end < 0 ? text.length : end;
            if (startsWith(text, pos, "PREFIX ") || startsWith(text, pos, "@prefix ") || lineEnd == pos) {
                pos = lineEnd + 1;
            } else {
                break;
            }
        }
        return java.util.Arrays.copyOfRange(text, Math.min(pos, text.length), text.length);
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
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
