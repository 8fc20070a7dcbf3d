package org.alliancekg.serve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TemplatesTest {

    record Row(String label) { }

    record Scope(String title, List<Row> rows) { }

    @Test
    void escapesValuesAndReadsRecordComponents() {
        String html = Templates.render("test-escape", new Scope("a < b & 'c'", List.of(new Row("\"x\""), new Row("y"))));
        assertEquals("<h1>a &lt; b &amp; &#39;c&#39;</h1><li>&quot;x&quot;</li><li>y</li>", html.strip());
    }

    @Test
    void aMissingTemplateIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Templates.render("no-such-page", new Scope("", List.of())));
        assertEquals("no template no-such-page.mustache", e.getMessage());
    }
}
