package org.alliancekg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.alliancekg.vocab.Iris;
import org.junit.jupiter.api.Test;

/** Request paths map to canonical IRIs; IRIs map to links under the public base. */
class SiteLinksTest {

    @Test
    void canonicalBaseGivesRootRelativeLinks() {
        SiteLinks links = new SiteLinks(Iris.BASE, "kg");
        assertEquals("/id/state/japan", links.href(Iris.state("japan")));
        assertEquals("/ontology#Meeting", links.href(Iris.ONTOLOGY + "Meeting"));
        assertEquals("/graph/entities", links.href(Iris.ENTITIES_GRAPH));
        assertEquals("http://www.wikidata.org/entity/Q17", links.href("http://www.wikidata.org/entity/Q17"));
        assertEquals("/void", links.page("void"));
    }

    @Test
    void ownBaseGivesAbsoluteLinksUnderIt() {
        SiteLinks links = new SiteLinks("https://kg.example.org/akg", "kg");
        assertEquals("https://kg.example.org/akg/", links.publicBase());
        assertEquals("https://kg.example.org/akg/id/state/japan", links.href(Iris.state("japan")));
        assertEquals("https://kg.example.org/akg/kg/sparql", links.page("/kg/sparql"));
    }

    @Test
    void pathsMapToCanonicalIris() {
        for (String base : new String[] {Iris.BASE, "http://localhost:3030/"}) {
            SiteLinks links = new SiteLinks(base, "kg");
            assertEquals(Iris.state("japan"), links.iriForPath("/id/state/japan"));
            assertEquals(Iris.BASE + "ontology", links.iriForPath("ontology"));
        }
    }

    @Test
    void publicBaseMustBeHttp() {
        assertThrows(IllegalArgumentException.class, () -> new SiteLinks("ftp://example.org/", "kg"));
    }
}
