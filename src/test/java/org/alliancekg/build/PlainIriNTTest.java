package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.atlas.io.StringWriterI;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.junit.jupiter.api.Test;

/** The dumps' N-Triples IRI writer writes every term exactly as Jena's own formatter does. */
class PlainIriNTTest {

    private static final List<String> IRIS = List.of(
            "https://w3id.org/alliance-kg/id/state/japan",
            "https://w3id.org/alliance-kg/id/claim/000-a1b2#x?y=1&z=%20",
            "http://example.org/a b",
            "http://example.org/<tag>",
            "http://example.org/\"quoted\"",
            "http://example.org/{x}|y^z`w\\v",
            "http://example.org/tab\there",
            "http://example.org/Tōkyō",
            "http://example.org/\u007F",
            "urn:x:~!$'()*+,;=:@");

    @Test
    void everyIriIsWrittenAsJenaWritesIt() {
        for (String iri : IRIS) {
            Node n = NodeFactory.createURI(iri);
            assertEquals(write(new NodeFormatterNT(), n), write(new DumpWriter.PlainIriNT(), n), iri);
        }
    }

    @Test
    void onlyPrintableAsciiWithoutEscapesIsPlain() {
        assertTrue(DumpWriter.PlainIriNT.plain(IRIS.get(0)));
        assertTrue(DumpWriter.PlainIriNT.plain(IRIS.get(1)));
        for (String iri : IRIS.subList(2, 9)) {
            assertFalse(DumpWriter.PlainIriNT.plain(iri), iri);
        }
    }

    @Test
    void otherTermsAreUnchanged() {
        for (Node n : List.of(NodeFactory.createLiteralString("a \"b\"\n"), NodeFactory.createLiteralLang("x", "en"),
                NodeFactory.createBlankNode("b0"))) {
            assertEquals(write(new NodeFormatterNT(), n), write(new DumpWriter.PlainIriNT(), n), n.toString());
        }
    }

    private static String write(NodeFormatter f, Node n) {
        StringWriterI w = new StringWriterI();
        f.format(w, n);
        w.flush();
        return w.toString();
    }
}
