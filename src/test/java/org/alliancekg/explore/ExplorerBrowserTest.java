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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.alliancekg.cli.ServerModules;
import org.alliancekg.build.GraphBuilder;
import org.alliancekg.export.ExternalTool;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.apache.jena.query.ParameterizedSparqlString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
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
    static Path screenshots;

    @BeforeAll
    static void start() throws IOException {
        List<Path> tools = ExternalTool.require(ExternalTool.CHROMIUM, ExternalTool.CHROMEDRIVER);
        Path chromium = tools.get(0);
        Path driver = tools.get(1);

        ProjectLayout project = ProjectLayout.detect();
        screenshots = project.root().resolve("target").resolve("screenshots");
        Files.createDirectories(screenshots);
        ProjectLayout scratch = project.withDbRoot(tmp.resolve("db"));
        new GraphBuilder(scratch).build();
        server = KgServer.builder().layout(scratch).port(0).modules(ServerModules.defaults()).build().start();

        System.setProperty("webdriver.chrome.driver", driver.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900", "--user-data-dir=" + tmp.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    // ---- helpers ----

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    static void waitFor(String what, String condition, Object... args) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(what)
                .until(d -> Boolean.TRUE.equals(js("return !!(" + condition + ");", args)));
    }

    static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name + ".png"), png);
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
}
