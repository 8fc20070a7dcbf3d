package org.alliancekg.serve.guard;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Adds two parts of the SPARQL 1.1 Graph Store Protocol that Fuseki lacks to a read-write graph store endpoint
 * (the scratch dataset's {@code /scratch/data}):
 *
 * <ul>
 *   <li><b>Direct graph identification</b> (§4.1): a request to {@code /scratch/data/any/path} acts on the graph
 *       whose IRI is that request URL, as {@code /scratch/data?graph=<URL>} would.</li>
 *   <li><b>Graph creation by POST</b> (§5.5): a POST of RDF to {@code /scratch/data} itself, naming no graph,
 *       stores it in a new graph {@code /scratch/data/<uuid>} and answers 201 Created with that IRI in
 *       {@code Location} (Fuseki would add it to the default graph).</li>
 * </ul>
 */
final class GraphStoreFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final String endpoint;

    /** A filter for the graph store at {@code endpoint}, a path such as {@code /scratch/data}. */
    GraphStoreFilter(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.startsWith(endpoint + "/") && path.length() > endpoint.length() + 1) {
            String graph = req.getRequestURL().toString();
            chain.doFilter(new GraphRequest(req, endpoint, graph), resp);
            return;
        }
        if (path.equals(endpoint) && req.getMethod().equals("POST") && req.getParameter("graph") == null
                && req.getParameter("default") == null && isTriples(req.getContentType())) {
            String graph = req.getRequestURL() + "/" + UUID.randomUUID();
                resp.setHeader("Location", graph);
            chain.doFilter(new GraphRequest(req, endpoint, graph), new HttpServletResponseWrapper(resp) {
                @Override
                public void setStatus(int sc) {
                    if (sc == SC_OK || sc == SC_NO_CONTENT || sc == SC_CREATED) {
                        super.setStatus(SC_CREATED);
                    } else {
                        super.setHeader("Location", null);
                        super.setStatus(sc);
                    }
                }

                @Override
                public void sendError(int sc, String msg) throws IOException {
                    super.setHeader("Location", null);
                    super.sendError(sc, msg);
                }

                @Override
                public void sendError(int sc) throws IOException {
                    super.setHeader("Location", null);
                    super.sendError(sc);
                }
            });
            return;
        }
        chain.doFilter(req, resp);
    }

    /** Whether a content type names an RDF syntax for triples (not quads, not a form). */
    static boolean isTriples(String contentType) {
        if (contentType == null) {
            return false;
        }
        org.apache.jena.riot.Lang lang = org.apache.jena.riot.RDFLanguages.contentTypeToLang(
                contentType.split(";")[0].strip());
        return lang != null && org.apache.jena.riot.RDFLanguages.isTriples(lang);
    }

    /** The request as one to {@code endpoint?graph=<graph>}. */
    static final class GraphRequest extends HttpServletRequestWrapper {
        private final String endpoint;
        private final String graph;
        private final Map<String, String[]> parameters;

        GraphRequest(HttpServletRequest req, String endpoint, String graph) {
            super(req);
            this.endpoint = endpoint;
            this.graph = graph;
            Map<String, String[]> p = new LinkedHashMap<>(req.getParameterMap());
            p.remove("default");
            p.put("graph", new String[] {graph});
            this.parameters = Collections.unmodifiableMap(p);
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + endpoint;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            String uri = super.getRequestURI();
            return new StringBuffer(url.substring(0, url.length() - uri.length()) + getRequestURI());
        }

        @Override
        public String getServletPath() {
            return endpoint;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getQueryString() {
            return "graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8);
        }

        @Override
        public String getParameter(String name) {
            String[] v = parameters.get(name);
            return v == null ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] v = parameters.get(name);
            return v == null ? null : v.clone();
        }
    }
}
