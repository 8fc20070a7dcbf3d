package org.alliancekg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.alliancekg.serve.KgServer;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VoID, the SPARQL service description and the dumps, over HTTP against the server over the project's real build.
 * Every figure is compared with what the SPARQL endpoint counts in the same live data (the default graph is the
 * union of the named graphs); the service description is checked against the three tests of the W3C manifest
 * {@code service-description/manifest.ttl} (returns RDF, has a matching {@code sd:endpoint}, every
 * {@code sd:NamedGraph} has an {@code sd:name}) and the validator's best-practice typing.
 */
class DatasetDescriptionHttpTest {

    @TempDir
    static Path dbRoot;

    static KgServer server;
    static String base;

    static final String VOID = Namespaces.VOID;
    static final String SD = Namespaces.SD;

    @BeforeAll
    static void buildAndServe() {
        server = BuiltProject.serve(dbRoot);
        base = server.baseUrl();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // VoID
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void voidAtBothAddressesInEveryFormatIsTheSame() {
        Model reference = rdf(".well-known/void", "text/turtle");
        for (String path : List.of("void", ".well-known/void")) {
            for (Format f : Format.rdfOnly()) {
                assertTrue(reference.isIsomorphicWith(rdf(path, f.mediaType())), path + " as " + f.label());
            }
        }
        assertTrue(reference.isIsomorphicWith(rdf("void.jsonld", null)), "/void.jsonld");
        HttpResponse<String> html = Http.get(base + "void", LinkedDataHttpTest.BROWSER);
        assertEquals("text/html", LinkedDataHttpTest.mediaType(html));
        assertEquals(406, Http.get(base + "void", "image/png").statusCode());
    }

    @Test
    void voidFiguresMatchTheLiveCounts() {
        Model v = rdf("void", "text/turtle");
        Resource ds = v.createResource(VoidDescriber.DATASET);
        assertTrue(ds.hasProperty(RDF.type, v.createResource(VOID + "Dataset")));
        assertEquals(count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), number(ds, "triples"), "void:triples");
        ParameterizedSparqlString entities = new ParameterizedSparqlString(
                "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), ?space)) }");
        entities.setLiteral("space", Iris.ID);
        assertEquals(count(entities.toString()), number(ds, "entities"), "void:entities");
        assertEquals(count("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }"), number(ds, "classes"), "void:classes");
        assertEquals(count("SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }"), number(ds, "properties"));
        assertEquals(count("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }"), number(ds, "distinctSubjects"));
        assertEquals(count("SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }"), number(ds, "distinctObjects"));
        assertTrue(number(ds, "triples") > 1000, "the real build has thousands of triples");

        // one subset per named graph, with its own size
        Map<String, Long> graphs = grouped("SELECT ?k (COUNT(*) AS ?n) { GRAPH ?k { ?s ?p ?o } } GROUP BY ?k");
        assertTrue(graphs.size() >= 7, "ontology, entities and five article graphs: " + graphs.keySet());
        Map<String, Long> subsets = new TreeMap<>();
        for (RDFNode s : v.listObjectsOfProperty(ds, v.createProperty(VOID, "subset")).toList()) {
            if (s.asResource().hasProperty(RDF.type, v.createResource(VOID + "Dataset"))) {
                subsets.put(s.asResource().getURI(), number(s.asResource(), "triples"));
            }
        }
        assertEquals(new TreeMap<>(graphs), subsets, "void:subset per named graph with its triples");

        // partitions
        Map<String, Long> classes = grouped("SELECT ?k (COUNT(DISTINCT ?s) AS ?n) { ?s a ?k } GROUP BY ?k");
        Map<String, Long> classPartitions = new TreeMap<>();
        for (RDFNode p : v.listObjectsOfProperty(ds, v.createProperty(VOID, "classPartition")).toList()) {
            classPartitions.put(p.asResource().getPropertyResourceValue(v.createProperty(VOID, "class")).getURI(),
                    number(p.asResource(), "entities"));
        }
        assertEquals(new TreeMap<>(classes), classPartitions, "void:classPartition");

        // the endpoint, the dumps and the license
        assertEquals(server.sparqlUrl(), ds.getPropertyResourceValue(v.createProperty(VOID, "sparqlEndpoint")).getURI());
        Set<String> dumps = new TreeSet<>();
        v.listObjectsOfProperty(ds, v.createProperty(VOID, "dataDump")).forEach(d -> dumps.add(d.asResource().getURI()));
        assertEquals(Set.of(base + "dumps/alliance-kg.trig.gz", base + "dumps/alliance-kg.nq.gz"), dumps);
        for (String d : dumps) {
            assertEquals(200, Http.getBytes(d).statusCode(), d);
        }
        assertEquals("https://creativecommons.org/licenses/by/4.0/",
                ds.getPropertyResourceValue(DCTerms.license).getURI(), "the ontology's license");
        List<RDFNode> examples = v.listObjectsOfProperty(ds, v.createProperty(VOID, "exampleResource")).toList();
        assertFalse(examples.isEmpty());
        for (RDFNode e : examples) {
            String path = e.asResource().getURI().substring(Iris.BASE.length());
            assertEquals(200, Http.get(base + path, "text/turtle").statusCode(), "example " + path);
        }
        assertTrue(ds.hasProperty(v.createProperty(VOID, "vocabulary"), v.createResource(Namespaces.PROV)));
    }

