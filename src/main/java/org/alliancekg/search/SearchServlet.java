package org.alliancekg.search;

import org.alliancekg.text.SearchQuery;
import org.alliancekg.text.SearchJson;
import org.alliancekg.text.SearchException;
import org.alliancekg.text.FullTextSearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.alliancekg.serve.HttpProblem;
import org.alliancekg.serve.ProblemWriter;
import org.alliancekg.serve.SiteNav;
import org.alliancekg.serve.Templates;
import org.alliancekg.vocab.Iris;
import org.apache.jena.sparql.core.DatasetGraph;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /search?q=TEXT}: the full-text search page (template {@code search.mustache}), or its JSON
 * ({@link SearchJson}) when the request prefers {@code application/json}. An empty, too long or malformed query
 * answers 400 with the reason (on the page, or as {@code {"error": ...}}).
 */
final class SearchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Results of each kind on the page. */
    static final int LIMIT = 20;

    private final transient Supplier<DatasetGraph> dataset;
    private final String serviceName;

    SearchServlet(Supplier<DatasetGraph> dataset, String serviceName) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
    }

    /** A link on the page: a site path and a label. */
    record Link(String href, String label) {
    }

    /** A sentence on the page. */
    record Sentence(String text, Link article, List<Link> mentions, boolean hasMentions, String score) {
    }

    /** A quote on the page. */
    record Quote(String quote, Link article, Link subject, Link object, String score) {
    }

    /** The page's scope. */
    record Page(String siteBar, String q, String error, boolean searched, boolean empty, List<Link> entities,
                List<Sentence> sentences, List<Quote> quotes, boolean hasEntities, boolean hasSentences,
                boolean hasQuotes) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean json = wantsJson(req);
        String q = req.getParameter("q");
        if (q == null && !json) {
            page(resp, HttpServletResponse.SC_OK, new Page(bar(), "", null, false, false, List.of(), List.of(),
                    List.of(), false, false, false));
            return;
        }
        FullTextSearch.Results r;
        try {
            r = new FullTextSearch(dataset.get()).search(SearchQuery.of(q), LIMIT);
        } catch (SearchException e) {
            if (json) {
                ProblemWriter.json(resp, HttpProblem.badRequest(e.getMessage()));
            } else {
                page(resp, HttpServletResponse.SC_BAD_REQUEST, new Page(bar(), q == null ? "" : q, e.getMessage(),
                        false, false, List.of(), List.of(), List.of(), false, false, false));
            }
            return;
        }
        if (json) {
            resp.setContentType("application/json; charset=utf-8");
            resp.setHeader("Vary", "Accept");
            JSON.writeValue(resp.getOutputStream(), SearchJson.of(r));
            return;
        }
        List<Link> entities = new ArrayList<>();
        r.entities().forEach(h -> entities.add(new Link(href(h.iri()), h.label())));
        List<Sentence> sentences = new ArrayList<>();
        for (FullTextSearch.SentenceHit h : r.sentences()) {
            List<Link> ms = h.mentions().stream().map(SearchServlet::link).toList();
            sentences.add(new Sentence(h.text(), link(h.article()), ms, !ms.isEmpty(), score(h.score())));
        }
        List<Quote> quotes = new ArrayList<>();
        for (FullTextSearch.QuoteHit h : r.quotes()) {
            quotes.add(new Quote(h.quote(), link(h.article()), link(h.subject()),
                    h.object() == null ? null : link(h.object()), score(h.score())));
        }
        resp.setHeader("Vary", "Accept");
        page(resp, HttpServletResponse.SC_OK, new Page(bar(), r.query().text(), null, true, r.empty(), entities,
                sentences, quotes, !entities.isEmpty(), !sentences.isEmpty(), !quotes.isEmpty()));
    }

    private String bar() {
        return SiteNav.bar(serviceName, path -> path, "/search");
    }

    private static boolean wantsJson(HttpServletRequest req) {
        String accept = req.getHeader("Accept");
        return "json".equals(req.getParameter("format"))
                || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }

    private static void page(HttpServletResponse resp, int status, Page page) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.getOutputStream().write(Templates.render("search", page).getBytes(StandardCharsets.UTF_8));
    }

    private static Link link(FullTextSearch.Link l) {
        return new Link(href(l.iri()), l.label());
    }

    /** The site path of one of our IRIs (so links stay on this server), any other IRI unchanged. */
    static String href(String iri) {
        return iri.startsWith(Iris.BASE) ? "/" + iri.substring(Iris.BASE.length()) : iri;
    }

    private static String score(double s) {
        return String.format(java.util.Locale.ROOT, "%.2f", s);
    }
}
