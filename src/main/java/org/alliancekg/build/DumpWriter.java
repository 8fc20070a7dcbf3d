package org.alliancekg.build;

import java.io.BufferedOutputStream;
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
import org.apache.jena.riot.out.NodeFmtLib;
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

    /**
     * The two serializations of a batch of graphs, each a gzip member held in blocks (no array of the whole text:
     * a large array would be allocated outside the young generation).
     */
    record Chunk(List<byte[]> trigGz, List<byte[]> nquadsGz) {
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
        GzipText h = new GzipText();
        h.print(header.append('\n').toString());
        append(new Chunk(h.finish(), List.of()));
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
        GzipText trig = new GzipText();
        GzipText nq = new GzipText();
        NodeFormatter ttl = new NodeFormatterTTL(null, prefixMap, NodeToLabel.createBNodeByLabelEncoded());
        NodeFormatter nt = new PlainIriNT();
        for (Map.Entry<Node, Graph> e : graphs) {
            Iterator<Triple> it = e.getValue().find();
            if (!it.hasNext()) {
                continue;
            }
            String quadEnd = " " + NodeFmtLib.strNT(e.getKey()) + " .\n";
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
        return new Chunk(trig.finish(), nq.finish());
    }

    /**
     * Jena's N-Triples formatter, writing an IRI that needs no escape as one string: Jena's own path checks and
     * writes it a character at a time, a tenth of the dumps' time. Any other IRI is Jena's to write.
     */
    static final class PlainIriNT extends NodeFormatterNT {
        @Override
        public void formatURI(AWriter w, String iri) {
            if (!plain(iri)) {
                super.formatURI(w, iri);
                return;
            }
            w.print('<');
            w.print(iri);
            w.print('>');
        }

        /** Printable ASCII but the characters an N-Triples IRIREF escapes. */
        static boolean plain(String iri) {
            for (int i = 0; i < iri.length(); i++) {
                char c = iri.charAt(i);
                if (c <= ' ' || c >= 0x7F || "<>\"{}|^`\\".indexOf(c) >= 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * An {@link AWriter} whose text becomes one gzip member (UTF-8, fastest level: the dumps are made on the cores
     * that build), through fixed buffers: characters are encoded and compressed as they come, and the compressed
     * bytes kept in blocks.
     */
    private static final class GzipText implements AWriter {
        private static final int BLOCK = 1 << 16;

        private final char[] chars = new char[1 << 13];
        private int count;
        private final java.nio.charset.CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        private final java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 15);
        private final List<byte[]> blocks = new java.util.ArrayList<>();
        private final GZIPOutputStream gz;

        GzipText() {
            OutputStream sink = new OutputStream() {
                private byte[] block = new byte[BLOCK];
                private int used;

                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    while (len > 0) {
                        if (used == block.length) {
                            blocks.add(block);
                            block = new byte[BLOCK];
                            used = 0;
                        }
                        int k = Math.min(len, block.length - used);
                        System.arraycopy(b, off, block, used, k);
                        used += k;
                        off += k;
                        len -= k;
                    }
                }

                @Override
                public void close() {
                    if (used > 0) {
                        blocks.add(java.util.Arrays.copyOf(block, used));
                    }
                }
            };
            try {
                gz = new GZIPOutputStream(sink, 1 << 15) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(char ch) {
            print(ch);
        }

        @Override
        public void write(char[] cbuf) {
            print(cbuf);
        }

        @Override
        public void write(String s) {
            print(s);
        }

        @Override
        public void print(char ch) {
            if (count == chars.length) {
                encode(false);
            }
            chars[count++] = ch;
        }

        @Override
        public void print(char[] cbuf) {
            print(new String(cbuf));
        }

        @Override
        public void print(String s) {
            int off = 0;
            int len = s.length();
            while (off < len) {
                if (count == chars.length) {
                    encode(false);
                }
                int k = Math.min(len - off, chars.length - count);
                s.getChars(off, off + k, chars, count);
                count += k;
                off += k;
            }
        }

        @Override
        public void printf(String fmt, Object... args) {
            print(String.format(java.util.Locale.ROOT, fmt, args));
        }

        @Override
        public void println(String s) {
            print(s);
            print('\n');
        }

        @Override
        public void println() {
            print('\n');
        }

        @Override
        public void flush() {
            // the text is taken whole by finish()
        }

        @Override
        public void close() {
            // see finish()
        }

        /** Encodes the buffered characters (but a high surrogate waiting for its pair) and compresses them. */
        private void encode(boolean end) {
            java.nio.CharBuffer in = java.nio.CharBuffer.wrap(chars, 0, count);
            try {
                java.nio.charset.CoderResult r;
                do {
                    r = utf8.encode(in, bytes, end);
                    gz.write(bytes.array(), 0, bytes.position());
                    bytes.clear();
                } while (r.isOverflow());
                if (end) {
                    utf8.flush(bytes);
                    gz.write(bytes.array(), 0, bytes.position());
                    bytes.clear();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int left = in.remaining();
            System.arraycopy(chars, in.position(), chars, 0, left);
            count = left;
        }

        /** The gzip member of the text written, in blocks (none for no text). */
        List<byte[]> finish() {
            encode(true);
            try {
                gz.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return blocks;
        }
    }

    /** Writes a chunk to the two files. Call from one thread, in order. */
    void append(Chunk c) {
        try {
            for (byte[] b : c.trigGz()) {
                out[0].write(b);
            }
            for (byte[] b : c.nquadsGz()) {
                out[1].write(b);
            }
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
}
