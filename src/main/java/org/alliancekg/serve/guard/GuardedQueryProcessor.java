package org.alliancekg.serve.guard;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;

/**
 * Fuseki's SPARQL query operation with the server's limits. It replaces Fuseki's handler of the query operation
 * for every service, so the limits hold on every query endpoint.
 *
 * <ul>
 *   <li><b>Timeout.</b> Every query gets one timeout, the server's ({@code serve --query-timeout}), for the first
 *       result and overall; a request's {@code timeout} parameter (seconds) can only shorten it. The timeout in the
 *       Fuseki configuration file is for stock Fuseki and is not used here. A {@link QueryWatchdog} aborts any
 *       query still running shortly after its timeout.</li>
 *   <li><b>Evaluated before answering.</b> The whole result (at most the row cap) is computed before the first
 *       byte is sent, so a timeout always answers <b>503</b> with a message saying so, never a cut-off 200.</li>
 *   <li><b>Row cap.</b> SELECT answers at most {@code maxResultRows} rows and CONSTRUCT / DESCRIBE at most as
 *       many triples. A longer result is <b>truncated</b>, and the answer carries
 *       {@value #TRUNCATED_HEADER}{@code : <cap>} and a {@code Warning: 199} header. A query's own smaller
 *       {@code LIMIT} is kept.</li>
 *   <li><b>No remote data.</b> {@code SERVICE} is off ({@code arq:httpServiceAllowed false}) and a dataset named in
 *       the query ({@code FROM}, {@code FROM NAMED}) or the protocol ({@code default-graph-uri}) selects graphs of
 *       the served dataset only: nothing is fetched from the web.</li>
 *   <li><b>406.</b> An {@code Accept} header that names no format the answer can be written in is refused with 406
 *       (stock Fuseki answers in its default format instead); {@code format=}/{@code output=} parameters win.</li>
 *   <li><b>Read only.</b> SPARQL Update sent to a query endpoint answers 403 saying so; an {@code update}
 *       parameter in a {@code GET} (or {@code HEAD}) answers 400, as stock Fuseki does, since the protocol sends
 *       updates by {@code POST} only.</li>
 * </ul>
 */
final class GuardedQueryProcessor extends SPARQL_QueryDataset {

    /** Header telling that a result was truncated, with the cap as value. */
    static final String TRUNCATED_HEADER = "Akg-Result-Truncated";

    private final long timeoutMs;
    private final long maxRows;
    private final QueryWatchdog watchdog;

    GuardedQueryProcessor(long timeoutMs, long maxRows, QueryWatchdog watchdog) {
        this.timeoutMs = timeoutMs;
        this.maxRows = maxRows;
        this.watchdog = watchdog;
    }

    @Override
    public void validate(HttpAction action) {
        String ct = action.getRequestContentType();
        boolean update = ct != null && ct.toLowerCase(Locale.ROOT).startsWith(WebContent.contentTypeSPARQLUpdate);
        if (!update && action.getRequestParameter(HttpNames.paramQuery) == null
                && action.getRequestParameter(HttpNames.paramUpdate) != null) {
            update = true;
        }
        if (update && (action.getRequestMethod().equals("GET") || action.getRequestMethod().equals("HEAD"))) {
            ServletOps.error(HttpServletResponse.SC_BAD_REQUEST, "SPARQL Update by GET is not allowed (SPARQL 1.1 "
                    + "Protocol: updates are sent by POST), and this query endpoint is read only.");
        }
        if (update) {
            ServletOps.error(HttpServletResponse.SC_FORBIDDEN, "This is a read-only SPARQL query endpoint: "
                    + "SPARQL Update is not accepted here.");
        }
        super.validate(action);
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        long limit = maxRows + 1;
        if ((query.isSelectType() || query.isDescribeType()) && (!query.hasLimit() || query.getLimit() > limit)) {
            query.setLimit(limit);
        }
        Context cxt = action.getContext().copy();
        cxt.set(ARQ.httpServiceAllowed, false);
        cxt.remove(ARQ.queryTimeout);
        long t = effectiveTimeoutMs(action.getRequestParameter(HttpNames.paramTimeout));
        return QueryExec.newBuilder()
                .dataset(dataset)
                .query(query)
                .context(cxt)
                .initialTimeout(t, TimeUnit.MILLISECONDS)
                .overallTimeout(t, TimeUnit.MILLISECONDS)
                .build();
    }

