package org.alliancekg.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers of the main code, as the README's layout section draws them: a top-level package of
 * {@code org.alliancekg} may name (import, or write the qualified name of) only packages of a lower layer. So there
 * is no cycle, the server never reaches a tool, and nothing below the server reaches up to it. It reads the main
 * sources of both modules: the product's ({@code src/}) and the tools' ({@code tools/src/}), whose packages sit
 * above the product's (Maven keeps the product from naming them; this keeps the tools in order among themselves).
 */
class PackageLayersTest {

    /** Layer of each top-level package, lowest first. A new package must be given its layer here. */
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("vocab", 0), Map.entry("cq", 0),
            Map.entry("ingest", 1), Map.entry("sources", 1), Map.entry("export", 1), Map.entry("text", 1),
            Map.entry("extract", 2), Map.entry("store", 2),
            Map.entry("build", 3),
            Map.entry("serve", 5),
            Map.entry("publish", 6), Map.entry("search", 6),
            Map.entry("explore", 7),
            Map.entry("cli", 10),
            // the tools module
            Map.entry("loadtest", 11),
            Map.entry("bench", 12), Map.entry("evaluate", 12), Map.entry("push", 12),
            Map.entry("tools", 13));

    /** The main sources of the product and of the tools. */
    private static final List<Path> MAIN = List.of(Path.of("src/main/java/org/alliancekg"),
            Path.of("tools/src/main/java/org/alliancekg"));
    private static final Pattern NAMED = Pattern.compile("org\\.alliancekg\\.([a-z_]+)\\.");

    @Test
    void everyPackageHasALayer() {
        TreeSet<String> missing = new TreeSet<>(imports().keySet());
        missing.removeAll(LAYER.keySet());
        assertTrue(missing.isEmpty(), "give these packages a layer in PackageLayersTest (and the README layout): "
                + missing);
    }

    @Test
    void packagesNameOnlyLowerLayers() {
        List<String> up = new ArrayList<>();
        imports().forEach((from, targets) -> targets.forEach(to -> {
            if (LAYER.containsKey(from) && LAYER.containsKey(to) && LAYER.get(to) >= LAYER.get(from)) {
                up.add(from + " -> " + to);
            }
        }));
        assertEquals(List.of(), up, "arrows that do not go down a layer");
    }

    /** For each top-level package, the other top-level packages its main sources name. */
    private static Map<String, TreeSet<String>> imports() {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (Path main : MAIN) {
            assertTrue(Files.isDirectory(main), "no main sources at " + main);
            try (Stream<Path> files = Files.walk(main)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Path rel = main.relativize(f);
                    if (rel.getNameCount() < 2) {
                        continue;
                    }
                    String from = rel.getName(0).toString();
                    TreeSet<String> targets = out.computeIfAbsent(from, k -> new TreeSet<>());
                    Matcher m = NAMED.matcher(Files.readString(f));
                    while (m.find()) {
                        if (!m.group(1).equals(from)) {
                            targets.add(m.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
