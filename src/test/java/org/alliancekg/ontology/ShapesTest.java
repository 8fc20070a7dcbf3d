package org.alliancekg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code ontology/shapes.ttl} and {@code queries/checks/*-violation.rq} over the cases under
 * {@code src/test/resources/shapes/}: one folder per case with {@code data.trig} and {@code expected.txt}.
 *
 * <p>{@code expected.txt} lists, one per line, every violation the case must produce and no other:
 * {@code shacl <resource> <words of the message>} or {@code check <check name> <resource>}; a case of good data
 * says {@code conforms}. Resources are written {@code <iri>} or with the prefixes {@code akr: akg: wd:}.
 * Lines starting with {@code #} are comments. A new case needs no Java.
 */
class ShapesTest {

    private static final Map<String, String> PREFIXES = Map.of(
            "akr:", "https://w3id.org/alliance-kg/id/",
            "akg:", "https://w3id.org/alliance-kg/ontology#",
            "wd:", "http://www.wikidata.org/entity/");

    private static Path projectDir;
    private static Path casesDir;
    private static FixtureValidator validator;

    @BeforeAll
    static void load() {
        projectDir = Path.of(System.getProperty("akg.projectDir", ".")).toAbsolutePath();
        casesDir = projectDir.resolve("src/test/resources/shapes");
        validator = new FixtureValidator(projectDir);
    }

    /** One expected violation. */
    private record Expectation(String source, String resource, String messagePart, String line) {
        boolean matches(FixtureValidator.Finding f) {
            return f.source().equals(source) && f.resource().equals(resource)
                    && (messagePart.isEmpty() || f.message().contains(messagePart));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseProducesExactlyItsExpectedViolations() throws IOException {
        return caseDirs().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> runCase(dir)));
    }

    private static void runCase(Path dir) throws IOException {
        List<Expectation> expected = readExpected(dir.resolve("expected.txt"));
        List<FixtureValidator.Finding> findings = validator.validate(dir.resolve("data.trig"));
        List<String> missing = new ArrayList<>();
        for (Expectation e : expected) {
            if (findings.stream().noneMatch(e::matches)) {
                missing.add(e.line());
            }
        }
        List<String> extra = new ArrayList<>();
        for (FixtureValidator.Finding f : findings) {
            if (expected.stream().noneMatch(e -> e.matches(f))) {
                extra.add(f.toString());
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            fail(dir.getFileName() + ": missing violations " + missing + "; unexpected violations:\n  "
                    + String.join("\n  ", extra));
        }
    }

    private static List<Expectation> readExpected(Path file) throws IOException {
        List<Expectation> result = new ArrayList<>();
        boolean conforms = false;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            switch (parts[0]) {
                case "conforms" -> conforms = true;
                case "shacl" -> result.add(new Expectation("shacl", expand(parts[1]), parts.length > 2 ? parts[2] : "", line));
                case "check" -> {
                    if (parts.length < 3) {
                        throw new IllegalArgumentException(file + ": 'check' needs a check name and a resource: " + line);
                    }
                    result.add(new Expectation(parts[1], expand(parts[2]), "", line));
                }
                default -> throw new IllegalArgumentException(file + ": unknown expectation: " + line);
            }
        }
        if (conforms == !result.isEmpty()) {
            throw new IllegalArgumentException(file + ": say either 'conforms' or list violations, not both or neither");
        }
        return result;
    }

    private static String expand(String term) {
        if (term.startsWith("<") && term.endsWith(">")) {
            return term.substring(1, term.length() - 1);
        }
        for (Map.Entry<String, String> p : PREFIXES.entrySet()) {
            if (term.startsWith(p.getKey())) {
                return p.getValue() + term.substring(p.getKey().length());
            }
        }
        throw new IllegalArgumentException("resource must be <iri> or use akr: akg: wd: : " + term);
    }

    private static List<Path> caseDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(casesDir)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void everyCheckQueryIsProvenToFireByACase() throws IOException {
        Set<String> exercised = new TreeSet<>();
        for (Path dir : caseDirs()) {
            readExpected(dir.resolve("expected.txt")).stream().map(Expectation::source)
                    .filter(s -> !s.equals("shacl")).forEach(exercised::add);
        }
        Set<String> unknown = new TreeSet<>(exercised);
        unknown.removeAll(validator.checks().keySet());
        assertTrue(unknown.isEmpty(), "cases name checks that do not exist: " + unknown);
        Set<String> untested = new TreeSet<>(validator.checks().keySet());
        untested.removeAll(exercised);
        assertTrue(untested.isEmpty(), "no case shows these checks returning rows: " + untested);
    }

    @Test
    void everyGoodCaseIsBesideABadOne() throws IOException {
        long good = 0;
        long bad = 0;
        for (Path dir : caseDirs()) {
            if (readExpected(dir.resolve("expected.txt")).isEmpty()) {
                good++;
            } else {
                bad++;
            }
        }
        assertTrue(good >= 2, "expected at least two conforming cases (ontology only, full data), found " + good);
        assertTrue(bad >= validator.checks().size(), "expected at least one bad case per check, found " + bad);
    }

    @Test
    void everyCheckQueryOpensWithWhyAndSelectsResourceAndMessage() throws IOException {
        assertFalse(validator.checks().isEmpty(), "no queries/checks/*-violation.rq found");
        for (Map.Entry<String, Query> check : validator.checks().entrySet()) {
            Path file = projectDir.resolve("queries/checks/" + check.getKey() + ".rq");
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
            assertTrue(first.startsWith("# Why:"), file.getFileName() + " must open with a '# Why:' comment");
            Query q = check.getValue();
            assertTrue(q.isSelectType(), check.getKey() + " must be a SELECT");
            assertEquals(List.of("resource", "message"), q.getResultVars(), check.getKey() + " must select ?resource ?message");
        }
    }

    @Test
    void everyShapeConstraintNamesItsRule() {
        Graph shapes = RDFDataMgr.loadGraph(projectDir.resolve("ontology/shapes.ttl").toString());
        Node sh = NodeFactory.createURI("http://www.w3.org/ns/shacl#property");
        Node message = NodeFactory.createURI("http://www.w3.org/ns/shacl#message");
        Node nodeShape = NodeFactory.createURI("http://www.w3.org/ns/shacl#NodeShape");
        Set<String> direct = Set.of("class", "or", "node", "not", "nodeKind", "datatype");
        List<String> silent = new ArrayList<>();
        shapes.find(Node.ANY, sh, Node.ANY).mapWith(Triple::getObject).forEachRemaining(ps -> {
            if (!shapes.contains(ps, message, Node.ANY)) {
                silent.add("property shape of " + shapes.find(ps, NodeFactory.createURI("http://www.w3.org/ns/shacl#path"), Node.ANY)
                        .mapWith(Triple::getObject).toList());
            }
        });
        shapes.find(Node.ANY, RDF.type.asNode(), nodeShape).mapWith(Triple::getSubject).forEachRemaining(ns -> {
            boolean constrainsItself = shapes.find(ns, Node.ANY, Node.ANY).toList().stream()
                    .anyMatch(t -> t.getPredicate().getURI().startsWith("http://www.w3.org/ns/shacl#")
                            && direct.contains(t.getPredicate().getLocalName()));
            if (constrainsItself && !shapes.contains(ns, message, Node.ANY)) {
                silent.add("node shape " + ns);
            }
        });
        assertTrue(silent.isEmpty(), "constraints without sh:message: " + silent.stream().collect(Collectors.joining(", ")));
    }
}
