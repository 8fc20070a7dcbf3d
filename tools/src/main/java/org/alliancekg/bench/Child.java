package org.alliancekg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the benchmark: started with its output in a log file, bounded in time, stopped (and its
 * descendants) when done. Java children run this JVM's own class path.
 */
final class Child implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final long startNanos;
    private final String label;

    private Child(Process process, Path log, long startNanos, String label) {
        this.process = process;
        this.log = log;
        this.startNanos = startNanos;
        this.label = label;
    }

    /** The {@code java} of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * This JVM's class path (the tools' shaded jar, which holds the product, or the Maven class path), each entry
     * made absolute: children run in other folders ({@code java -jar target/alliance-kg-tools.jar} gives a relative
     * one).
     */
    static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** A Java command line: this JVM's java, heap bound, class path, main class and arguments. */
    static List<String> javaCommand(String xmx, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + xmx, "-cp", classPath(), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts a command in a directory, output to the log file. */
    static Child start(String label, List<String> command, Path dir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            long t0 = System.nanoTime();
            return new Child(pb.start(), log, t0, label);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + label + ": " + String.join(" ", command), e);
        }
    }

    /**
     * Runs a command to its end within the time limit and returns its wall time in seconds.
     *
     * @throws IllegalStateException if it fails or runs out of time (the log's tail is in the message)
     */
    static double run(String label, List<String> command, Path dir, Path log, Duration limit) {
        try (Child c = start(label, command, dir, log)) {
            int exit = c.waitFor(limit);
            double seconds = c.seconds();
            if (exit != 0) {
                throw new IllegalStateException(label + " exited with " + exit + ":\n" + c.tail(40));
            }
            return seconds;
        }
    }

    /** Waits for the end; -1 (and the process stopped) if the time limit passes first. */
    int waitFor(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException(label + " did not finish within " + limit.toSeconds() + " s:\n"
                        + tail(20));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while waiting for " + label, e);
        }
    }

    /** Seconds since the start. */
    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Polls {@code url} with a SPARQL {@code ASK {}} (as {@code query=}) until it answers 200; returns the seconds
     * from the start of the process to that answer.
     */
    double awaitFirstAnswer(String endpoint, Duration limit) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String url = endpoint + "?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(label + " exited with " + process.exitValue() + ":\n" + tail(40));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return seconds();
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        close();
        throw new IllegalStateException(label + " did not answer within " + limit.toSeconds() + " s:\n" + tail(40));
    }

    /** The last lines of the log. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the process and its descendants: politely, then by force. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** A free TCP port on the loopback interface. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
