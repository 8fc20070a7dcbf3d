package org.alliancekg.serve.guard;

import static org.alliancekg.serve.guard.GuardFixture.query;
import static org.alliancekg.serve.guard.GuardFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancekg.serve.KgServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Operations: liveness ({@code /$/ping}) and readiness ({@code /$/ready}), one structured access-log line per
 * request, and a graceful stop that lets a query in flight finish.
 */
class OperationsHttpTest {

    @TempDir
    Path dir;

    @Test
    void pingAndReadyAnswer() {
        KgServer server = GuardFixture.serve(GuardFixture.database(dir), GuardFixture.settings(null, 5_000, 100, 4096),
                List.of(GuardModule::new));
        try {
            HttpResponse<String> ping = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "$/ping")).build());
            assertEquals(200, ping.statusCode(), ping.body());
            HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "$/ready")).build());
            assertEquals(200, ready.statusCode(), ready.body());
            assertEquals("ready\n", ready.body());
        } finally {
            server.stop();
        }
    }

    @Test
    void emptyDatabaseIsNotReady() {
        Path empty = dir.resolve("tdb2-empty");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(empty.toString());
        TDBInternal.expel(dsg);
        KgServer server = GuardFixture.serve(empty, GuardFixture.settings(null, 5_000, 100, 4096),
                List.of(GuardModule::new));
        try {
            HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "$/ready")).build());
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().startsWith("not ready: the database holds no data"), ready.body());
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "$/ping")).build()).statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void everyRequestGetsOneAccessLogLine() {
        Logger access = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
        Level before = access.getLevel();
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        access.addAppender(lines);
        access.setLevel(Level.INFO);
        KgServer server = GuardFixture.serve(GuardFixture.database(dir), GuardFixture.settings(null, 5_000, 100, 4096),
                List.of(GuardModule::new));
        try {
            HttpResponse<String> ok = send(query(server.sparqlUrl(), "SELECT ?s { ?s a ?c } LIMIT 2")
                    .header("Accept", "text/csv").build());
            HttpResponse<String> missing = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "no/such"))
                    .build());
            HttpResponse<String> bad = send(query(server.sparqlUrl(), "SELECT ?s {").build());
            server.stop();
            List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(3, messages.size(), String.join("\n", messages));
            Pattern line = Pattern.compile(
                    "method=(\\S+) path=(\\S+) status=(\\d{3}) bytes=(\\d+) ms=(\\d+) remote=(\\S+)");
            int i = 0;
            for (HttpResponse<String> r : List.of(ok, missing, bad)) {
                Matcher m = line.matcher(messages.get(i++));
                assertTrue(m.matches(), messages.get(i - 1));
                assertEquals("GET", m.group(1));
                assertEquals(r.uri().getRawPath(), m.group(2));
                assertEquals(r.statusCode(), Integer.parseInt(m.group(3)));
                assertEquals(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                        Long.parseLong(m.group(4)), r.body());
                assertEquals("127.0.0.1", m.group(6));
            }
            assertEquals(List.of(200, 404, 400), List.of(ok.statusCode(), missing.statusCode(), bad.statusCode()));
        } finally {
            server.stop();
            access.detachAppender(lines);
            access.setLevel(before);
        }
    }

    @Test
    void stopLetsAQueryInFlightFinish() throws Exception {
        AtomicReference<GuardModule> guard = new AtomicReference<>();
        KgServer server = GuardFixture.serve(GuardFixture.database(dir),
                GuardFixture.settings(null, 60_000, 100, 4096), GuardFixture.guardModule(guard));
        // a join of two triple patterns of THINGS matches each: runs for a few seconds, then answers
        String slow = "SELECT (COUNT(*) AS ?n) { ?a a ?c . ?d a ?f FILTER(STRLEN(CONCAT(STR(?a), STR(?d))) > 0) }";
        CompletableFuture<HttpResponse<String>> inFlight;
        QueryWatchdog running = guard.get().watchdog();
        try {
            inFlight = GuardFixture.HTTP.sendAsync(query(server.sparqlUrl(), slow).header("Accept", "text/csv")
                    .build(), HttpResponse.BodyHandlers.ofString());
            GuardFixture.awaitRunning(guard.get(), 1, List.of(inFlight));
        } finally {
            server.stop();
        }
        assertEquals(0, running.running(), "stop() returned while the query was still running");
        HttpResponse<String> r = inFlight.get(60, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode(), r.body());
        long n = (long) GuardFixture.THINGS * GuardFixture.THINGS;
        assertEquals("n\r\n" + n + "\r\n", r.body());
        assertThrows(IOException.class, () -> GuardFixture.HTTP.send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "$/ping")).build(), HttpResponse.BodyHandlers.ofString()));
    }
}