    @Test
    void wikidataLinksetCountsTheSameAsLinks() {
        Model v = rdf("void", "text/turtle");
        Resource linkset = v.createResource(VoidDescriber.WIKIDATA_LINKSET);
        assertTrue(linkset.hasProperty(RDF.type, v.createResource(VOID + "Linkset")));
        assertTrue(linkset.hasProperty(v.createProperty(VOID, "linkPredicate"), OWL.sameAs));
        Resource target = linkset.getPropertyResourceValue(v.createProperty(VOID, "objectsTarget"));
        assertEquals(Namespaces.WD, target.getProperty(v.createProperty(VOID, "uriSpace")).getString());
        assertEquals(VoidDescriber.DATASET,
                linkset.getPropertyResourceValue(v.createProperty(VOID, "subjectsTarget")).getURI());
        ParameterizedSparqlString q = new ParameterizedSparqlString("SELECT (COUNT(*) AS ?n) "
                + "{ SELECT DISTINCT ?s ?o { ?s ?sameAs ?o FILTER(STRSTARTS(STR(?o), ?wd)) } }");
        q.setIri("sameAs", OWL.sameAs.getURI());
        q.setLiteral("wd", Namespaces.WD);
        long links = count(q.toString());
        assertTrue(links >= 5, "the catalogue links states and leaders to Wikidata: " + links);
        assertEquals(links, number(linkset, "triples"), "void:triples of the linkset");
        assertTrue(v.contains(v.createResource(VoidDescriber.DATASET), v.createProperty(VOID, "subset"), linkset));
    }

    // ---------------------------------------------------------------------------------------------------------
    // SPARQL 1.1 Service Description
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void serviceDescriptionPassesTheW3cTests() {
        for (String endpoint : List.of(server.sparqlUrl(), base + "kg/query")) {
            // returns-rdf: a GET on the endpoint itself, as the W3C validator sends it
            HttpResponse<String> r = Http.get(endpoint, "application/rdf+xml, text/turtle;q=0.9, */*;q=0.1");
            assertEquals(200, r.statusCode(), endpoint + ": " + r.body());
            Model sd = Http.parse(r, endpoint);
            // has-endpoint-triple
            List<Resource> services = sd.listSubjectsWithProperty(sd.createProperty(SD, "endpoint"),
                    sd.createResource(endpoint)).toList();
            assertEquals(1, services.size(), endpoint + ": ?service sd:endpoint <" + endpoint + ">");
            Resource service = services.get(0);
            // conforms-to-schema: every sd:NamedGraph has an sd:name
            List<Resource> named = sd.listSubjectsWithProperty(RDF.type, sd.createResource(SD + "NamedGraph")).toList();
            assertFalse(named.isEmpty());
            for (Resource n : named) {
                assertTrue(n.hasProperty(sd.createProperty(SD, "name")), endpoint + ": sd:NamedGraph without sd:name");
            }
            // best practice: typed service, dataset, graphs; a recognized language
            assertTrue(service.hasProperty(RDF.type, sd.createResource(SD + "Service")));
            assertTrue(service.hasProperty(sd.createProperty(SD, "supportedLanguage"),
                    sd.createResource(SD + "SPARQL11Query")));
            Resource dataset = service.getPropertyResourceValue(sd.createProperty(SD, "defaultDataset"));
            assertNotNull(dataset, "sd:defaultDataset");
            assertTrue(dataset.hasProperty(RDF.type, sd.createResource(SD + "Dataset")));
            for (RDFNode g : sd.listObjectsOfProperty(sd.createProperty(SD, "graph")).toList()) {
                assertTrue(g.asResource().hasProperty(RDF.type, sd.createResource(SD + "Graph")));
            }
        }
    }

