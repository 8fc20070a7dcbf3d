package org.alliancekg.publish;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.alliancekg.store.DatasetStatistics;
import org.alliancekg.store.Store;
import org.alliancekg.serve.Templates;
import org.alliancekg.vocab.Iris;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;

/**
 * The HTML pages of the dataset's descriptions: the VoID description ({@code templates/void.mustache}) and the
 * SPARQL endpoint's service description ({@code templates/sparql-service.mustache}), as readable summaries (counts,
 * named graphs, classes, properties, access) with the RDF one click away. The counts are those the RDF states
 * ({@link DatasetStatistics}); labels come from the served data.
 */
final class DescriptionPages {

    private DescriptionPages() {
    }

    record Link(String label, String href, String type) {
    }

    record Row(String label, String href, String iri, String count, Link source) {
    }

    record Figure(String label, String value) {
    }

    private record VoidScope(String title, String intro, List<Link> formats, List<Figure> figures, String endpoint,
                             List<Link> dumps, List<Link> licenses, String uriSpace, List<Link> examples,
                             List<Row> graphs, List<Row> classes, List<Row> properties, List<Link> vocabularies,
                             String linksToWikidata, String query) {
    }

    private record ServiceScope(String title, String endpoint, List<Link> formats, String union, List<Row> graphs,
                                List<String> resultFormats, String query, String voidHref, String example) {
    }

    /**
     * The VoID page's content.
     *
     * @param model  the VoID description, as served in RDF
     * @param label  the display name of an IRI in the served data
     */
    static String voidContent(Model model, DatasetStatistics stats, Function<Node, String> label, SiteLinks links,
                              String siteBase, String service) {
        List<Link> formats = new ArrayList<>();
        for (Format f : Format.rdfOnly()) {
            formats.add(new Link(f.label(), links.page("void." + f.extension()), f.mediaType()));
        }
        List<Figure> figures = List.of(
                new Figure("Triples (distinct, in the union of the named graphs)", n(stats.triples())),
                new Figure("Entities (resources under " + Iris.ID + ")", n(stats.entities())),
                new Figure("Classes in use", n(stats.classes())),
                new Figure("Properties in use", n(stats.properties())),
                new Figure("Distinct subjects", n(stats.distinctSubjects())),
                new Figure("Distinct objects", n(stats.distinctObjects())),
                new Figure("Named graphs", n(stats.graphTriples().size())),
                new Figure("Links to Wikidata (owl:sameAs)", n(stats.sameAsWikidata())));
        Resource ds = model.getResource(VoidDescriber.DATASET);
        List<Link> licenses = new ArrayList<>();
        for (RDFNode l : model.listObjectsOfProperty(ds, DCTerms.license).toList()) {
            if (l.isURIResource()) {
                licenses.add(new Link(l.asResource().getURI(), l.asResource().getURI(), null));
            }
        }
        List<Link> vocabularies = new ArrayList<>();
        for (RDFNode v : model.listObjectsOfProperty(ds, model.createProperty(VoidDescriber.VOID, "vocabulary"))
                .toList()) {
            String iri = v.asResource().getURI();
            String prefix = model.getNsURIPrefix(iri);
            vocabularies.add(new Link(prefix == null ? iri : prefix + ":", iri, null));
        }
        vocabularies.sort(java.util.Comparator.comparing(Link::label));
        List<Link> examples = new ArrayList<>();
        for (String id : VoidDescriber.EXAMPLES) {
            String iri = Iris.entity(id);
            if (model.contains(ds, model.createProperty(VoidDescriber.VOID, "exampleResource"),
                    model.createResource(iri))) {
                examples.add(new Link(label.apply(NodeFactory.createURI(iri)), links.href(iri), null));
            }
        }
        List<Row> graphs = new ArrayList<>();
        String articlePrefix = Iris.GRAPH + "article/";
        for (Map.Entry<String, Long> e : stats.graphTriples().entrySet()) {
            String g = e.getKey();
            Link source = null;
            if (g.startsWith(articlePrefix)) {
                String article = Iris.article(g.substring(articlePrefix.length()));
                source = new Link(label.apply(NodeFactory.createURI(article)), links.href(article), null);
            }
            graphs.add(new Row(PageRenderer.shortName(NodeFactory.createURI(g)), links.href(g), g, n(e.getValue()),
                    source));
        }
        List<Row> classes = rows(stats.classEntities(), label, links);
        List<Row> properties = rows(stats.propertyTriples(), label, links);
        String dump = siteBase + "dumps/" + Store.DUMP_NAME;
        return Templates.render("void", new VoidScope("Dataset description (VoID)",
                "alliance-kg in figures, counted from the live data: its size, named graphs, classes and properties, "
                        + "where to query and download it, and its links to Wikidata.",
                formats, figures, siteBase + service + "/sparql",
                List.of(new Link("TriG", dump + ".trig.gz", "application/trig"),
                        new Link("N-Quads", dump + ".nq.gz", "application/n-quads")),
                licenses, Iris.ID, examples, graphs, classes, properties, vocabularies, n(stats.sameAsWikidata()),
                links.page("query")));
    }

    /**
     * The service description page's content.
     *
     * @param endpoint   the endpoint's absolute address
     * @param formatHref the address of the description in an RDF format
     */
    static String serviceContent(String endpoint, DatasetStatistics stats, Function<Format, String> formatHref,
                                 SiteLinks links) {
        List<Link> formats = new ArrayList<>();
        for (Format f : Format.rdfOnly()) {
            formats.add(new Link(f.label(), formatHref.apply(f), f.mediaType()));
        }
        List<Row> graphs = new ArrayList<>();
        for (Map.Entry<String, Long> e : stats.graphTriples().entrySet()) {
            graphs.add(new Row(PageRenderer.shortName(NodeFactory.createURI(e.getKey())), links.href(e.getKey()),
                    e.getKey(), n(e.getValue()), null));
        }
        List<String> resultFormats = ServiceDescriber.RESULT_FORMATS.stream().map(f -> f.replace('_', ' ')).toList();
        String example = "SELECT ?class (COUNT(?x) AS ?n) WHERE { ?x a ?class } GROUP BY ?class ORDER BY DESC(?n)";
        return Templates.render("sparql-service", new ServiceScope("SPARQL endpoint", endpoint, formats,
                n(stats.triples()), graphs, resultFormats, links.page("query"), links.page("void"), example));
    }

    private static List<Row> rows(Map<String, Long> counts, Function<Node, String> label, SiteLinks links) {
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            Node n = NodeFactory.createURI(e.getKey());
            out.add(new Row(label.apply(n), links.href(e.getKey()), e.getKey(), n(e.getValue()), null));
        }
        out.sort(java.util.Comparator.comparing((Row r) -> r.label().toLowerCase(Locale.ROOT)));
        return out;
    }

    private static String n(long value) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
    }
}
