package org.alliancekg.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancekg.store.DatasetStatistics;


/**
 * Answers {@code GET} (and {@code HEAD}) on a SPARQL query endpoint without a {@code query} parameter with the
 * endpoint's {@link ServiceDescriber service description}, as SPARQL 1.1 Service Description asks; stock Fuseki
 * answers 400 there. The format follows {@code Accept} (Turtle for {@code *}{@code /*} or no header; HTML for
 * browsers); {@code ?service-description} asks for it explicitly, {@code ?service-description=ttl} (or {@code nt},
 * {@code jsonld}, {@code rdf}, {@code html}) in a given format. Everything else — queries, POSTs, a GET with an
 * {@code update} parameter (refused with 400 by the query operation), a GET without query whose {@code Accept}
 * names no RDF or HTML type — passes on to Fuseki unchanged.
 */
final class ServiceDescriptionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Parameter asking for the description explicitly. */
    static final String PARAMETER = "service-description";

    private final Supplier<Optional<DatasetStatistics>> statistics;
    private final SiteLinks links;

    ServiceDescriptionFilter(Supplier<Optional<DatasetStatistics>> statistics, SiteLinks links) {
        this.statistics = statistics;
        this.links = links;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String method = req.getMethod();
        if (!(method.equals("GET") || method.equals("HEAD")) || req.getParameter("query") != null
                || req.getParameter("update") != null) {
            chain.doFilter(req, resp);
            return;
        }
        String asked = req.getParameter(PARAMETER);
        Optional<Format> named = asked == null ? Optional.empty() : Format.fromExtension(asked);
        Optional<Format> format = Responses.choose(req, named, Format.all());
        if (format.isEmpty()) {
            if (asked != null) {
                Responses.notAcceptable(resp, Format.all());
            } else {
                chain.doFilter(req, resp);
            }
            return;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String endpoint = links.siteBase(req) + (path.startsWith("/") ? path.substring(1) : path);
        Optional<DatasetStatistics> counted = statistics.get();
        if (counted.isEmpty()) {
            NotCountedYet.answer(resp);
            return;
        }
        Format f = format.get();
        byte[] body;
        if (f.isRdf()) {
            body = Responses.rdf(ServiceDescriber.describe(counted.get(), endpoint), f);
        } else {
            String content = DescriptionPages.serviceContent(endpoint, counted.get(),
                    x -> endpoint + "?" + PARAMETER + "=" + x.extension(), links);
            body = PageLayout.page("SPARQL endpoint", links, path, content).getBytes(StandardCharsets.UTF_8);
        }
        Responses.ok(resp, f, body, named.isEmpty(), null);
    }
}
