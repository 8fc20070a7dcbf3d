package org.alliancekg.serve.guard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.serve.ProblemWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness: {@code GET /$/ready} answers 200 {@code ready} when the served database is open and a trivial query
 * over it answers within two seconds, else 503 with the reason. Liveness is Fuseki's {@code /$/ping}, which
 * answers as long as the HTTP server runs.
 */
final class ReadinessServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger("akg.guard");

    /** The trivial query: does any named graph hold a triple. */
    static final String PROBE = "ASK { GRAPH ?g { ?s ?p ?o } }";

    private final transient Supplier<DatasetGraph> dataset;

    ReadinessServlet(Supplier<DatasetGraph> dataset) {
        this.dataset = dataset;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String problem;
        try {
            DatasetGraph dsg = dataset.get();
            boolean data = Txn.calculateRead(dsg, () -> QueryExec.dataset(dsg).query(PROBE)
                    .timeout(2, TimeUnit.SECONDS).ask());
            problem = data ? null : "the database holds no data";
        } catch (RuntimeException e) {
            problem = "the database does not answer: " + e.getMessage();
            LOG.warn("not ready: {}", problem);
        }
        if (problem == null) {
            byte[] ready = "ready\n".getBytes(StandardCharsets.UTF_8);
            resp.setContentType("text/plain; charset=utf-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.setContentLength(ready.length);
            resp.getOutputStream().write(ready);
        } else {
            ProblemWriter.text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "not ready: " + problem + "\n");
        }
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }
}
