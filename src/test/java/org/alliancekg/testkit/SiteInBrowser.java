package org.alliancekg.testkit;

import java.io.IOException;
import java.nio.file.Path;

import org.alliancekg.cli.ServerModules;
import org.alliancekg.serve.KgServer;

/**
 * The full server over the project's graph (built once per JVM, {@link ProjectFixture}) and a headless Chromium
 * to look at it: what a browser test starts before its first test and closes after its last.
 *
 * <pre>{@code
 * @BeforeAll static void start() throws IOException { site = SiteInBrowser.open(tmp); }
 * @AfterAll static void stop() { site.close(); }
 * }</pre>
 */
public record SiteInBrowser(KgServer server, HeadlessChromium chromium) implements AutoCloseable {

    /** Starts the server on a free loopback port and Chromium with its profile under {@code tmp}. */
    public static SiteInBrowser open(Path tmp) throws IOException {
        KgServer server = ProjectFixture.serve(ServerModules.defaults());
        try {
            return new SiteInBrowser(server, HeadlessChromium.start(tmp.resolve("chromium-profile")));
        } catch (IOException | RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            server.stop();
        }
    }
}
