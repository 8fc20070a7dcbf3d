package org.alliancekg.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.serve.ProblemWriter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;

/** Writing the answers of the linked-data servlets: negotiated formats, errors through ProblemWriter, bodies. */
final class Responses {

    private Responses() {
    }

    /**
     * The format for a request: the one named by the extension if any, else the best of {@code offered} by the
     * {@code Accept} header. Empty means 406; {@link #notAcceptable} writes it.
     */
    static Optional<Format> choose(HttpServletRequest req, Optional<Format> byExtension, List<Format> offered) {
        if (byExtension.isPresent()) {
            return byExtension;
        }
        return AcceptHeader.parse(req.getHeader("Accept")).choose(offered);
    }

    /** Writes a 406 naming what can be given. */
    static void notAcceptable(HttpServletResponse resp, List<Format> offered) throws IOException {
        resp.setHeader("Vary", "Accept");
        ProblemWriter.text(resp, HttpServletResponse.SC_NOT_ACCEPTABLE, "Not acceptable: this resource is available "
                + "as " + offered.stream().map(Format::mediaType).collect(Collectors.joining(", ")));
    }

    /** Serializes a model in an RDF format. */
    static byte[] rdf(Model model, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model, format.rdfFormat());
        return out.toByteArray();
    }

    /** Writes a 200 answer in a format; {@code negotiated} adds {@code Vary: Accept} and {@code Content-Location}. */
    static void ok(HttpServletResponse resp, Format format, byte[] body, boolean negotiated, String contentLocation)
            throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(format.contentType());
        if (negotiated) {
            resp.setHeader("Vary", "Accept");
            if (contentLocation != null) {
                resp.setHeader("Content-Location", contentLocation);
            }
        }
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** {@code Link} headers to the other RDF formats of a document path. */
    static void alternates(HttpServletResponse resp, SiteLinks links, String documentPath) {
        for (Format f : Format.rdfOnly()) {
            resp.addHeader("Link", "<" + links.page(documentPath + "." + f.extension()) + ">; rel=\"alternate\"; type=\""
                    + f.mediaType() + "\"");
        }
    }
}
