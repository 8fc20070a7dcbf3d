package org.alliancekg.serve;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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
    void escapesAllFiveCharactersAndNothingElse() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; co&lt;/a&gt; = \n", Templates.escape("<a href=\"x\">O'Brien & co</a> = \n"));
        assertEquals("", Templates.escape(null));
    }

    @Test
    void rendersAFileNamedByItsClassPathName() {
        String html = Templates.renderResource("explore/test-page.html",
                Map.of("value", "O'Brien <b>", "bar", "<nav>bar</nav>"));
        assertEquals("<p title=\"O&#39;Brien &lt;b&gt;\">O&#39;Brien &lt;b&gt;</p>\n<nav>bar</nav>", html.strip());
    }

    @Test
    void aMissingTemplateIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Templates.render("no-such-page", new Scope("", List.of())));
        assertEquals("no template no-such-page.mustache", e.getMessage());
    }
}
