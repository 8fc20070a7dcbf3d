package org.alliancekg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.serve.KgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Every code block of the README, against a live server on the project's real data (built into a temporary
 * database root, served on a free port):
 *
 * <ul>
 * <li>{@code sh} blocks that query the server ({@code curl ...}) run as written, through {@code bash}, with
 * {@code http://localhost:3030} turned into the test server's address; the plain block after one is its output,
 * compared exactly. The opening block ({@code mvn ... package && java -jar ... serve}, {@code bash .ci/run}) is the
 * build and test run this test is part of, so it is checked to be those commands, not run.</li>
 * <li>{@code sparql} blocks run on {@code /kg/sparql}: they must succeed and answer at least one row.</li>
 * <li>the {@code markdown} and {@code yaml} format examples must parse (front matter and claims file as YAML).</li>
 * <li>the layout block: every file and folder it names exists.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeHttpTest {

    /** A fenced block: its language ("" for none), its text, and the line of its opening fence. */
    record Block(String lang, String text, int line) {
    }

    private ProjectLayout layout;
    private KgServer server;
    private List<Block> blocks;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path db) throws Exception {
        layout = ProjectLayout.detect().withDbRoot(db);
        blocks = blocks(Files.readString(layout.root().resolve("README.md")));
        new GraphBuilder(layout).build();
        server = KgServer.builder().layout(layout).port(0).build().start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static List<Block> blocks(String readme) {
        List<Block> out = new ArrayList<>();
        List<String> lines = readme.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("```")) {
                String lang = l.substring(3).strip();
                int start = i;
                StringBuilder text = new StringBuilder();
                String indent = lines.get(i).substring(0, lines.get(i).indexOf('`'));
                for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    String line = lines.get(i);
                    text.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
                }
                out.add(new Block(lang, text.toString(), start + 1));
            }
        }
        return out;
    }

    @Test
    void theOpeningBlockIsTheBuildAndTestCommands() {
        Block first = blocks.get(0);
        assertEquals("sh", first.lang());
        assertEquals("mvn -q -DskipTests package && java -jar target/alliance-kg.jar serve\nbash .ci/run\n",
                first.text());
        assertTrue(Files.isRegularFile(layout.root().resolve(".ci/run")), ".ci/run exists");
    }

    @Test
    void curlBlocksAnswerWhatTheReadmeShows() throws Exception {
        int checked = 0;
        for (int i = 1; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (!b.lang().equals("sh") || !b.text().startsWith("curl ")) {
                continue;
            }
            String script = b.text().replace("http://localhost:3030/", server.baseUrl());
            Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "README line " + b.line() + ": " + out);
            Block shown = blocks.get(i + 1);
            assertEquals("", shown.lang(), "README line " + b.line() + ": the block after a command is its output");
            assertEquals(shown.text().strip(), out.replace("\r\n", "\n").strip(), "README line " + b.line());
            checked++;
        }
        assertTrue(checked > 0, "no curl block found");
    }

    @Test
    void sparqlBlocksSucceedWithRows() throws Exception {
        int checked = 0;
        for (Block b : blocks) {
            if (!b.lang().equals("sparql")) {
                continue;
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(b.text(),
                            StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "README line " + b.line() + ": " + r.body());
            assertTrue(r.body().strip().lines().count() > 1, "README line " + b.line() + " answers no row");
            checked++;
        }
        assertTrue(checked >= 2, "sparql blocks: " + checked);
    }

    @Test
    void formatExamplesParse() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Block b : blocks) {
            if (b.lang().equals("yaml")) {
                assertTrue(yaml.readTree(b.text()).has("claims"), "README line " + b.line());
            } else if (b.lang().equals("markdown")) {
                String[] parts = b.text().split("(?m)^---$", 3);
                assertEquals(3, parts.length, "README line " + b.line() + ": front matter between --- lines");
                assertTrue(yaml.readTree(parts[1]).has("title"), "README line " + b.line());
            }
        }
    }

    @Test
    void theLayoutNamesWhatExists() {
        Block layoutBlock = blocks.stream().filter(b -> b.lang().isEmpty() && b.text().startsWith("pom.xml"))
                .findFirst().orElseThrow();
        Path root = layout.root();
        Path packages = null;
        List<String> missing = new ArrayList<>();
        for (String line : layoutBlock.text().lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            String first = line.strip().split("\\s+")[0];
            if (!line.startsWith(" ")) {
                if (first.startsWith("db/")) {
                    continue; // git-ignored, made by the build
                }
                if (first.contains("src/main/java/")) { // the product's packages, or the tools'
                    packages = root.resolve(first);
                }
                if (!Files.exists(root.resolve(first))) {
                    missing.add(first);
                }
            } else if (first.endsWith("/") && packages != null) {
                // a line of packages: every word ending in / up to the description
                for (String word : line.strip().split("\\s+")) {
                    if (!word.endsWith("/")) {
                        break;
                    }
                    if (!Files.isDirectory(packages.resolve(word))) {
                        missing.add(word);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "README layout names what does not exist");
    }
}
