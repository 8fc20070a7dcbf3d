package org.alliancekg.sources;

import java.util.Objects;

/**
 * One end of a claim, an author, a modality or a rank, as a reader sees it: an IRI with its display label, or a
 * literal value (then {@code iri} is null and {@code label} is the lexical form, {@code datatype} its datatype IRI).
 *
 * @param iri      the IRI, or null for a literal
 * @param label    the display label (an IRI's English label, else a short form of the IRI; a literal's value)
 * @param datatype a literal's datatype IRI, or null
 */
public record Term(String iri, String label, String datatype) {

    public Term {
        Objects.requireNonNull(label, "label");
        if (iri == null && datatype == null) {
            throw new IllegalArgumentException("a term is an IRI or a typed literal: " + label);
        }
        if (iri != null && datatype != null) {
            throw new IllegalArgumentException("an IRI has no datatype: " + iri);
        }
    }

    /** An IRI with its label. */
    public static Term iri(String iri, String label) {
        return new Term(Objects.requireNonNull(iri, "iri"), label, null);
    }

    /** A literal value. */
    public static Term literal(String lexical, String datatype) {
        return new Term(null, lexical, Objects.requireNonNull(datatype, "datatype"));
    }

    /** Whether this is a literal value. */
    public boolean isLiteral() {
        return iri == null;
    }

    /** The local name of an IRI (after the last {@code #} or {@code /}); a literal's value. */
    public String localName() {
        if (iri == null) {
            return label;
        }
        return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    }
}
