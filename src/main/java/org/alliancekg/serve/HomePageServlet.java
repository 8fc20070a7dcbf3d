package org.alliancekg.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.store.CachedStatistics;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;

/**
 * Serves the {@link HomePage} at {@code /} (GET and HEAD), with the counts of the live dataset
 * ({@link CachedStatistics}: counted once per data version, not on each request; a page asked for before the first
 * count is done says the counts are coming).
 * Any other path that reaches it answers 404, any other method 405.
 */
final class HomePageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final String serviceName;
    private final transient List<Path> queryDirs;
    private final transient CachedStatistics statistics;

    /**
     * @param serviceName the Fuseki service to describe, e.g. {@code kg}
     * @param queryDirs   folders whose {@code *.rq} files are listed as example queries, in this order
     * @param statistics  the counts of the served dataset
     */
    HomePageServlet(String serviceName, List<Path> queryDirs, CachedStatistics statistics) {
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        this.queryDirs = List.copyOf(queryDirs);
        this.statistics = Objects.requireNonNull(statistics, "statistics");
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!path.equals("/") && !path.isEmpty()) {
            ProblemWriter.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found: " + path);
            return;
        }
        String method = req.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            resp.setHeader("Allow", "GET, HEAD");
            ProblemWriter.text(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "The home page is read only");
            return;
        }
        byte[] body = page().render().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("text/html; charset=utf-8");
        resp.setContentLength(body.length);
        if (method.equals("GET")) {
            resp.getOutputStream().write(body);
        }
    }

    private HomePage page() {
        DataAccessPoint dap = DataAccessPointRegistry.get(getServletContext()).get("/" + serviceName);
        if (dap == null) {
            throw new IllegalStateException("no service /" + serviceName + " on this server");
        }
        DataService service = dap.getDataService();
        List<ExampleQuery> queries = new ArrayList<>();
        for (Path dir : queryDirs) {
            queries.addAll(ExampleQuery.readAll(dir));
        }
        DatasetSummary summary = statistics.await(CachedStatistics.PAGE_WAIT).map(DatasetSummary::of).orElse(null);
        return new HomePage(serviceName, endpoints(service), summary, queries);
    }

    /** The named endpoints of the service: query endpoints, then graph store, then others; by name within each. */
    static List<HomePage.EndpointLink> endpoints(DataService service) {
        List<HomePage.EndpointLink> links = new ArrayList<>();
        for (Endpoint e : service.getEndpoints()) {
            if (e.isUnnamed()) {
                continue;
            }
            links.add(new HomePage.EndpointLink(e.getName(), kind(e.getOperation())));
        }
        links.sort(Comparator.comparing(HomePage.EndpointLink::kind).thenComparing(HomePage.EndpointLink::name));
        return links;
    }

    private static HomePage.EndpointKind kind(Operation op) {
        if (op.equals(Operation.Query)) {
            return HomePage.EndpointKind.QUERY;
        }
        if (op.equals(Operation.GSP_R)) {
            return HomePage.EndpointKind.GRAPH_STORE_READ;
        }
        return HomePage.EndpointKind.OTHER;
    }
}
