package org.alliancekg.cq;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;

/**
 * Compares SPARQL SELECT results term by term: IRIs, and literals by lexical form, datatype and language tag;
 * blank nodes carry no identity across results (each equals any other). Row order counts only when asked (the query
 * has {@code ORDER BY}); otherwise the rows are compared as a multiset. How an answer to a competency question
 * ({@code queries/cq/}) is checked against its expected {@code .tsv}: by the product's tests and, with the same
 * rules, by the load test of the tools, which checks every answer with it.
 *
 * <pre>{@code
 * ResultComparer.Table expected = ResultComparer.read(Files.newInputStream(tsv), ResultSetLang.RS_TSV);
 * ResultComparer.Table actual = ResultComparer.read(body, ResultSetLang.RS_JSON);
 * Optional<String> difference = expected.difference(actual, query.hasOrderBy());
 * }</pre>
 * <p>The competency-question harness uses it too, with {@code explained} reports.
 */
public final class ResultComparer {

    /** Stands for every blank node. */
    static final Node ANY_BLANK = NodeFactory.createURI("urn:x-akg:blank-node");

    private ResultComparer() {
    }

    /**
     * A result as a table of terms.
     *
     * @param vars the variables, in header order
     * @param rows the rows, each mapping variable name to term (unbound variables absent)
     */
    public record Table(List<String> vars, List<Map<String, Node>> rows) {

        public Table {
            vars = List.copyOf(vars);
            rows = rows.stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
        }

        /**
         * How {@code actual} differs from this (expected) table, or empty if it does not: different variables,
         * rows missing from {@code actual}, rows in excess, and, when {@code ordered}, rows in another order. In
         * brief: one header per kind of difference, with the rows concerned.
         */
        public Optional<String> difference(Table actual, boolean ordered) {
            return difference(actual, ordered, false);
        }

        /**
         * How {@code actual} differs from this (expected) table, or empty if it does not, as
         * {@link #difference(Table, boolean)}; {@code explained} also says which side each row kind comes from,
         * lists both tables when only the order differs, and ends with the column header (for a person reading a
         * failed test and pasting rows into an expected file).
         */
        public Optional<String> difference(Table actual, boolean ordered, boolean explained) {
            StringBuilder out = new StringBuilder();
            if (!new HashSet<>(vars).equals(new HashSet<>(actual.vars()))) {
                out.append("variables differ: expected ").append(vars).append(", got ").append(actual.vars())
                        .append('\n');
            }
            Map<Map<String, Node>, Integer> expectedCounts = counts(rows);
            Map<Map<String, Node>, Integer> actualCounts = counts(actual.rows());
            List<Map<String, Node>> missing = excess(rows, expectedCounts, actualCounts);
            List<Map<String, Node>> extra = excess(actual.rows(), actualCounts, expectedCounts);
            if (!missing.isEmpty()) {
                out.append(explained ? "missing rows (expected, not returned): " : "missing rows: ")
                        .append(missing.size()).append('\n');
                missing.forEach(r -> out.append("  ").append(format(r)).append('\n'));
            }
            if (!extra.isEmpty()) {
                out.append(explained ? "extra rows (returned, not expected): " : "extra rows: ")
                        .append(extra.size()).append('\n');
                extra.forEach(r -> out.append("  ").append(format(r)).append('\n'));
            }
            if (out.isEmpty() && ordered && !rows.equals(actual.rows())) {
                out.append("same rows in another order (the query has ORDER BY)\n");
                if (explained) {
                    out.append("expected:\n");
                    rows.forEach(r -> out.append("  ").append(format(r)).append('\n'));
                    out.append("got:\n");
                    actual.rows().forEach(r -> out.append("  ").append(format(r)).append('\n'));
                }
            }
            if (out.isEmpty()) {
                return Optional.empty();
            }
            if (explained) {
                out.append("columns: ").append(header());
            }
            return Optional.of(out.toString());
        }

        /** A row as a line of SPARQL TSV in this table's column order. */
        public String format(Map<String, Node> row) {
            return vars.stream().map(v -> {
                Node n = row.get(v);
                return n == null ? "" : n == ANY_BLANK ? "_:b" : NodeFmtLib.strNT(n);
            }).collect(Collectors.joining("\t"));
        }

        /** This table as SPARQL TSV, header included. */
        public String toTsv() {
            StringBuilder sb = new StringBuilder(header()).append('\n');
            rows.forEach(r -> sb.append(format(r)).append('\n'));
            return sb.toString();
        }

        private String header() {
            return vars.stream().map(v -> "?" + v).collect(Collectors.joining("\t"));
        }
    }

    /** Reads SPARQL results in the given syntax (e.g. {@code ResultSetLang.RS_TSV}). */
    public static Table read(InputStream in, Lang lang) {
        return read(RowSet.adapt(ResultSetMgr.read(in, lang)));
    }

    /** Reads the rows of a result, e.g. of {@code QueryExecHTTP...select()}. */
    public static Table read(RowSet rs) {
        List<String> vars = rs.getResultVars().stream().map(Var::getVarName).toList();
        List<Map<String, Node>> rows = new ArrayList<>();
        while (rs.hasNext()) {
            Binding b = rs.next();
            Map<String, Node> row = new LinkedHashMap<>();
            for (String v : vars) {
                Node n = b.get(Var.alloc(v));
                if (n != null) {
                    row.put(v, n.isBlank() ? ANY_BLANK : n);
                }
            }
            rows.add(row);
        }
        return new Table(vars, rows);
    }

    /** Reads SPARQL results from bytes. */
    public static Table read(byte[] bytes, Lang lang) {
        return read(new ByteArrayInputStream(bytes), lang);
    }

    /** Reads SPARQL results from a string. */
    public static Table read(String text, Lang lang) {
        return read(text.getBytes(StandardCharsets.UTF_8), lang);
    }

    private static Map<Map<String, Node>, Integer> counts(List<Map<String, Node>> rows) {
        Map<Map<String, Node>, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r, 1, Integer::sum));
        return counts;
    }

    /** Rows of {@code rows} beyond their count in {@code other}, in the order of {@code rows}. */
    private static List<Map<String, Node>> excess(List<Map<String, Node>> rows, Map<Map<String, Node>, Integer> mine,
                                                  Map<Map<String, Node>, Integer> other) {
        Map<Map<String, Node>, Integer> left = new HashMap<>();
        mine.forEach((r, n) -> {
            int surplus = n - other.getOrDefault(r, 0);
            if (surplus > 0) {
                left.put(r, surplus);
            }
        });
        List<Map<String, Node>> out = new ArrayList<>();
        for (Map<String, Node> r : rows) {
            Integer n = left.get(r);
            if (n != null && n > 0) {
                out.add(r);
                left.put(r, n - 1);
            }
        }
        return out;
    }
}