    @Test
    void serviceDescriptionListsFeaturesFormatsAndEveryGraphWithLiveCounts() {
        Model sd = Http.parse(Http.get(server.sparqlUrl(), "text/turtle"), server.sparqlUrl());
        Resource service = sd.listSubjectsWithProperty(RDF.type, sd.createResource(SD + "Service")).next();
        assertTrue(service.hasProperty(sd.createProperty(SD, "feature"), sd.createResource(SD + "UnionDefaultGraph")));
        for (String f : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                "SPARQL_Results_TSV")) {
            assertTrue(service.hasProperty(sd.createProperty(SD, "resultFormat"),
                    sd.createResource("http://www.w3.org/ns/formats/" + f)), f);
        }
        Resource dataset = service.getPropertyResourceValue(sd.createProperty(SD, "defaultDataset"));
        Resource defaultGraph = dataset.getPropertyResourceValue(sd.createProperty(SD, "defaultGraph"));
        assertEquals(count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), number(defaultGraph, "triples"));
        Map<String, Long> graphs = grouped("SELECT ?k (COUNT(*) AS ?n) { GRAPH ?k { ?s ?p ?o } } GROUP BY ?k");
        Map<String, Long> described = new TreeMap<>();
        for (RDFNode n : sd.listObjectsOfProperty(dataset, sd.createProperty(SD, "namedGraph")).toList()) {
            Resource ng = n.asResource();
            described.put(ng.getPropertyResourceValue(sd.createProperty(SD, "name")).getURI(),
                    number(ng.getPropertyResourceValue(sd.createProperty(SD, "graph")), "triples"));
        }
        assertEquals(new TreeMap<>(graphs), described, "sd:namedGraph with sd:name and void:triples per graph");
    }

    @Test
    void serviceDescriptionLeavesQueriesToFuseki() {
        HttpResponse<String> ask = Http.get(server.sparqlUrl() + "?query=" + Http.enc("ASK { ?s ?p ?o }"),
                "application/sparql-results+json");
        assertEquals(200, ask.statusCode());
        assertTrue(ask.body().contains("\"boolean\""), ask.body());
        // a GET without query that asks for results, not RDF: Fuseki's client error, not a description
        HttpResponse<String> noQuery = Http.get(server.sparqlUrl(), "application/sparql-results+json");
        assertTrue(noQuery.statusCode() >= 400 && noQuery.statusCode() < 500, "status " + noQuery.statusCode());
        assertFalse(noQuery.body().contains("sparql-service-description"), noQuery.body());
        // ...unless the description is asked for by name
        HttpResponse<String> named = Http.get(server.sparqlUrl() + "?service-description=ttl",
                "application/sparql-results+json");
        assertEquals(200, named.statusCode());
        assertEquals("text/turtle", LinkedDataHttpTest.mediaType(named));
        assertEquals("text/html",
                LinkedDataHttpTest.mediaType(Http.get(server.sparqlUrl(), LinkedDataHttpTest.BROWSER)));
        assertEquals("text/turtle", LinkedDataHttpTest.mediaType(Http.get(server.sparqlUrl(), null)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Dumps
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void dumpsDownloadAndHoldEveryQuad() throws IOException {
        long quads = count("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
        for (String name : List.of("alliance-kg.trig.gz", "alliance-kg.nq.gz", "alliance-kg.trig", "alliance-kg.nq")) {
            HttpResponse<byte[]> r = Http.getBytes(base + "dumps/" + name);
            assertEquals(200, r.statusCode(), name);
            String type = r.headers().firstValue("Content-Type").orElse("");
            String expected = name.endsWith(".gz") ? "application/gzip"
                    : name.endsWith(".trig") ? "application/trig" : "application/n-quads";
            assertEquals(expected, type.split(";")[0], name);
            assertEquals("attachment; filename=\"" + name + "\"",
                    r.headers().firstValue("Content-Disposition").orElse(""), name);
            InputStream in = new ByteArrayInputStream(r.body());
            if (name.endsWith(".gz")) {
                in = new GZIPInputStream(in);
            }
            DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
            RDFParser.source(in).lang(name.contains(".trig") ? Lang.TRIG : Lang.NQUADS).parse(dsg);
            assertEquals(quads, dsg.stream().count(), name + ": quads");
        }
        assertEquals("*", Http.request("GET", base + "dumps/alliance-kg.nq.gz", Map.of("Origin", "https://x.example"))
                .headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    void noOtherFileIsReachableUnderDumps() {
        for (String path : List.of("dumps/", "dumps/alliance-kg.ttl", "dumps/../pom.xml", "dumps/%2e%2e/pom.xml",
                "dumps/..%2fpom.xml", "dumps/alliance-kg.trig.gz/../../pom.xml", "dumps/current/nodes.dat",
                "dumps/%2Fetc%2Fpasswd")) {
            HttpResponse<byte[]> r = Http.getBytes(base + path);
            assertNotEquals(200, r.statusCode(), path);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + ": " + r.statusCode());
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    static Model rdf(String path, String accept) {
        HttpResponse<String> r = Http.get(base + path, accept);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Http.parse(r, base + path);
    }

    static long number(Resource r, String voidProperty) {
        Property p = r.getModel().createProperty(VOID, voidProperty);
        assertTrue(r.hasProperty(p), r + " has no void:" + voidProperty);
        return r.getProperty(p).getLong();
    }

    static long count(String query) {
        try (QueryExecution qe = QueryExecutionHTTP.service(server.sparqlUrl()).query(query).build()) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    static Map<String, Long> grouped(String query) {
        Map<String, Long> out = new TreeMap<>();
        try (QueryExecution qe = QueryExecutionHTTP.service(server.sparqlUrl()).query(query).build()) {
            qe.execSelect().forEachRemaining((QuerySolution row) ->
                    out.put(row.getResource("k").getURI(), row.getLiteral("n").getLong()));
        }
        return out;
    }
}
