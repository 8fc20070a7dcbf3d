package org.alliancekg.serve.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.build.ValidationException;
import org.alliancekg.ingest.InputException;
import org.alliancekg.build.ArticleIngester;
import org.alliancekg.build.IngestResult;
import org.alliancekg.build.PreparedArticle;
import org.alliancekg.serve.ProblemWriter;
import org.alliancekg.vocab.Iris;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /kg/articles?id=<article-id>}: the body is an article file ({@code text/markdown; charset=utf-8},
 * front matter and text); the article is added to or replaced in the served dataset in one write transaction (see
 * {@link ArticleIngester}) and its file copied into {@code data/articles/}. The id may also come from a
 * {@code Slug} header or a {@code Content-Disposition} file name.
 *
 * <table>
 *   <caption>Answers</caption>
 *   <tr><td>201</td><td>created; JSON with the article IRI and counts, {@code Location} the article IRI</td></tr>
 *   <tr><td>200</td><td>replaced, or unchanged (the same file again); the same JSON</td></tr>
 *   <tr><td>400</td><td>bad input (the reader's message: no front matter, bad date, not UTF-8, empty body, ...)
 *       or a graph that would break the shapes or checks (the report); nothing written</td></tr>
 *   <tr><td>401</td><td>without or with wrong credentials (the authentication filter in front of it)</td></tr>
 *   <tr><td>403</td><td>the server has no password file: writes are off</td></tr>
 *   <tr><td>405, 413, 415</td><td>not POST; body too large; not text/markdown or text/plain in UTF-8</td></tr>
 * </table>
 */
final class ArticleIngestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger("akg.ingest");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");

    private final transient ArticleIngester ingester;
    private final transient Supplier<DatasetGraph> dataset;
    private final boolean writable;
    private final long maxBytes;

    ArticleIngestServlet(ArticleIngester ingester, Supplier<DatasetGraph> dataset, boolean writable, long maxBytes) {
        this.ingester = ingester;
        this.dataset = dataset;
        this.writable = writable;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!writable) {
            ProblemWriter.text(resp, HttpServletResponse.SC_FORBIDDEN, "Forbidden: this server takes no articles; start it with "
                    + "--password-file to enable POST " + req.getRequestURI() + ".\n");
            return;
        }
        String type = req.getContentType();
        if (!acceptable(type)) {
            ProblemWriter.text(resp, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type: send the article "
                    + "file as text/markdown; charset=utf-8 (got " + type + ").\n");
            return;
        }
        String id = articleId(req);
        if (id == null) {
            ProblemWriter.text(resp, HttpServletResponse.SC_BAD_REQUEST, "Bad Request: name the article: POST "
                    + req.getRequestURI() + "?id=<article-id> (or a Slug header).\n");
            return;
        }
        byte[] body = read(req.getInputStream());
        if (body == null) {
            ProblemWriter.text(resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Payload Too Large: the limit is "
                    + maxBytes + " bytes.\n");
            return;
        }
        String shown = id + ".md (request body)";
        IngestResult r;
        try {
            PreparedArticle p = ingester.prepare(id + ".md", shown, body);
            r = ingester.apply(p, dataset.get());
        } catch (InputException | ValidationException e) {
            LOG.info("refused article {} from {}: {}", id, req.getRemoteUser(), e.getMessage().lines().findFirst()
                    .orElse(""));
            ProblemWriter.text(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage().strip() + "\n");
            return;
        }
        LOG.info("article {} {} by {}", id, r.status().name().toLowerCase(Locale.ROOT), req.getRemoteUser());
        ObjectNode n = JSON.createObjectNode();
        n.put("id", r.articleId());
        n.put("article", r.articleIri());
        n.put("status", r.status().name().toLowerCase(Locale.ROOT));
        n.put("articleGraph", Iris.articleGraph(r.articleId()));
        n.put("suggestedGraph", Iris.suggestedGraph(r.articleId()));
        n.put("articleQuads", r.articleQuads());
        n.put("suggestedQuads", r.suggestedQuads());
        n.put("mentions", r.mentions());
        n.put("claims", r.claims());
        n.put("suggestions", r.suggestions());
        n.put("candidates", r.candidates());
        n.put("copiedTo", r.copiedTo());
        resp.setStatus(r.status() == IngestResult.Status.CREATED ? HttpServletResponse.SC_CREATED
                : HttpServletResponse.SC_OK);
        if (r.status() == IngestResult.Status.CREATED) {
            resp.setHeader("Location", r.articleIri());
        }
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write(JSON.writeValueAsBytes(n));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getMethod().equals("POST")) {
            resp.setHeader("Allow", "POST");
            ProblemWriter.text(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method Not Allowed: POST an article file.\n");
            return;
        }
        doPost(req, resp);
    }

    /** text/markdown or text/plain, in UTF-8 when a charset is named. */
    static boolean acceptable(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        String media = t.split(";", 2)[0];
        if (!media.equals("text/markdown") && !media.equals("text/plain") && !media.equals("text/x-markdown")) {
            return false;
        }
        Matcher m = Pattern.compile("charset=\"?([^\";]+)").matcher(t);
        return !m.find() || m.group(1).equals("utf-8") || m.group(1).equals("utf8");
    }

    private static String articleId(HttpServletRequest req) {
        String id = req.getParameter("id");
        if (id == null) {
            id = req.getHeader("Slug");
        }
        if (id == null && req.getHeader("Content-Disposition") != null) {
            Matcher m = FILENAME.matcher(req.getHeader("Content-Disposition"));
            id = m.find() ? m.group(1) : null;
        }
        if (id == null || id.isBlank()) {
            return null;
        }
        id = id.strip();
        return id.endsWith(".md") ? id.substring(0, id.length() - 3) : id;
    }

    /** The body, or null when it exceeds the limit. */
    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            if (out.size() > maxBytes) {
                return null;
            }
        }
        return out.toByteArray();
    }
}
