package org.alliancekg.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.ProblemWriter;
import org.alliancekg.store.Store;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the dumps of the graph under {@code /dumps/}: {@code alliance-kg.trig.gz}, {@code alliance-kg.nq.gz} and
 * their uncompressed {@code .trig} and {@code .nq} — those four names only, so no request can reach another file.
 *
 * <p>The files the build wrote ({@code <db>/dumps/}: the gzipped ones) are sent when they belong to the database
 * being served (its directory is still the one {@code current} points to, and the file is not older than its
 * {@code build.json}), the plain ones decompressed from them; otherwise the dump is written from the served
 * dataset on the fly. Answers carry the format's media type
 * ({@code application/gzip} for the compressed files) and {@code Content-Disposition: attachment}.
 */
final class DumpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger("akg.publish");

    /** A dump: its writer format, whether gzipped, its media type. */
    private record Dump(RDFFormat format, boolean gzip, String mediaType) {
    }

    private static final String NAME = Store.DUMP_NAME;
    private static final Map<String, Dump> DUMPS = Map.of(
            NAME + ".trig.gz", new Dump(RDFFormat.TRIG_BLOCKS, true, "application/gzip"),
            NAME + ".nq.gz", new Dump(RDFFormat.NQUADS, true, "application/gzip"),
            NAME + ".trig", new Dump(RDFFormat.TRIG_BLOCKS, false, "application/trig"),
            NAME + ".nq", new Dump(RDFFormat.NQUADS, false, "application/n-quads"));

    private final transient Supplier<DatasetGraph> dataset;
    private final transient ProjectLayout layout;
    private final transient Path database;

    /**
     * @param database the real directory of the served database
     */
    DumpServlet(Supplier<DatasetGraph> dataset, ProjectLayout layout, Path database) {
        this.dataset = dataset;
        this.layout = layout;
        this.database = database;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String info = req.getPathInfo();
        String name = info == null ? "" : info.startsWith("/") ? info.substring(1) : info;
        Dump dump = DUMPS.get(name);
        if (dump == null) {
            ProblemWriter.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found. Dumps: " + NAME + ".trig.gz, "
                    + NAME + ".nq.gz, " + NAME + ".trig, " + NAME + ".nq\n");
            return;
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(dump.mediaType());
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        Path file = layout.dumpsDir().resolve(name);
        if (isCurrent(file)) {
            resp.setContentLengthLong(Files.size(file));
            if (!req.getMethod().equals("HEAD")) {
                Files.copy(file, resp.getOutputStream());
            }
            return;
        }
        Path compressed = layout.dumpsDir().resolve(name + ".gz");
        if (!dump.gzip() && isCurrent(compressed)) {
            // the build writes only the gzipped dumps: the plain text is theirs, decompressed
            if (!req.getMethod().equals("HEAD")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(compressed), 1 << 16)) {
                    in.transferTo(resp.getOutputStream());
                }
            }
            return;
        }
        if (req.getMethod().equals("HEAD")) {
            return;
        }
        LOG.debug("writing {} from the served dataset", name);
        DatasetGraph dsg = dataset.get();
        OutputStream raw = resp.getOutputStream();
        OutputStream out = dump.gzip() ? new GZIPOutputStream(raw, 1 << 16) : raw;
        Txn.executeRead(dsg, () -> RDFDataMgr.write(out, dsg, dump.format()));
        if (out instanceof GZIPOutputStream gz) {
            gz.finish();
        }
        out.flush();
    }

    /** Whether the build's file exists and belongs to the database being served. */
    private boolean isCurrent(Path file) {
        try {
            if (!Files.isRegularFile(file) || !Files.exists(layout.currentDb())
                    || !layout.currentDb().toRealPath().equals(database)) {
                return false;
            }
            Path buildInfo = database.resolve(Store.BUILD_INFO);
            return !Files.exists(buildInfo)
                    || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(buildInfo)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
