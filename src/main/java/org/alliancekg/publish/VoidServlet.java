package org.alliancekg.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.serve.ProblemWriter;
import org.alliancekg.store.CachedStatistics;
import org.alliancekg.store.DatasetStatistics;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * The VoID description ({@link VoidDescriber}) at {@code /void} and {@code /.well-known/void} (RFC 5785, as the
 * VoID note asks), negotiated like the resources, and at {@code /void.ttl}, {@code .nt}, {@code .jsonld},
 * {@code .rdf}, {@code .html}. The counts are those of the served dataset ({@link CachedStatistics}).
 */
final class VoidServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<DatasetGraph> dataset;
    private final transient SiteLinks links;
    private final String service;
    private final transient Supplier<Optional<DatasetStatistics>> statistics;

    VoidServlet(Supplier<DatasetGraph> dataset, Supplier<Optional<DatasetStatistics>> statistics, SiteLinks links,
                String service) {
        this.dataset = dataset;
        this.statistics = statistics;
        this.links = links;
        this.service = service;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        Optional<Format> byExtension = Optional.empty();
        if (path.startsWith("/void.")) {
            byExtension = Format.fromExtension(path.substring("/void.".length()));
            if (byExtension.isEmpty()) {
                ProblemWriter.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found\n");
                return;
            }
        }
        Optional<Format> format = Responses.choose(req, byExtension, Format.all());
        if (format.isEmpty()) {
            Responses.notAcceptable(resp, Format.all());
            return;
        }
        DatasetGraph dsg = dataset.get();
        String siteBase = links.siteBase(req);
        Optional<DatasetStatistics> counted = statistics.get();
        if (counted.isEmpty()) {
            NotCountedYet.answer(resp);
            return;
        }
        DatasetStatistics stats = counted.get();
        Format f = format.get();
        byte[] body = Txn.calculateRead(dsg, () -> {
            Model model = VoidDescriber.describe(dsg, stats, siteBase, service);
            if (f.isRdf()) {
                return Responses.rdf(model, f);
            }
            PageRenderer labels = new PageRenderer(new Describer(dsg), links, null);
            String content = DescriptionPages.voidContent(model, stats, labels::label, links, siteBase, service);
            return PageLayout.page("Dataset description (VoID)", links, "/void", content)
                    .getBytes(StandardCharsets.UTF_8);
        });
        Responses.alternates(resp, links, "void");
        Responses.ok(resp, f, body, byExtension.isEmpty(), links.page("void." + f.extension()));
    }
}
