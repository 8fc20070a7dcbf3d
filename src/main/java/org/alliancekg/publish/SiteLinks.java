package org.alliancekg.publish;

import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.alliancekg.vocab.Iris;

/**
 * The mapping between the graph's IRIs and this server's addresses.
 *
 * <p>The data always uses the canonical base {@value Iris#BASE}; a request path maps to the IRI with the same path
 * under that base: {@code GET /id/state/japan} describes {@code <https://w3id.org/alliance-kg/id/state/japan>}, and
 * {@code /ontology} the ontology {@code <https://w3id.org/alliance-kg/ontology>}. Links in pages go the other way:
 * an IRI under the canonical base becomes a link to this server's page for it.
 *
 * <p>The <em>public base</em> is where the deployment's pages are reachable from outside. When it is the canonical
 * base (the default: {@code w3id.org} redirects there, or a local run), links are root-relative
 * ({@code /id/state/japan}), so they work on whatever host and port serve the page, and absolute addresses (the
 * SPARQL endpoint, dumps, the reconciliation view) are taken from the request. When it is the deployment's own base
 * ({@code https://kg.example.org/}, also behind a proxy under a path), links and addresses are made under it.
 *
 * <pre>{@code
 * SiteLinks links = new SiteLinks("https://kg.example.org/", "kg");
 * links.href("https://w3id.org/alliance-kg/id/state/japan");  // https://kg.example.org/id/state/japan
 * links.iriForPath("/id/state/japan");                          // https://w3id.org/alliance-kg/id/state/japan
 * }</pre>
 */
public final class SiteLinks {

    private final String publicBase;
    private final boolean canonical;
    private final String serviceName;

    /**
     * @param publicBase  the deployment's public base; {@value Iris#BASE} for the default behaviour
     * @param serviceName the SPARQL service the pages link to, e.g. {@code kg}
     */
    public SiteLinks(String publicBase, String serviceName) {
        Objects.requireNonNull(publicBase, "publicBase");
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        if (!publicBase.startsWith("http://") && !publicBase.startsWith("https://")) {
            throw new IllegalArgumentException("public base must be an http(s) IRI: " + publicBase);
        }
        this.publicBase = publicBase.endsWith("/") ? publicBase : publicBase + "/";
        this.canonical = this.publicBase.equals(Iris.BASE);
    }

    /** The public base, ending in {@code /}. */
    public String publicBase() {
        return publicBase;
    }

    /** The SPARQL service the pages link to, e.g. {@code kg} (its endpoint is {@code kg/sparql}). */
    public String serviceName() {
        return serviceName;
    }

    /** The canonical IRI for a request path relative to the server root ({@code /id/state/japan}). */
    public String iriForPath(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return Iris.BASE + p;
    }

    /** Whether an IRI is one of the graph's own (under the canonical base). */
    public static boolean isOwn(String iri) {
        return iri.startsWith(Iris.BASE);
    }

    /**
     * The link to an IRI in a page: this server's page for IRIs under the canonical base (root-relative or under the
     * public base), any other IRI unchanged.
     */
    public String href(String iri) {
        if (!isOwn(iri)) {
            return iri;
        }
        return page(iri.substring(Iris.BASE.length()));
    }

    /** The link to a path of this site ({@code void}, {@code kg/sparql}, {@code id/state/japan.ttl}). */
    public String page(String relativePath) {
        String p = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
        return canonical ? "/" + p : publicBase + p;
    }

    /**
     * The absolute base address of this site for a request: the public base if it is the deployment's own, else
     * scheme, host and port of the request (plus the servlet context path).
     */
    public String siteBase(HttpServletRequest req) {
        if (!canonical) {
            return publicBase;
        }
        StringBuilder sb = new StringBuilder();
        String scheme = req.getScheme();
        sb.append(scheme).append("://");
        String host = req.getServerName();
        sb.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        int port = req.getServerPort();
        if (!(scheme.equals("http") && port == 80) && !(scheme.equals("https") && port == 443)) {
            sb.append(':').append(port);
        }
        sb.append(req.getContextPath()).append('/');
        return sb.toString();
    }
}
