package org.alliancekg.serve.guard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.serve.BufferedRequest;
import org.alliancekg.serve.ProblemWriter;
import org.apache.jena.query.QueryException;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateWithUsing;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks SPARQL Update requests before Fuseki runs them:
 *
 * <ul>
 *   <li>{@code LOAD} is refused with 403: it makes the server fetch a URL (server-side request forgery), and ARQ's
 *       {@code arq:httpServiceAllowed} stops {@code SERVICE} but not {@code LOAD}. Data goes into the scratch
 *       dataset by {@code INSERT DATA} or the Graph Store Protocol instead.</li>
 *   <li>A protocol dataset ({@code using-graph-uri}, {@code using-named-graph-uri}) together with
 *       {@code USING}, {@code USING NAMED} or {@code WITH} in the update is refused with 400, as SPARQL 1.1 Protocol
 *       §2.2.3 asks (Fuseki 5.6 answers 500 there).</li>
 * </ul>
 *
 * <p>The update text is read here (the {@link RequestSizeFilter} in front bounds it) and handed on unchanged;
 * text that does not parse passes on, for Fuseki to answer 400 with the parser's message.
 */
final class UpdateRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger("akg.guard");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (!req.getMethod().equals("POST")) {
            chain.doFilter(req, resp);
            return;
        }
        String ct = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        String text;
        HttpServletRequest next = req;
        if (ct.startsWith("application/sparql-update")) {
            byte[] body = req.getInputStream().readAllBytes();
            next = new BufferedRequest(req, body);
            text = new String(body, StandardCharsets.UTF_8);
        } else if (ct.startsWith("application/x-www-form-urlencoded")) {
            text = req.getParameter("update");
        } else {
            text = null;
        }
        UpdateRequest update = text == null ? null : parse(text);
        if (update != null && update.getOperations().stream().anyMatch(op -> op instanceof UpdateLoad)) {
            LOG.warn("refused a SPARQL Update with LOAD on {} from {}", req.getRequestURI(), req.getRemoteAddr());
            ProblemWriter.text(resp, HttpServletResponse.SC_FORBIDDEN,
                    "Forbidden: SPARQL Update LOAD is disabled on this server (it would make the server fetch a URL). "
                            + "Send the data with INSERT DATA or the Graph Store Protocol instead.\n");
            return;
        }
        boolean protocolDataset = next.getParameter("using-graph-uri") != null
                || next.getParameter("using-named-graph-uri") != null;
        if (update != null && protocolDataset && update.getOperations().stream().anyMatch(op ->
                op instanceof UpdateWithUsing u && (u.getWithIRI() != null || !u.getUsing().isEmpty()
                        || !u.getUsingNamed().isEmpty()))) {
            ProblemWriter.text(resp, HttpServletResponse.SC_BAD_REQUEST, "Bad Request: using-graph-uri or "
                    + "using-named-graph-uri given together with USING, USING NAMED or WITH in the update.\n");
            return;
        }
        chain.doFilter(next, resp);
    }

    /** The parsed update, or null if it does not parse. */
    static UpdateRequest parse(String update) {
        try {
            return UpdateFactory.create(update);
        } catch (QueryException e) {
            return null;
        }
    }
}
