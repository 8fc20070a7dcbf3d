package org.alliancekg.publish;

import org.alliancekg.text.FullTextSearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.alliancekg.serve.Templates;
import org.alliancekg.serve.HttpProblem;
import org.alliancekg.serve.ProblemWriter;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * The reconciliation service at {@code /reconcile}: the Reconciliation Service API of the W3C Entity
 * Reconciliation Community Group, versions 0.1 and 0.2, as OpenRefine speaks it.
 *
 * <ul>
 *   <li>{@code GET /reconcile} (no parameters) from a browser ({@code Accept} prefers HTML to JSON): a short page
 *       saying what the service is and how to add it to OpenRefine;</li>
 *   <li>{@code GET /reconcile} (no parameters) otherwise, or with {@code ?format=json}: the service manifest — name, {@code identifierSpace}
 *       {@value Iris#ID}, {@code schemaSpace} the akg namespace, {@code defaultTypes} (the akg classes of the
 *       individuals), {@code view} (the resource page of an id) and {@code preview};</li>
 *   <li>{@code queries={"q0":{"query":"Kishida","type":"...Person","limit":3,"properties":[...]}}} as a GET
 *       parameter or a POSTed form: a batch, answered as {@code {"q0":{"result":[{"id","name","score","match",
 *       "type":[{"id","name"}]}...]}}};</li>
 *   <li>{@code query=Kishida} or {@code query={"query":...}}: a single query, answered as {@code {"result":[...]}};</li>
 *   <li>{@code GET /reconcile/preview?id=person/fumio-kishida}: a small HTML card for OpenRefine's preview.</li>
 * </ul>
 *
 * <p>Ids are relative to the identifier space ({@code person/fumio-kishida}); types are class IRIs (a local name
 * or {@code akg:} name is accepted too). There is no JSONP: a {@code callback} parameter is ignored and the answer is
 * always {@code application/json}. Matching is {@link Reconciler}'s. Malformed JSON answers 400.
 */
