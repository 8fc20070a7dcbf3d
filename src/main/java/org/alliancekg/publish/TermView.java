package org.alliancekg.publish;

/**
 * A node as the template {@code templates/term.mustache} writes it: an IRI as a link titled with the IRI and showing
 * its label, a literal as text with its language or datatype, a blank node by its label. Exactly one of
 * {@code iri}, {@code literal} and {@code blank} is set.
 *
 * @param iri     the IRI, or null
 * @param href    where the link goes (the IRI's page), or null
 * @param label   the link text, or null
 * @param literal the literal, or null
 * @param blank   {@code _:label}, or null
 */
record TermView(String iri, String href, String label, Literal literal, String blank) {

    /**
     * A literal's text and what is shown after it.
     *
     * @param text the lexical form
     * @param meta {@code @lang} or the short datatype name, or null
     */
    record Literal(String text, String meta) {
    }

    static TermView link(String iri, String href, String label) {
        return new TermView(iri, href, label, null, null);
    }

    static TermView literal(String text, String meta) {
        return new TermView(null, null, null, new Literal(text, meta), null);
    }

    static TermView blank(String label) {
        return new TermView(null, null, null, null, label);
    }
}
