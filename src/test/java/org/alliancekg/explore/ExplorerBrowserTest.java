package org.alliancekg.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.net.URLDecoder;
import java.util.List;
import java.util.logging.Level;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.alliancekg.testkit.HeadlessChromium;
import org.alliancekg.testkit.SiteInBrowser;
import org.alliancekg.cli.ServerModules;
import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.apache.jena.query.ParameterizedSparqlString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The pages in headless Chromium (Selenium with ChromeDriver), against the real server on a free port serving the
 * project built into a temporary database: {@code /explore} searches "Kishida", shows the neighbourhood, expands a
 * node by double-clicking it, filters, and opens the resource page; a resource page's explore link opens
 * {@code /explore?iri=} on its entity; {@code /timeline} and {@code /query} load with
 * their content. The node and edge counts the page renders are compared with counts of SPARQL queries sent to the
 * server. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Chromium and ChromeDriver are found on the {@code PATH} ({@code .ci/run} installs Debian's {@code chromium} and
 * {@code chromium-driver} when missing), or at the paths of the system properties {@code akg.chromium} and
 * {@code akg.chromedriver}; without them the test fails with one line naming the packages to install
 * ({@link ExternalTool}). The driver is given explicitly, so Selenium Manager never downloads anything.
 */
class ExplorerBrowserTest {

    static final String ID = "https://w3id.org/alliance-kg/id/";
    static final String KISHIDA = ID + "person/fumio-kishida";

    @TempDir
    static Path tmp;

    static KgServer server;
    static ChromeDriver browser;
    static HeadlessChromium chromium;
    static SiteInBrowser site;

