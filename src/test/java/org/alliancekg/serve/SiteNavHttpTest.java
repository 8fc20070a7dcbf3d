package org.alliancekg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancekg.cli.ServerModules;
import org.alliancekg.testkit.ProjectFixture;
import org.alliancekg.testkit.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every HTML page of the site (home page, resource, ontology, VoID and endpoint pages, explorer, timeline, query
 * editor) carries the one top bar of {@link SiteNav}: the same markup once its links are resolved against the page's
 * address, every link of {@link SiteNav#links(String)} in order, the page's own link marked current, the bar's style
 * sheet linked; every link of the bar answers, and so does every link of the home page (pages, dumps, exports,
 * endpoints, graphs). Over the project's real build with the default modules.
 */
class SiteNavHttpTest {

    /** The site pages, by path, with the bar link each marks as current ("" for none). */
    static final List<String[]> PAGES = List.of(
            new String[] {"/", "/"},
            new String[] {"/id/state/japan", ""},
            new String[] {"/id/meeting/scc-2022-01-06", ""},
            new String[] {"/graph/entities", ""},
            new String[] {"/ontology", "/ontology"},
            new String[] {"/void", "/void"},
            new String[] {"/kg/sparql", "/kg/sparql"},
            new String[] {"/explore", "/explore"},
            new String[] {"/timeline", "/timeline"},
            new String[] {"/query", "/query"},
            new String[] {"/search?q=Kishida", ""});

    static final Pattern BAR = Pattern.compile("<header class=\"site-bar\">.*?</header>", Pattern.DOTALL);
    static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\"[^>]*>([^<]*)</a>");
    static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]*site\\.css)\">");

    static KgServer server;
    static HttpClient http;
    static String base;

    @BeforeAll
    static void buildAndStart() {
        server = ProjectFixture.serve(ServerModules.defaults());
        http = HttpClient.newHttpClient();
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static HttpResponse<String> get(String url) {
        return TestHttp.send(http, HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
    }

    /** The page's one bar with its links resolved against the page's address and without the current mark. */
    static String resolvedBar(String path, String html) {
        Matcher bar = BAR.matcher(html);
        assertTrue(bar.find(), path + ": no site bar");
        String markup = bar.group();
        assertTrue(!bar.find(), path + ": two site bars");
        URI page = URI.create(base + path);
        Matcher a = Pattern.compile("(href|action)=\"([^\"]*)\"").matcher(markup.replace(" aria-current=\"page\"", ""));
        StringBuilder out = new StringBuilder();
        while (a.find()) {
            a.appendReplacement(out, Matcher.quoteReplacement(
                    a.group(1) + "=\"" + page.resolve(a.group(2).replace("&amp;", "&")) + "\""));
        }
        a.appendTail(out);
        return out.toString();
    }

    @Test
    void everyPageCarriesTheSameBarWithEveryLink() {
        List<SiteNav.Link> expected = SiteNav.links("kg");
        String first = null;
        for (String[] p : PAGES) {
            String path = p[0];
            HttpResponse<String> r = get(base + path);
            assertEquals(200, r.statusCode(), path);
            String html = r.body();

            String bar = resolvedBar(path, html);
            Matcher m = LINK.matcher(bar);
            List<String> links = new ArrayList<>();
            while (m.find()) {
                links.add(m.group(2) + " " + m.group(1));
            }
            List<String> wanted = expected.stream().map(l -> Templates.escape(l.label()) + " " + base + l.path()).toList();
            assertEquals(wanted, links, path + ": the bar's links");
            if (first == null) {
                first = bar;
            } else {
                assertEquals(first, bar, path + ": the same bar as on " + PAGES.get(0)[0]);
            }

            Matcher current = Pattern.compile("<a href=\"([^\"]*)\"[^>]* aria-current=\"page\">").matcher(html);
            List<String> marked = new ArrayList<>();
            while (current.find()) {
                marked.add(URI.create(base + path).resolve(current.group(1)).getPath());
            }
            assertEquals(p[1].isEmpty() ? List.of() : List.of(p[1]), marked, path + ": link marked current");

            Matcher css = STYLESHEET.matcher(html);
            assertTrue(css.find(), path + ": no link to the site style sheet");
            assertEquals(base + SiteNav.STYLESHEET, URI.create(base + path).resolve(css.group(1)).toString(), path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/explore", "/timeline", "/query", "/ontology", "/void", "/kg/sparql",
            "/reconcile", "/#" + SiteNav.DOWNLOADS_ANCHOR, SiteNav.STYLESHEET})
    void everyLinkOfTheBarAnswers(String path) {
        assertTrue(SiteNav.links("kg").stream().anyMatch(l -> l.path().equals(path))
                || path.equals(SiteNav.STYLESHEET), path + " is not in the bar");
        int hash = path.indexOf('#');
        HttpResponse<String> r = get(base + (hash < 0 ? path : path.substring(0, hash)));
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        if (hash >= 0) {
            assertTrue(r.body().contains(" id=\"" + path.substring(hash + 1) + "\""), path + ": no such anchor");
        }
    }

    @Test
    void theParameterisedListCoversTheBar() throws NoSuchMethodException {
        String[] tested = SiteNavHttpTest.class.getDeclaredMethod("everyLinkOfTheBarAnswers", String.class)
                .getAnnotation(ValueSource.class).strings();
        for (SiteNav.Link link : SiteNav.links("kg")) {
            assertTrue(List.of(tested).contains(link.path()), link.path() + " is not checked");
        }
    }

    @Test
    void everyLinkOfTheHomePageAnswers() {
        String html = get(base + "/").body();
        Matcher m = Pattern.compile("href=\"(/[^\"#]*)[\"#]").matcher(html);
        Set<String> paths = new TreeSet<>();
        while (m.find()) {
            String path = m.group(1).replace("&amp;", "&");
            if (!path.contains("?query=")) {
                paths.add(path);
            }
        }
        List<String> wanted = new ArrayList<>(List.of("/explore", "/timeline", "/query", "/ontology", "/void",
                "/reconcile", "/id/state/japan", "/dumps/alliance-kg.trig.gz", "/dumps/alliance-kg.nq.gz"));
        for (String ext : List.of("gexf", "graphml", "dot", "cyjs")) {
            wanted.add("/export/graph." + ext);
        }
        assertTrue(paths.containsAll(wanted), "missing: " + wanted.stream().filter(w -> !paths.contains(w)).toList());
        List<String> broken = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<String> r = get(base + path);
            if (r.statusCode() != 200) {
                broken.add(path + " " + r.statusCode());
            }
        }
        assertEquals(List.of(), broken, "links of the home page that do not answer 200");
    }

    @Test
    void relativeLinksResolveFromATopLevelPage() {
        URI explore = URI.create("http://example.org/explore");
        for (SiteNav.Link link : SiteNav.links("kg")) {
            assertEquals("http://example.org" + link.path(), explore.resolve(SiteNav.relative(link.path())).toString());
        }
    }
}
