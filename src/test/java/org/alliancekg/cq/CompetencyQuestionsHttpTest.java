package org.alliancekg.cq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.alliancekg.cli.ServerModules;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.cq.ResultComparer;
import org.alliancekg.serve.KgServer;
import org.alliancekg.testkit.ProjectFixture;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The competency questions: every {@code queries/cq/*.rq} runs over HTTP against the server, which serves a
 * database built from the project's data into a temporary folder (once for the test JVM, {@link ProjectFixture}), and its results must equal
 * the SPARQL TSV file of the same base name beside it ({@code P01-....rq} with {@code P01-....tsv}).
 *
 * <p>Terms are compared exactly: IRIs, and literals by lexical form, datatype and language tag. Row order counts
 * only when the query has {@code ORDER BY}. A failure names the query and result files and lists the missing and
 * the extra rows as TSV lines, then the whole actual result as TSV. An empty {@code queries/cq} fails.
 */
class CompetencyQuestionsHttpTest {

    static ProjectLayout project;
    static KgServer server;
    static HttpClient http;

    @BeforeAll
    static void buildAndServe() {
        project = ProjectLayout.detect();
        server = ProjectFixture.serve(ServerModules.defaults());
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @TestFactory
    Stream<DynamicTest> competencyQuestions() throws IOException {
        Path dir = project.queriesDir().resolve("cq");
        assertTrue(Files.isDirectory(dir), "no folder " + project.display(dir));
        List<Path> queries;
        try (Stream<Path> files = Files.list(dir)) {
            queries = files.filter(f -> f.getFileName().toString().endsWith(".rq")).sorted().toList();
        }
        assertFalse(queries.isEmpty(), project.display(dir) + " holds no .rq file: there is no competency question");
        return queries.stream().map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), q.toUri(), () -> check(q)));
    }

    static Path expectedFile(Path query) {
        String name = query.getFileName().toString();
        return query.resolveSibling(name.substring(0, name.length() - ".rq".length()) + ".tsv");
    }

    static void check(Path queryFile) throws IOException, InterruptedException {
        String shown = project.display(queryFile);
        Path tsv = expectedFile(queryFile);
        String tsvShown = project.display(tsv);
        assertTrue(Files.isRegularFile(tsv), shown + ": no expected result file " + tsvShown);

        String text = Files.readString(queryFile, StandardCharsets.UTF_8);
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new AssertionError(shown + ": " + e.getMessage(), e);
        }
        assertTrue(query.isSelectType(), shown + ": only SELECT queries can be compared with a TSV result file");

        ResultComparer.Table expected;
        try (InputStream in = Files.newInputStream(tsv)) {
            expected = ResultComparer.read(in, ResultSetLang.RS_TSV);
        } catch (RiotException e) {
            throw new AssertionError(tsvShown + ": not SPARQL TSV results: " + e.getMessage(), e);
        }

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                        .header("Content-Type", "application/sparql-query; charset=utf-8")
                        .header("Accept", "application/sparql-results+json")
                        .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), shown + ": the server answered " + response.statusCode() + ": "
                + response.body());
        ResultComparer.Table actual = ResultComparer.read(response.body(), ResultSetLang.RS_JSON);

        expected.difference(actual, query.hasOrderBy(), true).ifPresent(difference -> fail(
                shown + ": results differ from " + tsvShown + (query.hasOrderBy() ? " (ordered)" : " (any order)")
                        + "\n" + difference + "\nactual results:\n" + actual.toTsv()));
    }
}
