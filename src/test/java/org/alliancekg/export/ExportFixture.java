package org.alliancekg.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.alliancekg.testkit.TrigFixture;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;

/**
 * The export tests' data: {@code src/test/resources/export-fixture/dataset.trig}, and the counting queries of
 * {@code src/test/resources/export/}, written apart from the exporter, that say how many nodes, edges and claims an
 * export must have.
 */
public final class ExportFixture {

    static final String DATASET = "export-fixture/dataset.trig";

    private ExportFixture() {
    }

    /** Loads the fixture into a new TDB2 database {@code dir/tdb2-export-fixture}, releases it, returns its path. */
    public static Path createTdb2(Path dir) {
        return TrigFixture.tdb2(DATASET, dir.resolve("tdb2-export-fixture"));
    }

    /** The fixture in a new in-memory dataset (not TDB2). */
    public static DatasetGraph inMemory() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> parse(dsg));
        return dsg;
    }

    /** The fixture in a new in-memory TDB2 dataset, as the server holds data. */
    public static DatasetGraph tdb2() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dsg, () -> parse(dsg));
        return dsg;
    }

    private static void parse(DatasetGraph dsg) {
        try (InputStream in = resource(DATASET)) {
            RDFParser.source(in).lang(Lang.TRIG).parse(dsg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a test resource. */
    public static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String name) {
        InputStream in = ExportFixture.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }

    /** Runs a counting query ({@code export/NAME.rq}, one row, variable {@code ?count}) on a dataset. */
    public static int count(DatasetGraph dsg, String name) {
        String query = text("export/" + name + ".rq");
        Dataset ds = DatasetFactory.wrap(dsg);
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
                return qe.execSelect().next().getLiteral("count").getInt();
            }
        });
    }

    /** The expected sizes of an export. */
    public record Counts(int nodes, int edges, int claims) {
    }

    /** The sizes the counting queries give for {@code dsg}, with or without articles. */
    public static Counts expected(DatasetGraph dsg, boolean articles) {
        return articles
                ? new Counts(count(dsg, "nodes-with-articles"), count(dsg, "edges-with-articles"),
                        count(dsg, "claims-with-articles"))
                : new Counts(count(dsg, "nodes"), count(dsg, "edges"), count(dsg, "claims"));
    }
}
