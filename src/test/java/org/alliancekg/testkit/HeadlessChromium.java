package org.alliancekg.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.alliancekg.export.ExternalTool;
import org.alliancekg.ingest.ProjectLayout;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium through ChromeDriver: the one browser of the browser tests. A
 * missing Chromium or ChromeDriver fails with one line naming the package ({@link ExternalTool}). Screenshots go to
 * {@code target/screenshots/}.
 *
 * <pre>{@code
 * try (HeadlessChromium chromium = HeadlessChromium.start(tmp.resolve("profile"))) {
 *     chromium.driver().get(server.baseUrl());
 *     chromium.waitFor("the page", "document.readyState === 'complete'");
 *     assertEquals(List.of(), chromium.consoleErrors());
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path screenshots;

    private HeadlessChromium(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Starts Chromium (1400 x 900) with its profile in {@code profile}, logging the console at every level. */
    public static HeadlessChromium start(Path profile) throws IOException {
        List<Path> tools = ExternalTool.require(ExternalTool.CHROMIUM, ExternalTool.CHROMEDRIVER);
        Path screenshots = ProjectLayout.detect().root().resolve("target").resolve("screenshots");
        Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(tools.get(0).toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(tools.get(1).toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver, screenshots);
    }

    /** The driven browser. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Runs {@code script} in the page and returns its value. */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits up to 30 s until the JavaScript expression {@code condition} is true; fails naming {@code what}. */
    public void waitFor(String what, String condition, Object... args) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what)
                .until(d -> Boolean.TRUE.equals(js("return !!(" + condition + ");", args)));
    }

    /** Saves a screenshot of the window as {@code target/screenshots/NAME.png}. */
    public void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** The console messages of level SEVERE since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
    }

    /** Every address the current page loaded or names (resources, scripts, styles, images, frames) and the page's. */
    @SuppressWarnings("unchecked")
    public List<String> requests() {
        return (List<String>) js("var urls = performance.getEntriesByType('resource').map(e => e.name);"
                + " document.querySelectorAll('script[src], link[href], img[src], iframe[src]').forEach(e =>"
                + "   urls.push(e.src || e.href));"
                + " urls.push(location.href);"
                + " return urls.filter(u => !u.startsWith('data:'));");
    }

    /** The addresses of {@link #requests()} outside {@code site} (e.g. {@code http://localhost:41234/}). */
    public List<String> outside(String site) {
        return requests().stream().filter(u -> !u.startsWith(site)).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
