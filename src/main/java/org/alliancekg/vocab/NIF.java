package org.alliancekg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms of the NLP Interchange Format (NIF 2.0 Core) the graph uses for article texts: the article carries its
 * body as {@code nif:isString}; each sentence is a {@code nif:Sentence} with {@code nif:anchorOf},
 * {@code nif:beginIndex}, {@code nif:endIndex} (code points from the start of the body) and
 * {@code nif:referenceContext} (the article).
 */
public final class NIF {

    /** The namespace. */
    public static final String NS = Namespaces.NIF;

    /** A sentence of an article body. */
    public static final Resource Sentence = ResourceFactory.createResource(NS + "Sentence");
    /** The whole text of a context (on the article: its body). */
    public static final Property isString = ResourceFactory.createProperty(NS + "isString");
    /** The words of a string (on a sentence: its text). */
    public static final Property anchorOf = ResourceFactory.createProperty(NS + "anchorOf");
    /** First code point of a string in its context. */
    public static final Property beginIndex = ResourceFactory.createProperty(NS + "beginIndex");
    /** Code point after the last one of a string in its context. */
    public static final Property endIndex = ResourceFactory.createProperty(NS + "endIndex");
    /** The context (the article) a string stands in. */
    public static final Property referenceContext = ResourceFactory.createProperty(NS + "referenceContext");

    private NIF() {
    }
}
