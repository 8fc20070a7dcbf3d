package org.alliancekg.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code org.alliancekg.cli.Main} in a child JVM with this JVM's class path, its output into a file. */
final class ChildProcess {

    private ChildProcess() {
    }

    /** Starts {@code alliance-kg args...}; stdout and stderr go to {@code log}. */
    static Process start(Path log, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.alliancekg.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", cmd), e);
        }
    }

    /** Runs to the end; throws with the log when the exit status is not 0. */
    static void run(Path log, String... args) throws InterruptedException {
        Process p = start(log, args);
        int status = p.waitFor();
        if (status != 0) {
            throw new AssertionError("alliance-kg " + String.join(" ", args) + " exited with " + status + ":\n"
                    + read(log));
        }
    }

    static String read(Path log) {
        try {
            return java.nio.file.Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