    @BeforeAll
    static void start() throws IOException {
        site = SiteInBrowser.open(tmp);
        server = site.server();
        chromium = site.chromium();
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    // ---- helpers ----

    static Object js(String script, Object... args) {
        return chromium.js(script, args);
    }

    static void waitFor(String what, String condition, Object... args) {
        chromium.waitFor(what, condition, args);
    }

    static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    static String url(String path) {
        return server.baseUrl() + path;
    }

    /**
     * The nodes and edges the explorer draws: once Cytoscape's style has caught up with the filters (elements not
     * filtered out are exactly the {@code :visible} ones), their numbers.
     */
    static int[] rendered() {
        String counts = "[cy.nodes().not('.hidden').length, cy.edges().not('.hidden').length,"
                + " cy.nodes(':visible').length, cy.edges(':visible').length]";
        waitFor("the drawing to follow the filters: " + js("return " + counts + ";"),
                "(function (c) { return c[0] === c[2] && c[1] === c[3]; })(" + counts + ")");
        @SuppressWarnings("unchecked")
        List<Number> n = (List<Number>) js("return " + counts + ";");
        return new int[] {n.get(2).intValue(), n.get(3).intValue()};
    }

    /** The distinct nodes and edges around the centres, asked of the server's SPARQL endpoint. */
    static int[] neighbourhoodCounts(List<String> centres) throws Exception {
        Set<String> nodes = new TreeSet<>(centres);
        Set<String> edges = new TreeSet<>();
        String text = new String(ExplorerBrowserTest.class.getClassLoader()
                .getResourceAsStream("explore/neighbourhood.rq").readAllBytes(), StandardCharsets.UTF_8);
        for (String centre : centres) {
            ParameterizedSparqlString q = new ParameterizedSparqlString(text);
            q.setIri("centre", centre);
            for (JsonNode row : select(q.toString())) {
                nodes.add(row.path("other").path("value").asText());
                edges.add(row.path("s").path("value").asText() + " " + row.path("p").path("value").asText() + " "
                        + row.path("o").path("value").asText());
            }
        }
        return new int[] {nodes.size(), edges.size()};
    }

    static JsonNode select(String query) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body()).path("results").path("bindings");
    }

    /** Double-clicks a node of the graph where it is drawn. */
    static void doubleClickNode(String id) {
        @SuppressWarnings("unchecked")
        Map<String, Number> p = (Map<String, Number>) js(
                "var p = cy.getElementById(arguments[0]).renderedPosition(); return {x: p.x, y: p.y};", id);
        WebElement canvas = browser.findElement(By.id("cy"));
        Rectangle r = canvas.getRect();
        new Actions(browser).moveToElement(canvas, (int) Math.round(p.get("x").doubleValue() - r.getWidth() / 2.0),
                (int) Math.round(p.get("y").doubleValue() - r.getHeight() / 2.0)).doubleClick().perform();
    }

    /** Clicks the graph where a node is drawn. */
    static void clickElement(String id) {
        @SuppressWarnings("unchecked")
        Map<String, Number> p = (Map<String, Number>) js(
                "var p = cy.getElementById(arguments[0]).renderedPosition(); return {x: p.x, y: p.y};", id);
        clickAt(p.get("x").doubleValue(), p.get("y").doubleValue());
    }

    /** Clicks the graph at a rendered position. */
    static void clickAt(double x, double y) {
        WebElement canvas = browser.findElement(By.id("cy"));
        Rectangle r = canvas.getRect();
        new Actions(browser).moveToElement(canvas, (int) Math.round(x - r.getWidth() / 2.0),
                (int) Math.round(y - r.getHeight() / 2.0)).click().perform();
    }

    /**
     * The node of highest degree in the whole graph that is not expanded yet and that no other node or label
     * covers, or null.
     */
    static final String CLEAR_NODE = """
            var nodes = cy.nodes(':visible');
            for (var n of nodes.filter(n => !n.hasClass('expanded')).sort((a, b) => b.data('degree') - a.data('degree')
                || a.id().localeCompare(b.id()))) {
              var p = n.renderedPosition();
              if (p.x < 20 || p.y < 20 || p.x > cy.width() - 20 || p.y > cy.height() - 20) { continue; }
              if (nodes.some(o => o !== n && (function (bb) {
                return p.x > bb.x1 - 4 && p.x < bb.x2 + 4 && p.y > bb.y1 - 4 && p.y < bb.y2 + 4;
              })(o.renderedBoundingBox({ includeLabels: true })))) { continue; }
              return n.id();
            }
            return null;
            """;

    /**
     * A point on a straight edge with several claims, all from articles, at least 12 px from every other edge and
     * outside every node and its label ({@code {id, x, y}} in rendered pixels), or null.
     */
    static final String CLEAR_EDGE_POINT = """
            var seg = function (p, a, b) {
              var dx = b.x - a.x, dy = b.y - a.y, l = dx * dx + dy * dy;
              var t = l ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l)) : 0;
              return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
            };
            var edges = cy.edges(':visible');
            var boxes = cy.nodes(':visible').map(n => n.renderedBoundingBox({ includeLabels: true }));
            var w = cy.width(), h = cy.height();
            for (var e of edges.filter(e => e.data('weight') > 1 && e.data('evidence_articles').every(a => a)
                && e.parallelEdges().length === 1).sort((a, b) => b.data('weight') - a.data('weight'))) {
              var a = e.source().renderedPosition(), b = e.target().renderedPosition();
              for (var t of [0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.2]) {
                var p = { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
                if (p.x < 10 || p.y < 10 || p.x > w - 10 || p.y > h - 10) { continue; }
                if (boxes.some(bb => p.x > bb.x1 - 4 && p.x < bb.x2 + 4 && p.y > bb.y1 - 4 && p.y < bb.y2 + 4)) { continue; }
                if (edges.some(o => o !== e && seg(p, o.source().renderedPosition(), o.target().renderedPosition()) < 12)) {
                  continue;
                }
                return { id: e.id(), x: p.x, y: p.y };
              }
            }
            return null;
            """;

    /** The console errors (and failed loads) since the last call; reading the log empties it. */
    static List<String> consoleErrors() {
        return chromium.consoleErrors();
    }

    /** Every address this page loaded or links as a script, style sheet, image or frame that is not this server. */
    @SuppressWarnings("unchecked")
    static List<String> outsideRequests() {
        return chromium.outside(server.baseUrl());
    }

    /** The page loaded nothing from elsewhere and logged no error. */
    static void assertCleanPage(String page) {
        assertEquals(List.of(), outsideRequests(), "requests outside the server from " + page);
        assertEquals(List.of(), consoleErrors(), "console errors on " + page);
    }

    /** Whether the element is entirely inside the browser window and inside the explorer's side bar. */
    static boolean inView(String selector) {
        return Boolean.TRUE.equals(js("var r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + " var s = document.querySelector('.side').getBoundingClientRect();"
                + " return r.height > 0 && r.top >= Math.max(0, s.top) && r.bottom <= Math.min(innerHeight, s.bottom);",
                selector));
    }

    static void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    static String focused() {
        return (String) js("var e = document.activeElement; return e.tagName + (e.id ? '#' + e.id : '')"
                + " + (e.dataset.iri ? '[' + e.dataset.iri + ']' : '');");
    }

    // ---- tests ----

    @Test
    void exploreSearchesExpandsFiltersAndOpensTheResourcePage() throws Exception {
        browser.get(url("explore"));
        waitFor("the explorer starts", "window.cy && document.querySelectorAll('#class-filters input').length > 0");
        screenshot("explore-start");

        browser.findElement(By.id("search")).sendKeys("Kishida");
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        waitFor("search results", "document.querySelector('#results button.result')");
        WebElement first = browser.findElement(By.cssSelector("#results button.result"));
        assertEquals(KISHIDA, first.getAttribute("data-iri"), "best hit for Kishida");
        assertTrue(first.getText().contains("Fumio Kishida"), first.getText());
        first.click();
        waitFor("Kishida's neighbourhood", "cy.nodes().length > 1 && cy.getElementById('person/fumio-kishida').hasClass('expanded')");
        int[] shown = rendered();
        int[] expected = neighbourhoodCounts(List.of(KISHIDA));
        assertEquals(expected[0], shown[0], "nodes around Kishida");
        assertEquals(expected[1], shown[1], "edges around Kishida");
        assertTrue(browser.findElement(By.id("counts")).getText().startsWith(shown[0] + " nodes, " + shown[1] + " edges"),
                browser.findElement(By.id("counts")).getText());
        assertEquals("/id/person/fumio-kishida", browser.findElement(By.id("open-page")).getAttribute("href")
                .replace(server.baseUrl().replaceAll("/$", ""), ""));
        screenshot("explore-kishida");

        // expand the neighbour that adds the most nodes (by SPARQL), by double-clicking it
        @SuppressWarnings("unchecked")
        List<String> neighbours = (List<String>) js("return cy.nodes().filter(n => !n.hasClass('expanded'))"
                + ".map(n => n.id()).sort();");
        String neighbour = null;
        int[] around = null;
        for (String id : neighbours) {
            String iri = (String) js("return cy.getElementById(arguments[0]).data('iri');", id);
            int[] counts = neighbourhoodCounts(List.of(KISHIDA, iri));
            if (around == null || counts[0] > around[0]) {
                neighbour = id;
                around = counts;
            }
        }
        assertTrue(around[0] > shown[0], "expanding " + neighbour + " must add nodes: " + around[0]);
        doubleClickNode(neighbour);
        waitFor("expansion of " + neighbour, "cy.getElementById(arguments[0]).hasClass('expanded') && cy.nodes().length == arguments[1]",
                neighbour, around[0]);
        shown = rendered();
        assertEquals(around[0], shown[0], "nodes after expanding " + neighbour);
        assertEquals(around[1], shown[1], "edges after expanding " + neighbour);
        js("cy.getElementById(arguments[0]).emit('tap');", neighbour);
        screenshot("explore-expanded");

        // filters: a class, then a date range
        long persons = (Long) js("return cy.nodes().filter(n => n.data('class') === 'Person').length;");
        assertTrue(persons > 0);
        browser.findElement(By.cssSelector("#class-filters input[value=Person]")).click();
        int[] withoutPersons = rendered();
        assertEquals(shown[0] - persons, withoutPersons[0], "Person nodes filtered out");
        long personEdges = (Long) js("return cy.edges().filter(e => e.source().data('class') === 'Person' "
                + "|| e.target().data('class') === 'Person').length;");
        assertEquals(shown[1] - personEdges, withoutPersons[1], "edges of Person nodes filtered out");
        browser.findElement(By.cssSelector("#class-filters input[value=Person]")).click();
        assertEquals(shown[0], rendered()[0]);

        js("var i = document.getElementById('date-to'); i.value = '2022-06-30'; i.dispatchEvent(new Event('change'));");
        long later = (Long) js("return cy.nodes().filter(n => n.data('date_first') && n.data('date_first') > '2022-06-30').length;");
        assertTrue(later > 0, "a node dated after mid-2022 in the view");
        assertEquals(shown[0] - later, rendered()[0], "nodes dated after the range filtered out");
        screenshot("explore-filtered");
        browser.findElement(By.id("date-clear")).click();
        assertEquals(shown[0], rendered()[0]);

        // the resource page of the selected node
        js("cy.getElementById('person/fumio-kishida').emit('tap');");
        WebElement open = browser.findElement(By.id("open-page"));
        open.click();
        waitFor("the resource page", "location.pathname === '/id/person/fumio-kishida' && document.readyState === 'complete'");
        assertTrue(browser.getPageSource().contains("Fumio Kishida"), "the resource page names Kishida");
        screenshot("resource-page-kishida");
    }

    @Test
    void edgeDetailsShowTheEvidence() throws Exception {
        browser.get(url("explore?iri=" + java.net.URLEncoder.encode(KISHIDA, StandardCharsets.UTF_8)));
        waitFor("Kishida's neighbourhood", "window.cy && cy.getElementById('person/fumio-kishida').hasClass('expanded')");
        String edge = "person/fumio-kishida holdsPosition position/jp-prime-minister";
        js("cy.getElementById(arguments[0]).emit('tap');", edge);
        waitFor("evidence", "document.querySelectorAll('#details .evidence blockquote').length > 0");
        long weight = (Long) js("return cy.getElementById(arguments[0]).data('weight');", edge);
        List<WebElement> quotes = browser.findElements(By.cssSelector("#details .evidence blockquote"));
        assertEquals(weight, quotes.size(), "one quote per claim");
        JsonNode claims = select("PREFIX akg: <https://w3id.org/alliance-kg/ontology#>\n"
                + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
                + "SELECT ?quote { ?c a akg:Claim ; rdf:subject <" + KISHIDA + "> ; rdf:predicate akg:holdsPosition ;"
                + " rdf:object <" + ID + "position/jp-prime-minister> ; akg:quote ?quote }");
        List<String> expected = new ArrayList<>();
        claims.forEach(b -> expected.add(b.path("quote").path("value").asText()));
        List<String> actual = quotes.stream().map(WebElement::getText).toList();
        assertEquals(new TreeSet<>(expected), new TreeSet<>(actual));
        screenshot("explore-evidence");
    }

    @Test
    void theResourcePageOpensTheExplorerOnItsEntity() throws Exception {
        String japan = ID + "state/japan";
        browser.get(url("id/state/japan"));
        waitFor("the resource page", "document.getElementById('explore-link')");
        browser.findElement(By.id("explore-link")).click();
        waitFor("Japan's neighbourhood in the explorer", "location.pathname === '/explore' && window.cy"
                + " && cy.getElementById('state/japan').hasClass('expanded')");
        assertEquals(japan, js("return new URLSearchParams(location.search).get('iri');"));
        int[] shown = rendered();
        int[] expected = neighbourhoodCounts(List.of(japan));
        assertEquals(expected[0], shown[0], "nodes around Japan");
        assertEquals(expected[1], shown[1], "edges around Japan");
        waitFor("Japan's details", "document.querySelector('#details h2')"
                + " && document.querySelector('#details h2').textContent === 'Japan'");
        screenshot("explore-from-resource-page");
    }

    @Test
    void timelineListsTheDatedMeetingsAndDocuments() throws Exception {
        consoleErrors();
        browser.get(url("timeline"));
        waitFor("the timeline", "document.body.dataset.items");
        JsonNode dated = select("PREFIX akg: <https://w3id.org/alliance-kg/ontology#>\n"
                + "SELECT (COUNT(DISTINCT ?x) AS ?n) { VALUES ?c { akg:Meeting akg:StrategyDocument } ?x a ?c ; akg:date ?d }");
        int expected = dated.get(0).path("n").path("value").asInt();
        assertTrue(expected > 5, "dated meetings and documents: " + expected);
        assertEquals(String.valueOf(expected), browser.findElement(By.tagName("body")).getAttribute("data-items"));
        assertEquals(expected, browser.findElements(By.cssSelector("#years li.item")).size(), "one list entry each");
        assertEquals(expected, browser.findElements(By.cssSelector("svg.timeline a.item circle")).size(), "one dot each");
        assertTrue(browser.findElement(By.id("years")).getText().contains("2022-01-06"), "the SCC of 2022-01-06");
        @SuppressWarnings("unchecked")
        List<String> wrapped = (List<String>) js("return Array.from(document.querySelectorAll('#years .when'))"
                + ".filter(w => w.getClientRects().length !== 1 || w.getBoundingClientRect().height"
                + "   > 1.5 * parseFloat(getComputedStyle(w).lineHeight)).map(w => w.textContent);");
        assertEquals(List.of(), wrapped, "dates on more than one line");
        assertTrue((Boolean) js("return Array.from(document.querySelectorAll('#years .when')).some(w => w.textContent.includes('–'));"),
                "a date range in the list");
        assertCleanPage("the timeline");
        screenshot("timeline");
    }

    @Test
    void queryPageOpensTheCompetencyQuestionsAndRunsThem() throws Exception {
        browser.get(url("query"));
        waitFor("the query editor with the competency questions", "window.yasgui && document.body.dataset.queries");
        long cq;
        long examples;
        try (var files = Files.list(ProjectLayout.detect().queriesDir().resolve("cq"));
             var more = Files.list(ProjectLayout.detect().queriesDir().resolve("examples"))) {
            cq = files.filter(f -> f.toString().endsWith(".rq")).count();
            examples = more.filter(f -> f.toString().endsWith(".rq")).count();
        }
        assertEquals(String.valueOf(cq + examples),
                browser.findElement(By.tagName("body")).getAttribute("data-queries"),
                "the competency questions and the example queries");
        @SuppressWarnings("unchecked")
        List<String> tabs = (List<String>) js("return Array.from(document.querySelectorAll('.yasgui .tabsList .tab a'))"
                + ".map(a => a.textContent.trim());");
        for (int i = 1; i <= cq; i++) {
            String name = String.format("P%02d", i);
            assertTrue(tabs.stream().anyMatch(t -> t.startsWith(name)), name + " in " + tabs);
        }
        String value = (String) js("return yasgui.getTab().getYasqe().getValue();");
        assertTrue(value.startsWith("# P01"), value);
        assertEquals(server.sparqlUrl(), js("return yasgui.getTab().getEndpoint();"));
        assertEquals(List.of("variables"), js("return Yasgui.Yasqe.defaults.autocompleters;"),
                "no completer that asks third-party services");
        js("yasgui.getTab().query();");
        waitFor("the results of P01", "document.querySelectorAll('.yasr table tbody tr').length > 0");
        long rows = (Long) js("return document.querySelectorAll('.yasr table tbody tr').length;");
        JsonNode p01 = select(value);
        assertEquals(p01.size(), rows, "rows of P01");
        screenshot("query");
    }

    @Test
    void homePageRunLinksOpenTheQueryEditorAndShowTheResults() throws Exception {
        consoleErrors();
        browser.get(url(""));
        js("localStorage.clear();");
        WebElement run = browser.findElement(By.cssSelector("#queries a.run"));
        String href = run.getAttribute("href");
        assertTrue(href.startsWith(url("query?query=")) && href.endsWith("&run=1"), href);
        String query = URLDecoder.decode(href.substring(url("query?query=").length(), href.length() - "&run=1".length()),
                StandardCharsets.UTF_8);
        assertCleanPage("the home page");
        run.click();
        waitFor("the linked query's results in YASGUI", "location.pathname === '/query' && window.yasgui"
                + " && document.body.dataset.linked && document.querySelectorAll('.tabPanel.active .yasr table tbody tr').length > 0");
        assertEquals(query, js("return yasgui.getTab().getYasqe().getValue();"), "the query of the link");
        assertEquals((long) select(query).size(), js("return document.querySelectorAll('.tabPanel.active .yasr table tbody tr').length;"),
                "rows of the linked query");
        @SuppressWarnings("unchecked")
        List<Number> tops = (List<Number>) js("return Array.from(document.querySelectorAll('.yasgui .tabsList .tab'))"
                + ".map(t => t.getBoundingClientRect().top);");
        assertTrue(tops.size() > 10, "tabs: " + tops);
        assertEquals(1, tops.stream().map(Number::intValue).distinct().count(), "the tabs in one row: " + tops);
        screenshot("query-from-home-run-link");
        assertCleanPage("the query editor");

        // a class count: the instances of akg:State
        browser.get(url(""));
        WebElement states = browser.findElement(By.xpath("//table[@id='classes']//a[text()='akg:State']"));
        long count = Long.parseLong(states.findElement(By.xpath("../../td[@class='count']")).getText().replace(",", ""));
        states.click();
        waitFor("the instances of akg:State in YASGUI", "location.pathname === '/query' && document.body.dataset.linked"
                + " && document.querySelectorAll('.tabPanel.active .yasr table tbody tr').length > 0");
        assertTrue(count > 0, "akg:State instances");
        String instances = (String) js("return yasgui.getTab().getYasqe().getValue();");
        assertTrue(instances.contains("<https://w3id.org/alliance-kg/ontology#State>"), instances);
        assertEquals((long) select(instances).size(), js("return document.querySelectorAll('.tabPanel.active .yasr table tbody tr').length;"),
                "rows of the instances of akg:State");
        assertCleanPage("the query editor");
        js("localStorage.clear();");
    }

    @Test
    void explorerEvidenceIsInViewLegibleAndNamesItsSources() throws Exception {
        consoleErrors();
        browser.get(url("explore"));
        waitFor("the explorer starts", "window.cy && document.querySelectorAll('#class-filters input').length > 0");

        // keyboard: Tab reaches the search box, Enter searches, Tab and the arrow keys reach the results
        for (int i = 0; i < 40 && !focused().equals("INPUT#search"); i++) {
            press(Keys.TAB);
        }
        assertEquals("INPUT#search", focused(), "the search box is reachable with Tab");
        press("Japan" + Keys.ENTER);
        waitFor("search results", "document.querySelectorAll('#results button.result').length > 1");
        String japan = ID + "state/japan";
        assertEquals(japan, browser.findElement(By.cssSelector("#results button.result")).getAttribute("data-iri"));
        press(Keys.TAB);
        press(Keys.TAB);
        press(Keys.TAB);
        assertEquals("BUTTON[" + japan + "]", focused(), "Tab reaches the first result");
        press(Keys.ARROW_DOWN);
        assertTrue(focused().startsWith("BUTTON[") && !focused().equals("BUTTON[" + japan + "]"), focused());
        press(Keys.ARROW_UP);
        assertEquals("BUTTON[" + japan + "]", focused());
        press(Keys.ENTER);
        waitFor("Japan's neighbourhood", "cy.getElementById('state/japan').hasClass('expanded')"
                + " && document.activeElement.tagName === 'H2'");
        assertEquals("Japan", browser.findElement(By.cssSelector("#details h2")).getText());
        assertEquals(Boolean.FALSE, js("return document.getElementById('results-box').open;"),
                "the results fold once a result is chosen");
        rendered();

        // a click on a node, then on an edge with claims: the details are in view without scrolling
        String node = (String) js("return cy.nodes().filter(n => !n.hasClass('expanded')).sort((a, b) =>"
                + " b.degree() - a.degree())[0].id();");
        clickElement(node);
        waitFor("the details of " + node, "cy.getElementById(arguments[0]).selected()"
                + " && document.querySelector('#details h2').textContent === cy.getElementById(arguments[0]).data('label')",
                node);
        assertTrue(inView("#details h2"), "the node's details in view");
        @SuppressWarnings("unchecked")
        Map<String, Object> spot = (Map<String, Object>) js(CLEAR_EDGE_POINT);
        assertTrue(spot != null, "an edge with claims that can be clicked away from other elements");
        String edge = (String) spot.get("id");
        clickAt(((Number) spot.get("x")).doubleValue(), ((Number) spot.get("y")).doubleValue());
        waitFor("the evidence of " + edge, "cy.getElementById(arguments[0]).selected()"
                + " && document.querySelectorAll('#details .evidence blockquote').length > 0", edge);
        assertTrue(inView("#details h2"), "the edge's heading in view");
        assertTrue(inView("#details .evidence li"), "the first evidence in view");
        screenshot("explore-evidence-in-view");

        // the evidence names its articles by title
        @SuppressWarnings("unchecked")
        List<String> articles = (List<String>) js("return cy.getElementById(arguments[0]).data('evidence_articles');",
                edge);
        List<WebElement> links = browser.findElements(By.cssSelector("#details .evidence a.article"));
        assertEquals(articles.size(), links.size());
        for (int i = 0; i < articles.size(); i++) {
            JsonNode title = select("PREFIX dcterms: <http://purl.org/dc/terms/>\n"
                    + "SELECT ?t { <" + articles.get(i) + "> dcterms:title ?t }");
            assertEquals(title.get(0).path("t").path("value").asText(), links.get(i).getText(), "title of " + articles.get(i));
        }

        // a relation dated to a month shows the month, not its first day
        String monthly = (String) js("var e = cy.edges().filter(e => e.data('start')"
                + " && e.data('dates').concat([e.source().data('date'), e.target().data('date')])"
                + "   .some(d => d && d.length === 7 && d + '-01' === e.data('start')))[0];"
                + " return e ? e.id() : null;");
        assertTrue(monthly != null, "a relation around Japan first dated to a month (by a claim or an end)");
        String month = ((String) js("return cy.getElementById(arguments[0]).data('start');", monthly)).substring(0, 7);
        assertEquals(Boolean.TRUE, select("PREFIX akg: <https://w3id.org/alliance-kg/ontology#>\n"
                + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
                + "SELECT ?c { ?c akg:date \"" + month + "\"^^xsd:gYearMonth } LIMIT 1").size() == 1, month);
        js("cy.elements().unselect(); cy.getElementById(arguments[0]).select().emit('tap');", monthly);
        String weight = browser.findElement(By.cssSelector("#details .weight")).getText();
        assertTrue(weight.endsWith("from " + month), weight);

        // after an expansion the labels stay legible
        String hub = (String) js(CLEAR_NODE);
        assertTrue(hub != null, "a node to double-click away from the others");
        long before = (Long) js("return cy.nodes().length;");
        doubleClickNode(hub);
        waitFor("expansion of " + hub, "cy.getElementById(arguments[0]).hasClass('expanded')", hub);
        assertTrue((Long) js("return cy.nodes().length;") > before, "expanding " + hub + " adds nodes");
        rendered();
        double zoom = ((Number) js("return cy.zoom();")).doubleValue();
        double smallest = ((Number) js("return Math.min.apply(null, cy.nodes(':visible')"
                + ".map(n => parseFloat(n.renderedStyle('font-size'))));")).doubleValue();
        assertTrue(smallest >= 10, "smallest label " + smallest + " px at zoom " + zoom);
        screenshot("explore-expanded-labels");
        assertCleanPage("the explorer");
    }
}
