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
 * TextIndexes.build(databaseDir);                             // after a bulk load, before the swap
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
