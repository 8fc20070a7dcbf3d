package org.alliancekg.publish;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.jena.riot.RDFFormat;

/**
 * The representations a linked-data resource is offered in, with the media types that ask for each and the file
 * extension that names it ({@code /id/state/japan.ttl}).
 *
 * <p>The declaration order is the server's preference when a client accepts several equally: Turtle first, so
 * {@code Accept: *}{@code /*} (curl's default) and a request without {@code Accept} get Turtle, the linked-data norm;
 * browsers ask for {@code text/html} with a higher quality than their {@code *}{@code /*} and get HTML.
 */
public enum Format {
    TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY, "Turtle", List.of("text/turtle", "application/x-turtle")),
    HTML("text/html", "html", null, "HTML", List.of("text/html", "application/xhtml+xml")),
    NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES_UTF8, "N-Triples", List.of("application/n-triples")),
    JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11_PRETTY, "JSON-LD", List.of("application/ld+json")),
    RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PLAIN, "RDF/XML", List.of("application/rdf+xml"));

    private final String mediaType;
    private final String extension;
    private final RDFFormat rdfFormat;
    private final String label;
    private final List<String> acceptedTypes;

    Format(String mediaType, String extension, RDFFormat rdfFormat, String label, List<String> acceptedTypes) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.rdfFormat = rdfFormat;
        this.label = label;
        this.acceptedTypes = acceptedTypes;
    }

    /** The media type answered, e.g. {@code text/turtle}. */
    public String mediaType() {
        return mediaType;
    }

    /** The {@code Content-Type} header value, with {@code charset=utf-8} for the text formats. */
    public String contentType() {
        return switch (this) {
            case TURTLE, HTML -> mediaType + "; charset=utf-8";
            default -> mediaType;
        };
    }

    /** The file extension without dot, e.g. {@code ttl}. */
    public String extension() {
        return extension;
    }

    /** The Jena writer format; null for HTML. */
    public RDFFormat rdfFormat() {
        return rdfFormat;
    }

    /** A human name, e.g. {@code N-Triples}. */
    public String label() {
        return label;
    }

    /** Media types in an {@code Accept} header that ask for this format. */
    public List<String> acceptedTypes() {
        return acceptedTypes;
    }

    /** Whether this is an RDF serialization (not HTML). */
    public boolean isRdf() {
        return rdfFormat != null;
    }

    /** The format named by a file extension ({@code ttl}, {@code nt}, {@code jsonld}, {@code rdf}, {@code html}). */
    public static Optional<Format> fromExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }

    /** Every format, in the server's order of preference. */
    public static List<Format> all() {
        return List.of(values());
    }

    /** The RDF formats only, in the server's order of preference. */
    public static List<Format> rdfOnly() {
        return Arrays.stream(values()).filter(Format::isRdf).toList();
    }
}
