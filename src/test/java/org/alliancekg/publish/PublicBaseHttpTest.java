package org.alliancekg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.alliancekg.serve.KgServer;
import org.alliancekg.cli.ServerModules;
import org.alliancekg.serve.SiteNav;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment with its own public base ({@code https://kg.example.org/}) over the fixture: request paths still map
 * to the canonical IRIs, while links in pages and the absolute addresses of VoID, the service description and the
 * reconciliation manifest use the public base. The fixture database has no build dumps, so they are written from the
 * served data.
 */
class PublicBaseHttpTest {

    static final String PUBLIC = "https://kg.example.org/";

    @TempDir
    static Path dir;

    static KgServer server;

    @BeforeAll
    static void start() {
        server = PublishFixture.serve(dir, PUBLIC);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void pathsStillDescribeTheCanonicalIris() {
        HttpResponse<String> r = Http.get(server.baseUrl() + "id/state/otherland", "text/turtle");
        assertEquals(200, r.statusCode());
        Model m = Http.parse(r, server.baseUrl());
        assertTrue(m.containsResource(m.createResource(Iris.state("otherland"))), "canonical IRI described");
    }

    @Test
    void pagesLinkUnderThePublicBase() {
        String html = Http.get(server.baseUrl() + "id/meeting/test-meeting", "text/html").body();
        assertTrue(html.contains("href=\"" + PUBLIC + "id/state/testland\""), html);
        assertTrue(html.contains("href=\"" + PUBLIC + "id/meeting/test-meeting.ttl\""), html);
        assertTrue(html.contains("href=\"" + PUBLIC + "ontology#participant\""), html);
        assertFalse(html.contains("href=\"/"), "no root-relative links");
        for (SiteNav.Link link : SiteNav.links("kg")) {
            assertTrue(html.contains("<a href=\"" + PUBLIC + link.path().substring(1) + "\""), "site bar: " + link);
        }
    }

    @Test
    void absoluteAddressesUseThePublicBase() {
        Model v = Http.parse(Http.get(server.baseUrl() + "void", "text/turtle"), server.baseUrl());
        assertTrue(v.contains(v.createResource(VoidDescriber.DATASET), v.createProperty(Namespaces.VOID,
                "sparqlEndpoint"), v.createResource(PUBLIC + "kg/sparql")));
        Model sd = Http.parse(Http.get(server.sparqlUrl(), "text/turtle"), server.sparqlUrl());
        assertTrue(sd.contains(null, sd.createProperty(ServiceDescriber.SD, "endpoint"),
                sd.createResource(PUBLIC + "kg/sparql")));
        assertTrue(Http.get(server.baseUrl() + "reconcile", null).body()
                .contains("\"url\":\"" + PUBLIC + "id/{{id}}\""));
    }

    @Test
    void dumpsAreWrittenFromTheServedDataWhenTheBuildHasNone() throws IOException {
        HttpResponse<byte[]> r = Http.getBytes(server.baseUrl() + "dumps/alliance-kg.trig.gz");
        assertEquals(200, r.statusCode());
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(r.body()))).lang(Lang.TRIG).parse(dsg);
        DatasetGraph fixture = PublishFixture.inMemory();
        assertEquals(fixture.stream().count(), dsg.stream().count());
        fixture.stream().forEach(q -> assertTrue(dsg.contains(q), "missing " + q));
    }

    @Test
    void theFullServerOfTheCommandLinePublishesLinkedData(@TempDir Path other) throws Exception {
        KgServer full = PublishFixture.serve(other, PUBLIC, ServerModules.defaults());
        try {
            HttpResponse<String> r = Http.get(full.baseUrl() + "void", "text/turtle");
            assertEquals(200, r.statusCode(), "the modules of cli.ServerModules include linked data: " + r.body());
        } finally {
            full.stop();
        }
    }
}
