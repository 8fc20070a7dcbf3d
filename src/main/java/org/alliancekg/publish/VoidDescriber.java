package org.alliancekg.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.alliancekg.store.DatasetStatistics;
import org.alliancekg.store.Store;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The VoID description of the served dataset, counted from the live data ({@link DatasetStatistics}): size,
 * classes and properties with their partitions, one {@code void:subset} per named graph, example resources, the
 * SPARQL endpoint, the dumps, the license (the ontology's {@code dcterms:license}) and the linkset of
 * {@code owl:sameAs} links to Wikidata. Call {@link #describe} inside a read transaction.
 *
 * <p>The dataset is {@code <https://w3id.org/alliance-kg/void#alliance-kg>}, the linkset {@code ...void#wikidata-links}
 * and Wikidata {@code ...void#wikidata}; access addresses (endpoint, dumps) are those of the serving site.
 */
public final class VoidDescriber {

    /** VoID namespace. */
    public static final String VOID = Namespaces.VOID;
    /** The VoID document's IRI. */
    public static final String DOCUMENT = Iris.BASE + "void";
    /** The dataset's IRI. */
    public static final String DATASET = DOCUMENT + "#alliance-kg";
    /** The linkset of {@code owl:sameAs} links to Wikidata. */
    public static final String WIKIDATA_LINKSET = DOCUMENT + "#wikidata-links";
    /** Wikidata as a target dataset. */
    public static final String WIKIDATA = DOCUMENT + "#wikidata";

    /** Individuals given as {@code void:exampleResource} when present in the data. */
    static final List<String> EXAMPLES = List.of("state/japan", "meeting/scc-2024-07-28", "document/jp-nss-2022",
            "capability/counterstrike", "person/fumio-kishida");

    private static final String FORMATS = "http://www.w3.org/ns/formats/";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";

    private VoidDescriber() {
    }

    /**
     * The VoID description.
     *
     * @param dsg      the served dataset
     * @param siteBase the absolute base of the serving site, ending in {@code /}
     * @param service  the Fuseki service name ({@code kg})
     */
    public static Model describe(DatasetGraph dsg, String siteBase, String service) {
        return describe(dsg, DatasetStatistics.of(dsg), siteBase, service);
    }

    /** The VoID description with counts already made ({@code stats} must be of {@code dsg}). */
    public static Model describe(DatasetGraph dsg, DatasetStatistics stats, String siteBase, String service) {
        Describer describer = new Describer(dsg);
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Namespaces.PREFIXES);
        m.setNsPrefix("foaf", FOAF);
        m.setNsPrefix("formats", FORMATS);

        Resource ds = m.createResource(DATASET);
        ds.addProperty(RDF.type, m.createResource(VOID + "Dataset"));
        ds.addProperty(DCTerms.title, "alliance-kg", "en");
        ds.addProperty(DCTerms.description, "A knowledge graph of Japan's national security strategy and the "
                + "U.S.-Japan alliance, built from a corpus of articles; every fact carries the quote it was taken "
                + "from.", "en");
        Node ontology = NodeFactory.createURI(Iris.BASE + "ontology");
        describer.union().find(ontology, DCTerms.license.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) {
                ds.addProperty(DCTerms.license, m.createResource(t.getObject().getURI()));
            }
        });
        ds.addProperty(m.createProperty(FOAF, "homepage"), m.createResource(siteBase));
        ds.addProperty(p(m, "sparqlEndpoint"), m.createResource(siteBase + service + "/sparql"));
        ds.addProperty(p(m, "dataDump"), m.createResource(siteBase + "dumps/" + Store.DUMP_NAME + ".trig.gz"));
        ds.addProperty(p(m, "dataDump"), m.createResource(siteBase + "dumps/" + Store.DUMP_NAME + ".nq.gz"));
        ds.addProperty(p(m, "uriSpace"), Iris.ID);
        for (String f : List.of("Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads")) {
            ds.addProperty(p(m, "feature"), m.createResource(FORMATS + f));
        }
        for (String vocabulary : vocabularies(stats)) {
            ds.addProperty(p(m, "vocabulary"), m.createResource(vocabulary));
        }
        for (String id : EXAMPLES) {
            Node n = NodeFactory.createURI(Iris.entity(id));
            if (describer.union().contains(n, Node.ANY, Node.ANY)) {
                ds.addProperty(p(m, "exampleResource"), m.createResource(n.getURI()));
            }
        }
        ds.addLiteral(p(m, "triples"), count(m, stats.triples()));
        ds.addLiteral(p(m, "entities"), count(m, stats.entities()));
        ds.addLiteral(p(m, "classes"), count(m, stats.classes()));
        ds.addLiteral(p(m, "properties"), count(m, stats.properties()));
        ds.addLiteral(p(m, "distinctSubjects"), count(m, stats.distinctSubjects()));
        ds.addLiteral(p(m, "distinctObjects"), count(m, stats.distinctObjects()));

        for (Map.Entry<String, Long> e : stats.classEntities().entrySet()) {
            Resource part = m.createResource();
            part.addProperty(p(m, "class"), m.createResource(e.getKey()));
            part.addLiteral(p(m, "entities"), count(m, e.getValue()));
            ds.addProperty(p(m, "classPartition"), part);
        }
        for (Map.Entry<String, Long> e : stats.propertyTriples().entrySet()) {
            Resource part = m.createResource();
            part.addProperty(p(m, "property"), m.createResource(e.getKey()));
            part.addLiteral(p(m, "triples"), count(m, e.getValue()));
            ds.addProperty(p(m, "propertyPartition"), part);
        }

        for (Map.Entry<String, Long> e : stats.graphTriples().entrySet()) {
            Resource graph = m.createResource(e.getKey());
            graph.addProperty(RDF.type, m.createResource(VOID + "Dataset"));
            graph.addLiteral(p(m, "triples"), count(m, e.getValue()));
            String articlePrefix = Iris.GRAPH + "article/";
            if (e.getKey().startsWith(articlePrefix)) {
                graph.addProperty(DCTerms.source,
                        m.createResource(Iris.article(e.getKey().substring(articlePrefix.length()))));
            }
            ds.addProperty(p(m, "subset"), graph);
        }

        Resource wikidata = m.createResource(WIKIDATA);
        wikidata.addProperty(RDF.type, m.createResource(VOID + "Dataset"));
        wikidata.addProperty(DCTerms.title, "Wikidata", "en");
        wikidata.addProperty(m.createProperty(FOAF, "homepage"), m.createResource("https://www.wikidata.org/"));
        wikidata.addProperty(p(m, "sparqlEndpoint"), m.createResource("https://query.wikidata.org/sparql"));
        wikidata.addProperty(p(m, "uriSpace"), Namespaces.WD);

        Resource linkset = m.createResource(WIKIDATA_LINKSET);
        linkset.addProperty(RDF.type, m.createResource(VOID + "Linkset"));
        linkset.addProperty(RDFS.label, "alliance-kg individuals linked to their Wikidata items", "en");
        linkset.addProperty(p(m, "linkPredicate"), OWL.sameAs);
        linkset.addProperty(p(m, "subjectsTarget"), ds);
        linkset.addProperty(p(m, "objectsTarget"), wikidata);
        linkset.addLiteral(p(m, "triples"), count(m, stats.sameAsWikidata()));
        ds.addProperty(p(m, "subset"), linkset);
        return m;
    }

    /** The namespaces of the classes and properties in use that are among the project's prefixes. */
    private static List<String> vocabularies(DatasetStatistics stats) {
        TreeSet<String> used = new TreeSet<>();
        List<String> terms = new ArrayList<>(stats.propertyTriples().keySet());
        terms.addAll(stats.classEntities().keySet());
        Map<String, String> prefixes = Namespaces.PREFIXES.getNsPrefixMap();
        for (String term : terms) {
            for (String ns : prefixes.values()) {
                if (term.startsWith(ns) && !ns.equals(Iris.ID) && term.length() > ns.length()) {
                    used.add(ns);
                }
            }
        }
        return List.copyOf(used);
    }

    private static Property p(Model m, String local) {
        return m.createProperty(VOID, local);
    }

    private static Literal count(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
