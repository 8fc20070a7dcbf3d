package org.alliancekg.explore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.export.ExportFormat;
import org.alliancekg.export.GraphExporter;
import org.alliancekg.serve.ProblemWriter;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * {@code /export/graph.EXT} for every {@link ExportFormat} ({@code gexf}, {@code graphml}, {@code dot},
 * {@code cyjs}, {@code ttl}, {@code nq}): the relation graph as a download. Parameters (query string or form):
 * {@code query}, a SPARQL CONSTRUCT query selecting the subgraph (also accepted as a POST body of type
 * {@code application/sparql-query}); {@code articles=true} to include the articles as nodes.
 *
 * <p>Answers: 200 with the file; 400 for a query that does not parse or is no CONSTRUCT, or a bad parameter; 404
 * for another path; 503 when the query runs past the server's query timeout.
 */
final class ExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String SPARQL_QUERY = "application/sparql-query";

    private final transient Supplier<DatasetGraph> dataset;
    private final long timeoutMs;

    ExportServlet(Supplier<DatasetGraph> dataset, long timeoutMs) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.timeoutMs = timeoutMs;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        answer(req, resp, Optional.ofNullable(req.getParameter("query")));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String type = req.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(SPARQL_QUERY)) {
            String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            answer(req, resp, Optional.of(body));
        } else {
            answer(req, resp, Optional.ofNullable(req.getParameter("query")));
        }
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp, Optional<String> queryText)
            throws IOException {
        String path = req.getPathInfo();
        Optional<ExportFormat> format = path != null && path.startsWith("/graph.")
                ? ExportFormat.fromName(path.substring("/graph.".length())) : Optional.empty();
        if (format.isEmpty() || !path.equals("/graph." + format.get().extension())) {
            ProblemWriter.text(resp, HttpServletResponse.SC_NOT_FOUND,
                    "No export at /export" + (path == null ? "" : path)
                    + ": use /export/graph.EXT with EXT one of " + ExportFormat.names());
            return;
        }
        String articles = req.getParameter("articles");
        if (articles != null && !articles.equals("true") && !articles.equals("false")) {
            ProblemWriter.text(resp, HttpServletResponse.SC_BAD_REQUEST, "articles must be true or false: " + articles);
            return;
        }
        Query query = null;
        if (queryText.isPresent() && !queryText.get().isBlank()) {
            try {
                query = QueryFactory.create(queryText.get());
            } catch (QueryParseException e) {
                ProblemWriter.text(resp, HttpServletResponse.SC_BAD_REQUEST, "SPARQL syntax: " + e.getMessage());
                return;
            }
            if (!query.isConstructType()) {
                ProblemWriter.text(resp, HttpServletResponse.SC_BAD_REQUEST,
                        "the subgraph query must be a CONSTRUCT query, not " + query.queryType());
                return;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            GraphExporter.of(dataset.get()).construct(query).articles("true".equals(articles)).timeoutMs(timeoutMs)
                    .export(format.get(), out);
        } catch (QueryCancelledException e) {
            ProblemWriter.text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "the subgraph query ran past the timeout of " + timeoutMs + " ms");
            return;
        }
        byte[] bytes = out.toByteArray();
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(format.get().contentType());
        resp.setHeader("Content-Disposition", "attachment; filename=\"alliance-kg" + (query == null ? "" : "-subgraph")
                + "." + format.get().extension() + "\"");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
