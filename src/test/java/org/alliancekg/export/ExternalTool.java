package org.alliancekg.export;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opentest4j.AssertionFailedError;

/**
 * A program beyond the JDK that a test runs (Graphviz {@code dot}, Chromium, ChromeDriver), found at the path of a
 * system property or on the {@code PATH}. A test that needs a missing program fails with one line naming the Debian
 * packages to install ({@code .ci/run} installs them when run as root), and no stack trace:
 *
 * <pre>{@code
 * Path dot = ExternalTool.require(ExternalTool.DOT);
 * }</pre>
 */
public record ExternalTool(String what, String debianPackage, String property, List<String> names) {

    /** Graphviz's {@code dot}, or the program at {@code -Dakg.dot}. */
    public static final ExternalTool DOT = new ExternalTool("Graphviz dot", "graphviz", "akg.dot", List.of("dot"));
    /** Chromium, or the program at {@code -Dakg.chromium}. */
    public static final ExternalTool CHROMIUM = new ExternalTool("Chromium", "chromium", "akg.chromium",
            List.of("chromium", "chromium-browser"));
    /** ChromeDriver, or the program at {@code -Dakg.chromedriver}. */
    public static final ExternalTool CHROMEDRIVER = new ExternalTool("ChromeDriver", "chromium-driver",
            "akg.chromedriver", List.of("chromedriver"));

    public ExternalTool {
        if (names.isEmpty()) {
            throw new IllegalArgumentException(what + ": no program name");
        }
        names = List.copyOf(names);
    }

    /** The program given by the system property (if executable), else the first of the names on the PATH. */
    public Optional<Path> find() {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isExecutable);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : names) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name));
                }
            }
        }
        return Optional.empty();
    }

    /** The paths of the tools, in order; fails the test with one line if any is missing. */
    public static List<Path> require(ExternalTool... tools) {
        List<Path> found = new ArrayList<>();
        List<ExternalTool> missing = new ArrayList<>();
        for (ExternalTool t : tools) {
            t.find().ifPresentOrElse(found::add, () -> missing.add(t));
        }
        if (!missing.isEmpty()) {
            throw missing(missing);
        }
        return found;
    }

    /** The path of one tool; fails the test with one line if it is missing. */
    public static Path require(ExternalTool tool) {
        return require(new ExternalTool[] {tool}).get(0);
    }

    private static AssertionFailedError missing(List<ExternalTool> missing) {
        List<String> what = missing.stream().map(t -> t.what() + " (" + String.join(" or ", t.names())
                + " on the PATH, or -D" + t.property() + "=FILE)").toList();
        String packages = String.join(" ", missing.stream().map(ExternalTool::debianPackage).distinct().toList());
        AssertionFailedError e = new AssertionFailedError(String.join(" and ", what) + " not found: install the "
                + "Debian package" + (missing.size() > 1 ? "s " : " ") + packages + " (apt-get install " + packages
                + ", or run .ci/run as root)");
        e.setStackTrace(new StackTraceElement[0]);
        return e;
    }

}
