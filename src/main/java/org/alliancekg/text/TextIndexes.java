package org.alliancekg.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.NIF;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.query.text.analyzer.ConfigurableAnalyzer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-text index of a database: a Lucene index (jena-text) in the folder {@value #DIRECTORY} of the TDB2
 * database directory, so that the switch of {@code db/current} swaps graph and index together.
 *
 * <p>Indexed, each in a field of its own: {@code rdfs:label} and {@code skos:altLabel} (field {@value #NAME}),
 * {@code akg:quote} ({@value #QUOTE}) and the sentences' {@code nif:anchorOf} ({@value #SENTENCE}). One analyzer
 * for indexing and querying: the standard tokenizer, then lower case and ASCII folding, so case and accents never
 * matter. {@code fuseki-config/config.ttl} declares the same index for {@code text:query} at {@code /kg/sparql}.
 *
 * <pre>{@code
 * TextIndexes.build(tdb, databaseDir);                        // a database without one, before the swap
 * DatasetGraph dsg = TextIndexes.wrap(tdb, databaseDir);      // writes through it update the index too
 * }</pre>
 */
public final class TextIndexes {

    private static final Logger LOG = LoggerFactory.getLogger("akg.search");

    private static final String TEXT = "http://jena.apache.org/text#";

    /** Folder of the index inside a database directory. */
    public static final String DIRECTORY = "text";
    /** Lucene field of the subject IRI. */
    public static final String URI = "uri";
    /** Lucene field of the triple's hash, so that a deleted triple leaves the index too. */
    public static final String UID = "uid";
    /** Field of labels and aliases. */
    public static final String NAME = "name";
    /** Field of claim quotes. */
    public static final String QUOTE = "quote";
    /** Field of sentences. */
    public static final String SENTENCE = "sentence";

    /** The indexed predicates. */
    public static final List<Node> PREDICATES = List.of(RDFS.label.asNode(), SKOS.altLabel.asNode(),
            AKG.quote.asNode(), NIF.anchorOf.asNode());

    private static final java.util.Set<Node> INDEXED = java.util.Set.copyOf(PREDICATES);

    private TextIndexes() {
    }

    /** The fields and the predicates they hold. */
    public static EntityDefinition definition() {
        EntityDefinition def = new EntityDefinition(URI, NAME, RDFS.label.asNode());
        def.set(NAME, SKOS.altLabel.asNode());
        def.set(QUOTE, AKG.quote.asNode());
        def.set(SENTENCE, NIF.anchorOf.asNode());
        def.setUidField(UID);
        return def;
    }

    /** Standard tokenizer, lower case, ASCII folding: "Kōno" and "KONO" are the same term. */
    public static Analyzer analyzer() {
        return new ConfigurableAnalyzer(TEXT + "StandardTokenizer", List.of(TEXT + "LowerCaseFilter", TEXT + "ASCIIFoldingFilter"));
    }

    /** The index folder of a database directory. */
    public static Path directory(Path databaseDir) {
        return databaseDir.resolve(DIRECTORY);
    }

    /** Opens (creating it if needed) the Lucene index of a database directory. */
    public static TextIndex open(Path databaseDir) {
        try {
            Path dir = directory(databaseDir);
            Files.createDirectories(dir);
            TextIndexConfig config = new TextIndexConfig(definition());
            config.setAnalyzer(analyzer());
            config.setQueryAnalyzer(analyzer());
            config.setValueStored(false);
            return TextDatasetFactory.createLuceneIndex(FSDirectory.open(dir), config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the text index of " + databaseDir, e);
        }
    }

    /**
     * The database with its text index: reads see {@code text:query}; writes in a transaction update the index in
     * the same transaction.
     */
    public static DatasetGraphText wrap(DatasetGraph tdb, Path databaseDir) {
        return (DatasetGraphText) TextDatasetFactory.create(tdb, open(databaseDir), true);
    }

    /** The database inside a text dataset ({@link #wrap}, or the served one), or {@code dsg} itself. */
    public static DatasetGraph unwrap(DatasetGraph dsg) {
        return dsg instanceof DatasetGraphText text ? text.getWrapped() : dsg;
    }

    /** Closes the text index of a text dataset (releasing its Lucene lock); nothing for another dataset. */
    public static void closeIndex(DatasetGraph dsg) {
        if (dsg instanceof DatasetGraphText text) {
            text.getTextIndex().close();
        }
    }

    /**
     * Starts indexing the quads of a bulk load as they are streamed into a fresh database (see {@link Streamed}).
     */
    public static Streamed streamed(Path databaseDir) {
        return new Streamed(databaseDir);
    }

    /**
     * The text index of a fresh database, filled from the quads streamed into it while they are loaded rather than
     * read back from the database afterwards: {@link #wrap(StreamRDF)} passes every quad on to the loader and queues
     * the indexed ones (named graphs only, as {@link #build} takes them), which one thread of their own adds to the
     * index in stream order (so that the index of the same input is the same, document for document). The stream
     * must give each quad once (a database holds it once). {@link #finish()} waits for that thread and commits.
     *
     * <pre>{@code
     * TextIndexes.Streamed text = TextIndexes.streamed(databaseDir);
     * StreamRDF stream = text.wrap(loader.stream());
     * // ... send the quads, finish the load ...
     * long entries = text.finish();     // or text.abandon() when the load fails
     * }</pre>
     */
    public static final class Streamed {

        private static final int CHUNK = 2_000;
        /** Marks the end of the queue. */
        private static final List<Quad> END = new java.util.ArrayList<>(0);

        private final TextIndex index;
        private final EntityDefinition def;
        private final Path databaseDir;
        private final java.util.concurrent.BlockingQueue<List<Quad>> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(64);
        private final Thread thread;
        private long count;
        private volatile RuntimeException failure;
        private volatile boolean abandoned;
        private boolean ended;
        private List<Quad> pending = new java.util.ArrayList<>(CHUNK);

        private Streamed(Path databaseDir) {
            this.databaseDir = databaseDir;
            this.index = open(databaseDir);
            this.def = index.getDocDef();
            this.thread = new Thread(this::drain, "akg-text-index");
            thread.setDaemon(true);
            thread.start();
        }

        /** A stream that sends each quad to {@code loader} and queues it for the index when it holds a text. */
        public StreamRDF wrap(StreamRDF loader) {
            return new StreamRDFWrapper(loader) {
                @Override
                public void quad(Quad q) {
                    super.quad(q);
                    offer(q);
                }
            };
        }

        private void offer(Quad q) {
            if (!q.isDefaultGraph() && INDEXED.contains(q.getPredicate())) {
                pending.add(q);
                if (pending.size() == CHUNK) {
                    if (failure != null) {
                        throw failure;
                    }
                    put(pending);
                    pending = new java.util.ArrayList<>(CHUNK);
                }
            }
        }

        private void put(List<Quad> chunk) {
            try {
                queue.put(chunk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while indexing texts", e);
            }
        }

        /** The indexing thread: adds the queued quads in order until the end mark (only skips once failed). */
        private void drain() {
            try {
                for (List<Quad> chunk = queue.take(); chunk != END; chunk = queue.take()) {
                    if (failure != null || abandoned) {
                        continue;
                    }
                    try {
                        for (Quad q : chunk) {
                            Entity e = TextQueryFuncs.entityFromQuad(def, q);
                            if (e != null) {
                                index.addEntity(e);
                                count++;
                            }
                        }
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits for the indexing thread to take everything queued, then lets it end. */
        private void end() {
            if (ended) {
                return;
            }
            ended = true;
            if (!pending.isEmpty() && !abandoned) {
                put(pending);
            }
            pending = List.of();
            put(END);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while indexing texts", e);
            }
        }

        /** Indexes what is queued, commits and closes the index; returns the number of entries. */
        public long finish() {
            try {
                end();
                if (failure != null) {
                    throw failure;
                }
                index.commit();
            } finally {
                index.close();
            }
            LOG.info("indexed {} texts (labels, aliases, quotes, sentences) in {}", count,
                    directory(databaseDir).getFileName());
            return count;
        }

        /**
         * Stops indexing and closes the index without committing (the caller discards the database); nothing once
         * {@link #finish()} was called.
         */
        public void abandon() {
            if (ended) {
                return;
            }
            abandoned = true;
            try {
                end();
            } finally {
                index.close();
            }
        }
    }

    /**
     * Builds the index of a database that has none (one built before the index existed, or a copy without it);
     * returns whether it did. A database with an index is left alone.
     */
    public static boolean ensure(Path databaseDir) {
        Path dir = directory(databaseDir);
        try (java.util.stream.Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : java.util.stream.Stream.empty()) {
            if (files.anyMatch(f -> f.getFileName().toString().startsWith("segments"))) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        LOG.info("the database {} has no text index: building it", databaseDir.getFileName());
        build(org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(
                org.apache.jena.dboe.base.file.Location.create(databaseDir)), databaseDir);
        return true;
    }

    /**
     * Indexes every indexed triple of a freshly loaded database (in its named graphs) into a new index in its
     * directory; returns the number of entries. Throws, leaving a partial index, on failure: the caller discards the
     * directory.
     */
    public static long build(DatasetGraph tdb, Path databaseDir) {
        TextIndex index = open(databaseDir);
        EntityDefinition def = index.getDocDef();
        long n = 0;
        try {
            n = Txn.calculateRead(tdb, () -> {
                long count = 0;
                for (Node p : PREDICATES) {
                    Iterator<Quad> it = tdb.find(Node.ANY, Node.ANY, p, Node.ANY);
                    while (it.hasNext()) {
                        Quad q = it.next();
                        if (q.isDefaultGraph()) {
                            continue;
                        }
                        Entity e = TextQueryFuncs.entityFromQuad(def, q);
                        if (e != null) {
                            index.addEntity(e);
                            count++;
                        }
                    }
                }
                return count;
            });
            index.commit();
        } finally {
            index.close();
        }
        LOG.info("indexed {} texts (labels, aliases, quotes, sentences) in {}", n, directory(databaseDir).getFileName());
        return n;
    }
}
