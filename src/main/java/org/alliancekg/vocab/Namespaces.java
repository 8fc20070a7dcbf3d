package org.alliancekg.vocab;

import org.apache.jena.shared.PrefixMapping;

/**
 * The prefixes of the project: {@code akg akr rdf rdfs owl xsd skos dcterms prov schema sem nif org sh void sd wd}.
 *
 * <pre>{@code
 * model.setNsPrefixes(Namespaces.PREFIXES);
 * String header = Namespaces.sparqlPrefixes();
 * }</pre>
 */
public final class Namespaces {

    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final String OWL = "http://www.w3.org/2002/07/owl#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String SCHEMA = "https://schema.org/";
    public static final String SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/";
    public static final String NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    public static final String ORG = "http://www.w3.org/ns/org#";
    public static final String SH = "http://www.w3.org/ns/shacl#";
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    public static final String WD = "http://www.wikidata.org/entity/";

    /** Immutable mapping with every prefix above plus {@code akg} and {@code akr}. */
    public static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("akg", AKG.NS)
            .setNsPrefix("akr", Iris.ID)
            .setNsPrefix("rdf", RDF)
            .setNsPrefix("rdfs", RDFS)
            .setNsPrefix("owl", OWL)
            .setNsPrefix("xsd", XSD)
            .setNsPrefix("skos", SKOS)
            .setNsPrefix("dcterms", DCTERMS)
            .setNsPrefix("prov", PROV)
            .setNsPrefix("schema", SCHEMA)
            .setNsPrefix("sem", SEM)
            .setNsPrefix("nif", NIF)
            .setNsPrefix("org", ORG)
            .setNsPrefix("sh", SH)
            .setNsPrefix("void", VOID)
            .setNsPrefix("sd", SD)
            .setNsPrefix("wd", WD)
            .lock();

    private Namespaces() {
    }

    /** The prefixes as SPARQL {@code PREFIX} lines, one per line. */
    public static String sparqlPrefixes() {
        StringBuilder sb = new StringBuilder();
        PREFIXES.getNsPrefixMap().forEach((p, ns) -> sb.append("PREFIX ").append(p).append(": <").append(ns).append(">\n"));
        return sb.toString();
    }
}
