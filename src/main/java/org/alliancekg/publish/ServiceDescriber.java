package org.alliancekg.publish;

import java.util.List;
import java.util.Map;

import org.alliancekg.store.DatasetStatistics;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The SPARQL 1.1 Service Description of a query endpoint (W3C Recommendation, 2013): {@code sd:endpoint} (the
 * address asked for, as the W3C conformance test "has-endpoint-triple" requires), {@code sd:SPARQL11Query}, the
 * result formats, {@code sd:UnionDefaultGraph}, and the default dataset with its default graph and every named graph
 * ({@code sd:NamedGraph} with {@code sd:name}, test "conforms-to-schema"), each with its {@code void:triples} counted
 * from the live data. Services, datasets and graphs are typed explicitly (the validator's best-practice tests).
 * Call {@link #describe} inside a read transaction.
 */
public final class ServiceDescriber {

    /** Service Description namespace. */
    public static final String SD = Namespaces.SD;
    /** Namespace of the W3C format IRIs. */
    public static final String FORMATS = "http://www.w3.org/ns/formats/";

    /** The result formats Fuseki answers a query in: results for SELECT/ASK, RDF for CONSTRUCT/DESCRIBE. */
    static final List<String> RESULT_FORMATS = List.of("SPARQL_Results_JSON", "SPARQL_Results_XML",
            "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD");

    private ServiceDescriber() {
    }

    /**
     * The description.
     *
     * @param dsg      the served dataset
     * @param endpoint the endpoint's absolute address, e.g. {@code http://localhost:3030/kg/sparql}
     */
    public static Model describe(DatasetGraph dsg, String endpoint) {
        return describe(DatasetStatistics.of(dsg), endpoint);
    }

    /** The description with counts already made. */
    public static Model describe(DatasetStatistics stats, String endpoint) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Namespaces.PREFIXES);
        m.setNsPrefix("formats", FORMATS);

        Resource service = m.createResource();
        service.addProperty(RDF.type, m.createResource(SD + "Service"));
        service.addProperty(RDFS.label, "alliance-kg SPARQL query endpoint (read only)", "en");
        service.addProperty(p(m, "endpoint"), m.createResource(endpoint));
        service.addProperty(p(m, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"));
        service.addProperty(p(m, "feature"), m.createResource(SD + "UnionDefaultGraph"));
        service.addProperty(p(m, "defaultEntailmentRegime"),
                m.createResource("http://www.w3.org/ns/entailment/Simple"));
        for (String f : RESULT_FORMATS) {
            service.addProperty(p(m, "resultFormat"), m.createResource(FORMATS + f));
        }

        Resource dataset = m.createResource(VoidDescriber.DATASET);
        dataset.addProperty(RDF.type, m.createResource(SD + "Dataset"));
        service.addProperty(p(m, "defaultDataset"), dataset);
        Resource defaultGraph = m.createResource();
        defaultGraph.addProperty(RDF.type, m.createResource(SD + "Graph"));
        defaultGraph.addProperty(RDFS.comment, "The union of all named graphs.", "en");
        defaultGraph.addLiteral(m.createProperty(Namespaces.VOID, "triples"), count(m, stats.triples()));
        dataset.addProperty(p(m, "defaultGraph"), defaultGraph);
        for (Map.Entry<String, Long> e : stats.graphTriples().entrySet()) {
            Resource named = m.createResource();
            named.addProperty(RDF.type, m.createResource(SD + "NamedGraph"));
            named.addProperty(p(m, "name"), m.createResource(e.getKey()));
            Resource graph = m.createResource();
            graph.addProperty(RDF.type, m.createResource(SD + "Graph"));
            graph.addLiteral(m.createProperty(Namespaces.VOID, "triples"), count(m, e.getValue()));
            named.addProperty(p(m, "graph"), graph);
            dataset.addProperty(p(m, "namedGraph"), named);
        }
        return m;
    }

    private static Property p(Model m, String local) {
        return m.createProperty(SD, local);
    }

    private static org.apache.jena.rdf.model.Literal count(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
