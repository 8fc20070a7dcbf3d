package org.alliancekg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.alliancekg.testkit.HeadlessChromium;
import org.alliancekg.testkit.SiteInBrowser;
import org.alliancekg.cli.ServerModules;
import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search box and the results page in headless Chromium (Selenium with ChromeDriver) against the real server over
 * the project's build, used from the keyboard only: type into the site bar's box on the home page, Enter, read the
 * ranked sentences with their articles and mentions, Tab to a result and open it with Enter; a malformed query shows
 * its message. No console error, and every request the pages make goes to the server. Screenshots go to
 * {@code target/screenshots/}.
 */
class SearchBrowserTest {

    @TempDir
    static Path tmp;

    static KgServer server;
    static ChromeDriver browser;
    static HeadlessChromium chromium;
    static SiteInBrowser site;
    static Path screenshots;

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

    static void waitFor(String what, String condition, Object... args) {
        chromium.waitFor(what, condition, args);
    }

    static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    /**
     * The console messages of level SEVERE since the last call, but the browser's own request for
     * {@code /favicon.ico}, which the site does not serve (no page asks for it).
     */
    static List<String> consoleErrors() {
        return chromium.consoleErrors();
    }

    /** Every resource the current page loaded, and the page itself, by URL. */
    @SuppressWarnings("unchecked")
    static List<String> requests() {
        return chromium.requests();
    }

    static void assertAllOnServer(List<String> urls) {
        for (String u : urls) {
            assertTrue(u.startsWith(server.baseUrl()), "a request outside the server: " + u);
        }
    }

    @Test
    void searchFromTheSiteBarWithTheKeyboard() throws IOException {
        browser.get(server.baseUrl());
        waitFor("the home page", "document.readyState === 'complete'");
        assertAllOnServer(requests());
        WebElement box = browser.findElement(By.cssSelector("header.site-bar form.site-search input[name=q]"));
        box.sendKeys("Kishida Fumio", Keys.ENTER);
        waitFor("the results page", "location.pathname === '/search' && document.querySelector('#sentences')");
        assertEquals("Kishida Fumio", browser.findElement(By.id("search-q")).getAttribute("value"));
        List<WebElement> hits = browser.findElements(By.cssSelector("#sentences li.hit"));
        assertFalse(hits.isEmpty());
        for (WebElement hit : hits) {
            String sentence = hit.findElement(By.cssSelector("q.sentence")).getText();
            assertTrue(sentence.contains("Kishida") && sentence.contains("Fumio"), sentence);
            assertFalse(hit.findElement(By.cssSelector("a.article")).getText().isBlank());
        }
        assertTrue(browser.findElements(By.cssSelector("#sentences a.mention")).stream()
                .anyMatch(a -> a.getText().equals("Fumio Kishida")), "the sentences' mentions are listed");
        assertTrue(browser.findElements(By.cssSelector("#entities a")).stream()
                .anyMatch(a -> a.getText().equals("Fumio Kishida")));
        screenshot("search-kishida");
        assertAllOnServer(requests());

        // Tab from the search field to the first article link, open it with Enter
        String firstArticle = hits.get(0).findElement(By.cssSelector("a.article")).getAttribute("href");
        browser.findElement(By.id("search-q")).click();
        for (int i = 0; i < 80 && !Boolean.TRUE.equals(js(
                "return document.activeElement && document.activeElement.classList.contains('article');")); i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals(firstArticle, js("return document.activeElement.href;"), "Tab reaches the first article link");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor("the article page", "location.pathname.indexOf('/id/article/') === 0 && document.readyState === 'complete'");
        assertAllOnServer(requests());
        assertEquals(List.of(), consoleErrors(), "no console error");
    }

    @Test
    void aMalformedQueryShowsItsMessage() throws IOException {
        browser.get(server.baseUrl() + "search");
        waitFor("the empty search page", "document.getElementById('search-q') === document.activeElement");
        browser.switchTo().activeElement().sendKeys("japan AND (china", Keys.ENTER);
        waitFor("the message", "document.querySelector('.error[role=alert]')");
        String message = browser.findElement(By.cssSelector(".error")).getText();
        assertTrue(message.contains("Lucene"), message);
        screenshot("search-malformed");
        assertAllOnServer(requests());
        // the only console line is the browser's note of the 400 status
        for (String e : consoleErrors()) {
            assertTrue(e.contains("400"), "unexpected console error: " + e);
        }
    }
}