final class ReconciliationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient Supplier<DatasetGraph> dataset;
    private final transient SiteLinks links;
    private transient volatile Reconciler reconciler;

    ReconciliationServlet(Supplier<DatasetGraph> dataset, SiteLinks links) {
        this.dataset = dataset;
        this.links = links;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        answer(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        answer(req, resp);
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String info = req.getPathInfo();
        if (info != null && !info.isEmpty() && !info.equals("/")) {
            if (info.equals("/preview")) {
                preview(req, resp);
            } else {
                ProblemWriter.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found\n");
            }
            return;
        }
        String queries = req.getParameter("queries");
        String single = req.getParameter("query");
        try {
            if (queries != null) {
                json(resp, batch(queries));
            } else if (single != null) {
                json(resp, single(single));
            } else if (wantsPage(req)) {
                page(req, resp);
            } else {
                json(resp, manifest(req));
            }
        } catch (HttpProblem e) {
            ProblemWriter.json(resp, e);
        }
    }

    private ObjectNode manifest(HttpServletRequest req) {
        String site = links.siteBase(req);
        ObjectNode m = JSON.createObjectNode();
        m.putArray("versions").add("0.1").add("0.2");
        m.put("name", "alliance-kg");
        m.put("identifierSpace", Iris.ID);
        m.put("schemaSpace", AKG.NS);
        ArrayNode types = m.putArray("defaultTypes");
        for (Reconciler.Type t : reconciler().defaultTypes()) {
            types.addObject().put("id", t.id()).put("name", t.name());
        }
        m.putObject("view").put("url", site + "id/{{id}}");
        m.putObject("preview").put("url", site + "reconcile/preview?id={{id}}").put("width", 430).put("height", 140);
        return m;
    }

    /**
     * Whether the request is a browser's: it prefers HTML to JSON ({@code Accept}) and does not ask for the manifest
     * by {@code ?format=json}. OpenRefine and other clients (no {@code Accept}, {@code *}{@code /*}, JSON) get JSON.
     */
    private static boolean wantsPage(HttpServletRequest req) {
        if ("json".equals(req.getParameter("format"))) {
            return false;
        }
        AcceptHeader accept = AcceptHeader.parse(req.getHeader("Accept"));
        return accept.quality("text/html") > accept.quality("application/json");
    }

    private record PageScope(String service, String identifierSpace, String schemaSpace, String manifest,
                             List<DescriptionPages.Link> types, String example, String preview) {
    }

    /** The short HTML page for browsers: what the service is, its address for OpenRefine, its types. */
    private void page(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String site = links.siteBase(req);
        List<DescriptionPages.Link> types = new ArrayList<>();
        for (Reconciler.Type t : reconciler().defaultTypes()) {
            types.add(new DescriptionPages.Link(t.name(), links.href(t.id()), null));
        }
        String content = Templates.render("reconcile", new PageScope(site + "reconcile", Iris.ID, AKG.NS,
                links.page("reconcile") + "?format=json", types, links.page("reconcile") + "?query=Kishida",
                links.page("reconcile/preview") + "?id=person/fumio-kishida"));
        byte[] body = PageLayout.page("Reconciliation service", links, "/reconcile", content)
                .getBytes(StandardCharsets.UTF_8);
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setHeader("Vary", "Accept");
        resp.setContentType("text/html; charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private ObjectNode batch(String text) {
        JsonNode root = parse(text, "queries");
        if (!root.isObject()) {
            throw HttpProblem.badRequest(
                    "queries: expected a JSON object of queries, e.g. {\"q0\":{\"query\":\"Japan\"}}");
        }
        ObjectNode out = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.set(e.getKey(), results(query(e.getValue(), "queries." + e.getKey())));
        }
        return out;
    }

    private ObjectNode single(String text) {
        String t = text.strip();
        if (t.startsWith("{")) {
            return results(query(parse(t, "query"), "query"));
        }
        return results(new Reconciler.Query(text, List.of(), 0, List.of()));
    }

    private static JsonNode parse(String text, String field) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw HttpProblem.badRequest(field + ": not JSON: " + e.getOriginalMessage() + " [line: "
                    + e.getLocation().getLineNr() + ", col: " + e.getLocation().getColumnNr() + "]");
        }
    }

    private static Reconciler.Query query(JsonNode q, String where) {
        if (!q.isObject() || !q.path("query").isTextual()) {
            throw HttpProblem.badRequest(where + ": expected an object with a \"query\" string");
        }
        List<String> types = new ArrayList<>();
        JsonNode type = q.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.isTextual()) {
                    throw HttpProblem.badRequest(where + ".type: expected a string or a list of strings");
                }
                types.add(t.asText());
            }
        } else if (!type.isMissingNode() && !type.isNull()) {
            throw HttpProblem.badRequest(where + ".type: expected a string or a list of strings");
        }
        JsonNode limit = q.path("limit");
        if (!limit.isMissingNode() && !limit.isNull() && !limit.canConvertToInt()) {
            throw HttpProblem.badRequest(where + ".limit: expected an integer");
        }
        List<Reconciler.PropertyValue> properties = new ArrayList<>();
        for (JsonNode p : q.path("properties")) {
            String pid = p.path("pid").asText(p.path("p").asText(null));
            JsonNode v = p.path("v");
            String value = v.isObject() ? v.path("id").asText(null) : v.isValueNode() ? v.asText() : null;
            if (pid != null && value != null) {
                properties.add(new Reconciler.PropertyValue(pid, value));
            }
        }
        return new Reconciler.Query(q.path("query").asText(), types, limit.asInt(0), properties);
    }

    /** Letters of each query word a name's word must begin with to be a candidate ("peoples" finds "People's"). */
    private static final int CANDIDATE_PREFIX = 4;
    /** The most candidates the text index hands over for ranking. */
    private static final int MAX_CANDIDATES = 10_000;

    private ObjectNode results(Reconciler.Query query) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode result = out.putArray("result");
        DatasetGraph dsg = dataset.get();
        // the full-text index picks the individuals with a word beginning as one of the query's; the reconciler ranks
        java.util.Set<String> among = FullTextSearch.hasIndex(dsg)
                ? new FullTextSearch(dsg).nameCandidates(query.text(), false, CANDIDATE_PREFIX, MAX_CANDIDATES) : null;
        for (Reconciler.Candidate c : reconciler().reconcile(query, among)) {
            ObjectNode r = result.addObject();
            r.put("id", c.id());
            r.put("name", c.name());
            r.put("score", c.score());
            r.put("match", c.match());
            ArrayNode types = r.putArray("type");
            for (Reconciler.Type t : c.types()) {
                types.addObject().put("id", t.id()).put("name", t.name());
            }
            if (c.description() != null) {
                r.put("description", c.description());
            }
        }
        return out;
    }

    private record PreviewScope(String name, String href, String id, List<Reconciler.Type> types,
                                String description) {
    }

    /** The preview card of an individual ({@code templates/reconcile-preview.mustache}). */
    private void preview(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getParameter("id");
        Optional<Reconciler.Candidate> c = id == null ? Optional.empty() : reconciler().lookup(id);
        if (c.isEmpty()) {
            ProblemWriter.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found: no individual with this id\n");
            return;
        }
        Reconciler.Candidate found = c.get();
        String html = Templates.render("reconcile-preview", new PreviewScope(found.name(),
                links.siteBase(req) + "id/" + found.id(), found.id(), found.types(), found.description()));
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/html; charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** The index, built on first use from the served dataset (which does not change while the server runs). */
    private Reconciler reconciler() {
        Reconciler r = reconciler;
        if (r == null) {
            synchronized (this) {
                r = reconciler;
                if (r == null) {
                    DatasetGraph dsg = dataset.get();
                    r = Txn.calculateRead(dsg, () -> Reconciler.index(dsg));
                    reconciler = r;
                }
            }
        }
        return r;
    }

    private static void json(HttpServletResponse resp, ObjectNode node) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        writeJson(resp, node);
    }

    private static void writeJson(HttpServletResponse resp, ObjectNode node) throws IOException {
        byte[] body = JSON.writeValueAsBytes(node);
        resp.setContentType("application/json; charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
