package org.alliancekg.conformance;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The W3C SPARQL 1.1 test manifests (Turtle, read with Jena): protocol and graph-store tests as sequences of HTTP
 * exchanges, service-description tests by name. Every resource typed {@code mf:ProtocolTest},
 * {@code mf:GraphStoreProtocolTest} or {@code mf:ServiceDescriptionTest} in a manifest (and the manifests it
 * {@code mf:include}s) is a test, in {@code mf:entries} order, then any not listed there.
 */
final class W3cManifest {

    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final String HT = "http://www.w3.org/2011/http#";
    static final String HTS = "http://www.w3.org/2011/http-statusCodes#";
    static final String CNT = "http://www.w3.org/2011/content#";
    static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";

    private W3cManifest() {
    }

    /** A header of a request or an expected response. */
    record Header(String name, String value) {
    }

    /** A text body in a given character encoding. */
    record Body(String text, Charset encoding) {
        byte[] bytes() {
            return text.getBytes(encoding);
        }
    }

    /** What a response must be like. */
    record Expect(Set<String> statuses, Optional<String> format, Optional<Boolean> bool, List<Header> headers,
                  Optional<Body> body, Optional<String> locationVariable) {
    }

    /** One HTTP request of a test and the response it expects. */
    record Exchange(String method, String path, List<Header> headers, Optional<Body> body, Expect expect) {
        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
        }
    }

    /** Data a test loads first: a file into the named graph {@code name}. */
    record GraphData(Path file, String name) {
    }

    /** A test: its local name, title, required features, data and exchanges. */
    record TestCase(String suite, String id, String name, List<String> requires, List<GraphData> data,
                    List<Exchange> exchanges, boolean listed) {
        @Override
        public String toString() {
            return id;
        }
    }

    /** The tests of a manifest file and the manifests it includes. */
    static List<TestCase> read(String suite, Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalStateException("no W3C manifest at " + manifest.toAbsolutePath().normalize());
        }
        Model m = RDFDataMgr.loadModel(manifest.toUri().toString());
        List<TestCase> tests = new ArrayList<>();
        Resource root = m.listSubjectsWithProperty(RDF.type, m.createResource(MF + "Manifest")).nextOptional()
                .orElseThrow(() -> new IllegalStateException(manifest + ": no mf:Manifest"));
        Statement include = root.getProperty(p(m, MF, "include"));
        if (include != null) {
            for (RDFNode n : include.getObject().as(RDFList.class).asJavaList()) {
                Path included = Path.of(java.net.URI.create(n.asResource().getURI()));
                tests.addAll(read(suite, included));
            }
        }
        Map<Resource, Boolean> found = new LinkedHashMap<>();
        Statement entries = root.getProperty(p(m, MF, "entries"));
        if (entries != null) {
            entries.getObject().as(RDFList.class).asJavaList().forEach(n -> found.put(n.asResource(), true));
        }
        for (String type : List.of("ProtocolTest", "GraphStoreProtocolTest", "ServiceDescriptionTest")) {
            m.listSubjectsWithProperty(RDF.type, m.createResource(MF + type)).toList().stream()
                    .sorted((a, b) -> a.getURI().compareTo(b.getURI()))
                    .forEach(r -> found.putIfAbsent(r, false));
        }
        found.forEach((r, listed) -> tests.add(test(suite, m, r, manifest, listed)));
        return tests;
    }

    private static TestCase test(String suite, Model m, Resource t, Path manifest, boolean listed) {
        String id = t.getLocalName();
        String name = string(t, p(m, MF, "name")).orElse(id);
        List<String> requires = t.listProperties(p(m, MF, "requires")).mapWith(s -> s.getResource().getLocalName())
                .toList();
        List<GraphData> data = new ArrayList<>();
        for (Statement s : t.listProperties(p(m, UT, "graphData")).toList()) {
            Resource gd = s.getResource();
            String file = gd.getPropertyResourceValue(p(m, UT, "graph")).getURI();
            data.add(new GraphData(Path.of(java.net.URI.create(file)), string(gd, RDFS.label).orElseThrow()));
        }
        List<Exchange> exchanges = new ArrayList<>();
        Resource action = t.getPropertyResourceValue(p(m, MF, "action"));
        if (action != null) {
            Resource requests = action.getPropertyResourceValue(p(m, HT, "requests"));
            for (RDFNode n : requests.as(RDFList.class).asJavaList()) {
                exchanges.add(exchange(m, n.asResource()));
            }
        }
        return new TestCase(suite, id, name, requires, data, exchanges, listed);
    }

    private static Exchange exchange(Model m, Resource req) {
        String method = string(req, p(m, HT, "methodName")).orElseThrow();
        String path = string(req, p(m, HT, "absolutePath")).orElseThrow();
        Resource resp = req.getPropertyResourceValue(p(m, HT, "resp"));
        Set<String> statuses = new TreeSet<>();
        resp.listProperties(p(m, MF, "expectedStatus")).forEachRemaining(s -> statuses.add(s.getResource().getURI()));
        Optional<Boolean> bool = Optional.ofNullable(resp.getProperty(p(m, MF, "expectedBoolean")))
                .map(Statement::getBoolean);
        Expect expect = new Expect(statuses, string(resp, p(m, MF, "expectedFormat")), bool, headers(m, resp),
                body(m, resp), string(resp, p(m, MF, "expectedLocation")));
        return new Exchange(method, path, headers(m, req), body(m, req), expect);
    }

    private static List<Header> headers(Model m, Resource r) {
        Resource list = r.getPropertyResourceValue(p(m, HT, "headers"));
        if (list == null) {
            return List.of();
        }
        return list.as(RDFList.class).asJavaList().stream().map(RDFNode::asResource)
                .map(h -> new Header(string(h, p(m, HT, "fieldName")).orElseThrow(),
                        string(h, p(m, HT, "fieldValue")).orElseThrow()))
                .toList();
    }

    private static Optional<Body> body(Model m, Resource r) {
        Resource b = r.getPropertyResourceValue(p(m, HT, "body"));
        if (b == null) {
            return Optional.empty();
        }
        String chars = string(b, p(m, CNT, "chars")).orElse("");
        Charset cs = Charset.forName(string(b, p(m, CNT, "characterEncoding")).orElse("UTF-8"));
        return Optional.of(new Body(chars, cs));
    }

    private static Optional<String> string(Resource r, Property p) {
        Statement s = r.getProperty(p);
        return s == null ? Optional.empty() : Optional.of(s.getObject().isLiteral() ? s.getString()
                : s.getResource().toString());
    }

    private static Property p(Model m, String ns, String local) {
        return m.createProperty(ns, local);
    }
}
