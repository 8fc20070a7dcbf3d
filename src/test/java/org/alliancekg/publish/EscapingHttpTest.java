package org.alliancekg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.alliancekg.serve.KgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data reaches the HTML pages escaped: the fixture's label, comment, quote and sentence hold {@code <script>},
 * {@code <img onerror>}, {@code <b>}, {@code &} and quotes; none of it may come out as markup.
 */
class EscapingHttpTest {

    @TempDir
    static Path dir;

    static KgServer server;

    @BeforeAll
    static void start() {
        server = PublishFixture.serve(dir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The markup of the fixture's literals, none of which may appear unescaped. */
    static final List<String> MARKUP = List.of("<script>alert", "<img src=x", "<b>attended", "<script>meeting");

    @Test
    void resourcePageEscapesLabelCommentAndSentence() {
        HttpResponse<String> r = Http.get(server.baseUrl() + "id/state/testland", "text/html");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String body = r.body();
        for (String m : MARKUP) {
            assertFalse(body.contains(m), "unescaped markup " + m + " in\n" + body);
        }
        assertTrue(body.contains("<h1>Testland &lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;</h1>"), body);
        assertTrue(body.contains("&lt;img src=x onerror=alert(1)&gt; &amp; more"), body);
        // the mention's sentence, with the anchor marked and the rest escaped
        assertTrue(body.contains("<mark>Testland</mark> &lt;b&gt;attended&lt;/b&gt; &amp; &quot;spoke&quot; at the "
                + "&lt;script&gt;meeting&lt;/script&gt;."), body);
        assertTrue(body.contains("href=\"http://www.wikidata.org/entity/Q1\""), body);
    }

    @Test
    void claimQuoteIsEscapedOnTheMeetingAndClaimPages() {
        for (String path : List.of("id/meeting/test-meeting", "id/claim/900-test-article/0123456789ab")) {
            HttpResponse<String> r = Http.get(server.baseUrl() + path, "text/html");
            assertEquals(200, r.statusCode(), r.body());
            for (String m : MARKUP) {
                assertFalse(r.body().contains(m), path + ": unescaped markup " + m);
            }
            if (path.startsWith("id/meeting")) {
                assertTrue(r.body().contains("Testland &lt;b&gt;attended&lt;/b&gt; &amp; &quot;spoke&quot;"), r.body());
            }
        }
    }

    @Test
    void claimPageSaysWhyTheTextIsMissingWhenItsHashDiffers() {
        HttpResponse<String> r = Http.get(server.baseUrl() + "id/claim/900-test-article/0123456789ab", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("class=\"warning\""), r.body());
        assertFalse(r.body().contains("<mark id=\"hl\">"), "no highlight on a text that is not the graph's");
    }
}
