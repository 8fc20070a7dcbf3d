package org.alliancekg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.alliancekg.testkit.HeadlessChromium;
import org.alliancekg.testkit.SiteInBrowser;
import org.alliancekg.build.GraphBuilder;
import org.alliancekg.cli.ServerModules;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The linked-data pages in headless Chromium (Selenium with ChromeDriver) against the real server on a free port,
 * serving the project built into a temporary database: a claim page, an article page, {@code /void} and
 * {@code /reconcile}. On each: no console error (the favicon answers), no request to another site, the title a
 * sentence, no raw Markdown, the marks at the right words, and Tab reaching the page's main links.
 * Screenshots go to {@code target/screenshots/}. Chromium and ChromeDriver are found as in the explorer's browser
 * test ({@link ExternalTool}).
 */
class PagesBrowserTest {

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

    static Object js(String script, Object... args) {
        return chromium.js(script, args);
    }

    static List<QuerySolution> rows(String body, String s) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(Namespaces.sparqlPrefixes() + body);
        pss.setIri("s", s);
        try (QueryExecution qe = QueryExecutionHTTP.service(server.sparqlUrl()).query(pss.toString()).build()) {
            List<QuerySolution> out = new ArrayList<>();
            qe.execSelect().forEachRemaining(out::add);
            return out;
        }
    }

    /**
     * Opens a page and checks what every page must: loaded, its favicon answering, no console error, every request
     * to this server, no raw Markdown in its text, a screenshot.
     */
    static void open(String path, String name) throws IOException {
        browser.get(server.baseUrl() + path);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "complete".equals(js("return document.readyState;")));
        Object icon = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; var l = document.querySelector('link[rel=icon]');"
                        + "if (!l) { done('no icon link'); return; }"
                        + "fetch(l.href).then(function (r) { done(r.status); }, function (e) { done(String(e)); });");
        assertEquals(200L, icon, path + ": the favicon");
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        assertEquals(List.of(), errors, path + ": console errors");
        @SuppressWarnings("unchecked")
        List<String> requests = (List<String>) js("return performance.getEntriesByType('resource')"
                + ".map(function (e) { return e.name; }).concat([location.href]);");
        for (String r : requests) {
            assertTrue(r.startsWith(server.baseUrl()), path + ": a request outside the server: " + r);
        }
        String text = (String) js("return document.querySelector('main').innerText;");
        assertFalse(text.contains("**") || text.contains("## "), path + ": raw Markdown on the page");
        chromium.screenshot(name);
    }

    /** Loads the page again and presses Tab from its top until the element is focused; fails if it never is. */
    static void tabReaches(String selector, int maxTabs) {
        browser.get(browser.getCurrentUrl().replaceFirst("#.*", ""));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "complete".equals(js("return document.readyState;")));
        Boolean target = (Boolean) js("return !!document.querySelector(arguments[0]);", selector);
        assertTrue(target, "no element " + selector);
        for (int i = 0; i < maxTabs; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            if (Boolean.TRUE.equals(js("return document.activeElement === document.querySelector(arguments[0]);",
                    selector))) {
                return;
            }
        }
        throw new AssertionError(selector + " not reached in " + maxTabs + " presses of Tab on "
                + browser.getCurrentUrl());
    }

    @Test
    void claimPage() throws IOException {
        QuerySolution c = rows("SELECT ?c ?quote { ?c rdf:subject ?s ; rdf:predicate akg:pursuesCapability ; "
                + "rdf:object akr:capability\\/enemy-base-strike ; akg:modality akg:Considered , akg:Reported ; "
                + "akg:quote ?quote }", Iris.state("japan")).get(0);
        open(c.getResource("c").getURI().substring(Iris.BASE.length()), "page-claim");
        assertEquals("Japan pursues enemy base strike capability (considered, reportedly), according to 003 "
                + "(PacNet, 2020) — alliance-kg", browser.getTitle());
        String marked = (String) js("return Array.from(document.querySelectorAll('.article-text mark.quote'))"
                + ".map(function (m) { return m.textContent; }).join('');");
        assertEquals(Marks.plain(c.getLiteral("quote").getLexicalForm()), Marks.plain(marked), "the marked words");
        Boolean inView = (Boolean) js("var m = document.getElementById('hl'); return !!m && m.closest('.article-text') "
                + "!== null;");
        assertTrue(inView, "the passage is in the article text");
        tabReaches("main a[href='#hl']", 40);
        browser.findElement(By.cssSelector("main a[href='#hl']")).sendKeys(Keys.ENTER);
        assertTrue(browser.getCurrentUrl().endsWith("#hl"), "Enter follows the jump link");
    }

    @Test
    void articlePage() throws IOException {
        open("id/article/004-us-japan-security-partnership", "page-article");
        String title = browser.getTitle();
        assertEquals("The Evolution of the U.S.-Japan Security Partnership — alliance-kg", title);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> marks = (List<Map<String, Object>>) js(
                "return Array.from(document.querySelectorAll('.article-text mark.mention')).map(function (m) {"
                        + " var before = m.previousSibling ? m.previousSibling.textContent : '';"
                        + " var after = m.nextSibling ? m.nextSibling.textContent : '';"
                        + " return {text: m.textContent, before: before.slice(-1), after: after.slice(0, 16)}; });");
        assertTrue(marks.size() > 50, "mentions marked: " + marks.size());
        for (Map<String, Object> m : marks) {
            assertFalse(String.valueOf(m.get("after")).matches("^[\\p{L}\\p{N}].*"), "a mark ends inside a word: " + m);
            assertFalse(String.valueOf(m.get("before")).matches("[\\p{L}\\p{N}]"), "a mark starts inside a word: " + m);
        }
        assertTrue(marks.stream().anyMatch(m -> "Japan".equals(m.get("text"))
                && String.valueOf(m.get("after")).startsWith("’s establishment")), "004's mention at 1859-1864");
        tabReaches("main .formats a", 30);
    }

    @Test
    void voidPage() throws IOException {
        open("void", "page-void");
        assertEquals("Dataset description (VoID) — alliance-kg", browser.getTitle());
        Boolean table = (Boolean) js("return document.querySelectorAll('#graphs + table tr').length > 10;");
        assertTrue(table, "the named graphs as a table");
        tabReaches("main a[href$='void.ttl']", 30);
    }

    @Test
    void reconcilePage() throws IOException {
        open("reconcile", "page-reconcile");
        assertEquals("Reconciliation service — alliance-kg", browser.getTitle());
        tabReaches("main a[href$='format=json']", 30);
        tabReaches("#reconcile-query", 30);
    }
}
