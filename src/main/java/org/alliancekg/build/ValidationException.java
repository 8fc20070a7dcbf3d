package org.alliancekg.build;

/**
 * The assembled graph breaks the SHACL shapes or a check query. The message is the report: SHACL results as
 * Turtle and one line per check-query row.
 */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    /** An exception carrying a failed report. */
    public ValidationException(ValidationReport report) {
        super(report.describe());
        this.report = report;
    }

    /** The report. */
    public ValidationReport report() {
        return report;
    }
}
