package org.alliancekg.cq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.Test;

/** How the competency-question harness and the load test compare results. */
class ResultComparerTest {

    static final String HEADER = "?x\t?label\n";
    static final String A = "<https://w3id.org/alliance-kg/id/state/japan>\t\"Japan\"@en\n";
    static final String B = "<https://w3id.org/alliance-kg/id/state/india>\t\"India\"@en\n";

    static ResultComparer.Table tsv(String text) {
        return ResultComparer.read(text, ResultSetLang.RS_TSV);
    }

    @Test
    void rowOrderCountsOnlyWhenOrdered() {
        assertEquals(Optional.empty(), tsv(HEADER + A + B).difference(tsv(HEADER + B + A), false));
        Optional<String> d = tsv(HEADER + A + B).difference(tsv(HEADER + B + A), true);
        assertTrue(d.isPresent() && d.get().contains("another order"), d.toString());
    }

    @Test
    void missingAndExtraRowsAreListed() {
        Optional<String> d = tsv(HEADER + A + B).difference(tsv(HEADER + A + A), false, true);
        assertTrue(d.isPresent());
        assertTrue(d.get().contains("missing rows (expected, not returned): 1\n  " + B), d.get());
        assertTrue(d.get().contains("extra rows (returned, not expected): 1\n  " + A), d.get());
    }

    @Test
    void briefReportNamesMissingAndExtraRows() {
        Optional<String> d = tsv(HEADER + A + B).difference(tsv(HEADER + A + A), false);
        assertTrue(d.isPresent());
        assertTrue(d.get().startsWith("missing rows: 1\n  " + B + "extra rows: 1\n  " + A), d.get());
    }

    @Test
    void literalsCompareByLexicalFormDatatypeAndLanguage() {
        String h = "?v\n";
        assertTrue(tsv(h + "\"Japan\"@en\n").difference(tsv(h + "\"Japan\"\n"), false).isPresent(), "language");
        assertTrue(tsv(h + "\"Japan\"@en\n").difference(tsv(h + "\"Japan\"@ja\n"), false).isPresent(), "language");
        assertTrue(tsv(h + "1\n").difference(tsv(h + "\"01\"^^<http://www.w3.org/2001/XMLSchema#integer>\n"), false)
                .isPresent(), "lexical form");
        assertTrue(tsv(h + "\"2022\"^^<http://www.w3.org/2001/XMLSchema#gYear>\n")
                .difference(tsv(h + "\"2022\"\n"), false).isPresent(), "datatype");
        assertTrue(tsv(h + "<https://w3id.org/alliance-kg/id/a>\n")
                .difference(tsv(h + "\"https://w3id.org/alliance-kg/id/a\"\n"), false).isPresent(), "IRI vs string");
        assertEquals(Optional.empty(), tsv(h + "1\n")
                .difference(tsv(h + "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>\n"), false), "same term");
    }

    @Test
    void unboundDiffersFromBound() {
        assertTrue(tsv(HEADER + "<https://w3id.org/alliance-kg/id/a>\t\n")
                .difference(tsv(HEADER + "<https://w3id.org/alliance-kg/id/a>\t\"A\"\n"), false).isPresent());
    }

    @Test
    void variablesMustMatch() {
        Optional<String> d = tsv("?x\n<urn:a>\n").difference(tsv("?y\n<urn:a>\n"), false);
        assertTrue(d.isPresent() && d.get().contains("variables differ"), d.toString());
    }

    @Test
    void jsonAndTsvReadTheSameTerms() {
        String json = """
                { "head": { "vars": [ "x", "label" ] },
                  "results": { "bindings": [
                    { "x": { "type": "uri", "value": "https://w3id.org/alliance-kg/id/state/japan" },
                      "label": { "type": "literal", "value": "Japan", "xml:lang": "en" } } ] } }
                """;
        assertEquals(Optional.empty(), tsv(HEADER + A).difference(ResultComparer.read(json, ResultSetLang.RS_JSON), true));
    }
}
