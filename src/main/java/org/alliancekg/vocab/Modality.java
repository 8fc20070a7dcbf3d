package org.alliancekg.vocab;

/**
 * How an article puts a claim ({@code akg:modality}); whether a claim of this modality asserts its triple.
 *
 * <pre>{@code
 * Concept.fromNotation(Modality.class, "considered").orElseThrow().asserts(); // false
 * }</pre>
 */
public enum Modality implements Concept {
    STATED("stated", "Stated", true),
    DECIDED("decided", "Decided", true),
    PLANNED("planned", "Planned", true),
    REPORTED("reported", "Reported", true),
    CONSIDERED("considered", "Considered", false),
    POSSIBLE("possible", "Possible", false),
    NORMATIVE("normative", "Normative", false),
    DENIED("denied", "Denied", false);

    private final Id id;
    private final boolean asserts;

    Modality(String notation, String localName, boolean asserts) {
        this.id = new Id(notation, localName);
        this.asserts = asserts;
    }

    @Override
    public Id id() {
        return id;
    }

    /** Whether a claim of this modality (and a rank other than deprecated) asserts its triple. */
    public boolean asserts() {
        return asserts;
    }
}
