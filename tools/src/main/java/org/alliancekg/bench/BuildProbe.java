package org.alliancekg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.alliancekg.build.BuildTimings;
import org.alliancekg.build.GraphBuilder;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.build.ArticleIngester;
import org.alliancekg.build.IngestResult;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the benchmark runs in a child JVM of its own (so that heap and time belong to that work alone), writing
 * its figures as JSON to a file:
 * <ul>
 * <li>{@code build PROJECT OUT.json}: a full build, with per-phase times, counts and heap;</li>
 * <li>{@code ingest PROJECT OUT.json ARTICLE.md...}: adding articles one after another to the project's database
 * (the first pays for loading models and the catalogue, the next ones show the steady cost);</li>
 * <li>{@code tdbloader OUT.json ARGS...}: Jena's {@code tdb2.tdbloader} with these arguments, recording its
 * elapsed and CPU time (all threads) when the JVM exits.</li>
 * </ul>
 * CPU time is reported beside elapsed time because the cores of the machine may be shared with other work.
 */
public final class BuildProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BuildProbe() {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("build")) {
            build(ProjectLayout.of(Path.of(args[1])), Path.of(args[2]));
        } else if (args.length >= 4 && args[0].equals("ingest")) {
            List<Path> articles = java.util.Arrays.stream(args, 3, args.length).map(Path::of).toList();
            ingest(ProjectLayout.of(Path.of(args[1])), Path.of(args[2]), articles);
        } else if (args.length >= 3 && args[0].equals("tdbloader")) {
            tdbloader(Path.of(args[1]), java.util.Arrays.copyOfRange(args, 2, args.length));
        } else {
            System.err.println("usage: BuildProbe build PROJECT OUT.json | ingest PROJECT OUT.json ARTICLE.md..."
                    + " | tdbloader OUT.json ARGS...");
            System.exit(2);
        }
    }

    private static void build(ProjectLayout layout, Path out) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        try (HeapWatch heap = HeapWatch.start()) {
            GraphBuilder.Result r = new GraphBuilder(layout).build();
            BuildTimings t = r.timings();
            n.put("wallSeconds", t.wallNanos() / 1e9);
            ObjectNode phases = n.putObject("phaseSeconds");
            t.seconds().forEach(phases::put);
            ObjectNode cpu = n.putObject("phaseCpuSeconds");
            t.cpuSeconds().forEach(cpu::put);
            ObjectNode counts = n.putObject("counts");
            r.counts().forEach((k, v) -> counts.put(k, v));
            n.put("peakHeapUsedBytes", heap.peakUsedBytes());
            n.put("peakHeapAfterGcBytes", heap.peakAfterGcBytes());
            n.put("gcCount", heap.collections());
            n.put("maxHeapBytes", HeapWatch.maxHeapBytes());
            n.put("threads", Runtime.getRuntime().availableProcessors());
            n.put("database", r.database().toString());
            n.put("processCpuSeconds", processCpuSeconds());
        }
        Files.writeString(out, JSON.writeValueAsString(n));
    }

    private static void ingest(ProjectLayout layout, Path out, List<Path> articles) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        var each = n.putArray("articles");
        ArticleIngester ingester = new ArticleIngester(layout);
        for (Path article : articles) {
            long t0 = System.nanoTime();
            IngestResult r = ingester.ingest(article);
            ObjectNode a = each.addObject();
            a.put("seconds", (System.nanoTime() - t0) / 1e9);
            a.put("status", r.status().name());
            a.put("articleQuads", r.articleQuads());
            a.put("summary", r.summary());
        }
        n.put("seconds", each.get(0).path("seconds").asDouble());
        if (each.size() > 1) {
            var next = n.putArray("nextEachSeconds").addAll(BenchmarkRunner.secondsAfterFirst(each));
            n.put("nextSeconds", BenchmarkRunner.median(next));
        }
        n.put("summary", each.get(0).path("summary").asText());
        Files.writeString(out, JSON.writeValueAsString(n));
    }

    /** Runs Jena's loader (which ends the JVM itself); its times are written as the JVM exits. */
    private static void tdbloader(Path out, String[] args) {
        long t0 = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ObjectNode n = JSON.createObjectNode();
            n.put("wallSeconds", (System.nanoTime() - t0) / 1e9);
            n.put("processCpuSeconds", processCpuSeconds());
            try {
                Files.writeString(out, JSON.writeValueAsString(n));
            } catch (IOException e) {
                System.err.println("cannot write " + out + ": " + e);
            }
        }));
        tdb2.tdbloader.main(args);
    }

    /** CPU time of this JVM so far, all threads (-1 where the JVM cannot tell). */
    static double processCpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : -1;
    }

    /** Reads a probe's JSON output. */
    static Map<String, Object> read(Path file) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.readValue(file.toFile(), Map.class);
        return m;
    }
}
