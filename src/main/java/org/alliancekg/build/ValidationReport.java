package org.alliancekg.build;

import java.io.StringWriter;
import java.util.List;

import org.alliancekg.vocab.Namespaces;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

/**
 * The outcome of validation: the SHACL report (as RDF, with whether it conforms and its results summarized as
 * lines) and the rows returned by the {@code *-violation.rq} check queries.
 */
public record ValidationReport(boolean shaclConforms, Model shaclReport, List<String> shaclResults,
                               List<CheckViolation> checkViolations) {

    /** One row of a check query: the query file and the row's {@code ?message} (or the whole row). */
    public record CheckViolation(String check, String resource, String message) {
        @Override
        public String toString() {
            return check + ": " + message;
        }
    }

    /** Copies the lists. */
    public ValidationReport {
        shaclResults = List.copyOf(shaclResults);
        checkViolations = List.copyOf(checkViolations);
    }

    /** Whether there is no violation at all. */
    public boolean conforms() {
        return shaclConforms && checkViolations.isEmpty();
    }

    /** Number of violations (SHACL results plus check rows). */
    public int violations() {
        return shaclResults.size() + checkViolations.size();
    }

    /** The SHACL report in Turtle. */
    public String shaclTurtle() {
        shaclReport.setNsPrefixes(Namespaces.PREFIXES);
        StringWriter w = new StringWriter();
        RDFDataMgr.write(w, shaclReport, Lang.TURTLE);
        return w.toString();
    }

    /** A human-readable account: a summary line per violation, then the SHACL report in Turtle if it failed. */
    public String describe() {
        if (conforms()) {
            return "validation: conforms";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("validation failed: ").append(shaclResults.size()).append(" SHACL result(s), ")
                .append(checkViolations.size()).append(" check violation(s)\n");
        for (String r : shaclResults) {
            sb.append("  shacl: ").append(r).append('\n');
        }
        for (CheckViolation v : checkViolations) {
            sb.append("  ").append(v).append('\n');
        }
        if (!shaclConforms) {
            sb.append("\n# SHACL validation report\n").append(shaclTurtle());
        }
        return sb.toString();
    }
}