    /** The server's timeout, or the request's {@code timeout} (seconds) when it is shorter. */
    long effectiveTimeoutMs(String timeoutParameter) {
        if (timeoutParameter == null) {
            return timeoutMs;
        }
        try {
            Pair<Long, Long> p = Timeouts.parseTimeoutStr(timeoutParameter, TimeUnit.SECONDS);
            long asked = p == null ? -1 : Math.max(p.getLeft(), p.getRight());
            return asked > 0 ? Math.min(asked, timeoutMs) : timeoutMs;
        } catch (RuntimeException e) {
            ServletOps.errorBadRequest("Bad 'timeout' parameter (seconds expected): " + timeoutParameter);
            return timeoutMs;
        }
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query requestQuery,
                                           String queryStringLog) {
        checkAcceptable(action, requestQuery);
        long t = effectiveTimeoutMs(action.getRequestParameter(HttpNames.paramTimeout));
        try (QueryWatchdog.Ticket ticket = watchdog.track(exec::abort, t, "[" + action.id + "] " + queryStringLog)) {
            try {
                return evaluate(action, exec, requestQuery);
            } catch (QueryCancelledException e) {
                ServletOps.error(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Query timed out: it ran longer than "
                        + t + " ms, this server's limit" + (ticket.aborted() ? " (stopped by the watchdog)" : "")
                        + ". Make the query more selective or add a LIMIT.");
                return null;
            }
        }
    }

    private QueryExecResult evaluate(HttpAction action, QueryExec exec, Query query) {
        if (query.isSelectType()) {
            RowSet rs = exec.select();
            List<Binding> rows = new ArrayList<>();
            boolean truncated = false;
            while (rs.hasNext()) {
                Binding b = rs.next();
                if (rows.size() >= maxRows) {
                    truncated = true;
                    break;
                }
                rows.add(b);
            }
            if (truncated) {
                markTruncated(action, "rows");
            }
            return new QueryExecResult(RowSetStream.create(rs.getResultVars(), rows.iterator()));
        }
        if (query.isAskType()) {
            return new QueryExecResult(exec.ask());
        }
        if (query.isConstructType()) {
            DatasetGraph out = DatasetGraphFactory.create();
            out.prefixes().putAll(query.getPrefixMapping());
            Iterator<Quad> it = exec.constructQuads();
            long n = 0;
            while (it.hasNext()) {
                Quad q = it.next();
                if (out.contains(q)) {
                    continue;
                }
                if (n >= maxRows) {
                    markTruncated(action, "triples");
                    break;
                }
                out.add(q);
                n++;
            }
            return new QueryExecResult(out);
        }
        if (query.isDescribeType()) {
            Graph out = GraphFactory.createDefaultGraph();
            out.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
            Iterator<Triple> it = exec.describeTriples();
            long n = 0;
            while (it.hasNext()) {
                Triple tr = it.next();
                if (out.contains(tr)) {
                    continue;
                }
                if (n >= maxRows) {
                    markTruncated(action, "triples");
                    break;
                }
                out.add(tr);
                n++;
            }
            return new QueryExecResult(out);
        }
        return super.executeQuery(action, exec, query, "");
    }

    private void markTruncated(HttpAction action, String what) {
        action.getResponse().setHeader(TRUNCATED_HEADER, Long.toString(maxRows));
        action.getResponse().setHeader("Warning",
                "199 alliance-kg \"result truncated to the first " + maxRows + " " + what + " (server limit)\"");
        action.log.info(String.format("[%d] result truncated to %d %s", action.id, maxRows, what));
    }

    /** Answers 406 when the request's {@code Accept} names no format the query's result can be written in. */
    private static void checkAcceptable(HttpAction action, Query query) {
        for (String p : List.of(HttpNames.paramOutput1, HttpNames.paramOutput2, HttpNames.paramOutput3,
                HttpNames.paramForceAccept)) {
            if (action.getRequestParameter(p) != null) {
                return;
            }
        }
        String accept = action.getRequest().getHeader(HttpNames.hAccept);
        if (accept == null || accept.isBlank()) {
            return;
        }
        AcceptList offer = query.isSelectType() ? DEF.rsOfferTable
                : query.isAskType() ? DEF.rsOfferBoolean
                : query.isConstructType() ? DEF.constructOffer
                : query.isDescribeType() ? DEF.rdfOffer
                : DEF.jsonOffer;
        AcceptList asked;
        try {
            asked = new AcceptList(accept);
        } catch (RuntimeException e) {
            return; // an unreadable Accept header is treated as none
        }
        MediaType m = AcceptList.match(asked, offer);
        if (m == null) {
            StringBuilder types = new StringBuilder();
            offer.entries().forEach(x -> types.append(types.isEmpty() ? "" : ", ").append(x.getContentTypeStr()));
            ServletOps.error(HttpServletResponse.SC_NOT_ACCEPTABLE, "Not Acceptable: this query's result can be "
                    + "sent as " + types + "; the request accepts only " + accept);
        }
    }
}
