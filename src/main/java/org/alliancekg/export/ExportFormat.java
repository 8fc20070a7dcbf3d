package org.alliancekg.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The export formats, with their file extension (also the {@code --format} name and the {@code /export/graph.EXT}
 * path) and media type.
 *
 * <pre>{@code
 * ExportFormat f = ExportFormat.fromName("gexf").orElseThrow();
 * f.writer(dataset).write(graph, out);
 * }</pre>
 */
public enum ExportFormat {
    /** GEXF 1.3, dynamic (Gephi). */
    GEXF("gexf", "application/gexf+xml"),
    /** GraphML with yEd graphics (yEd, Gephi, NetworkX, JGraphT ...). */
    GRAPHML("graphml", "application/graphml+xml"),
    /** Graphviz DOT. */
    DOT("dot", "text/vnd.graphviz"),
    /** Cytoscape JSON (Cytoscape.js, Cytoscape desktop). */
    CYJS("cyjs", "application/json"),
    /** The RDF of the graph and its evidence, as Turtle. */
    TTL("ttl", "text/turtle"),
    /** The RDF of the graph and its evidence, as N-Quads (with the named graphs). */
    NQ("nq", "application/n-quads");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The file extension and format name, e.g. {@code gexf}. */
    public String extension() {
        return extension;
    }

    /** The media type (without charset). */
    public String mediaType() {
        return mediaType;
    }

    /** The HTTP content type: the media type with {@code charset=utf-8} (every format is UTF-8 text). */
    public String contentType() {
        return mediaType + "; charset=utf-8";
    }

    /** The format with this name or extension (case-insensitive). */
    public static Optional<ExportFormat> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(n)).findFirst();
    }

    /** The names, comma-separated, for messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ExportFormat::extension).toList());
    }

    /** A writer of this format; the RDF formats read the statements from {@code dataset}. */
    public GraphWriter writer(DatasetGraph dataset) {
        return switch (this) {
            case GEXF -> new GexfWriter();
            case GRAPHML -> new GraphMlWriter();
            case DOT -> new DotWriter();
            case CYJS -> new CytoscapeJsonWriter();
            case TTL -> new RdfGraphWriter(dataset, Lang.TURTLE);
            case NQ -> new RdfGraphWriter(dataset, Lang.NQUADS);
        };
    }
}
