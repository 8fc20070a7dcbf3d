package org.alliancekg.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;

/**
 * The W3C test "Service description conforms to schema", as checks over the description: each is an ASK that must
 * hold (the SPARQL 1.1 Service Description vocabulary's domains, ranges and value sets).
 */
final class ServiceDescriptionSchema {

    private static final String P = "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>\n"
            + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n";

    /** Rule -> ASK that holds when the rule is kept. */
    static final Map<String, String> RULES = new LinkedHashMap<>();

    static {
        RULES.put("there is an sd:Service", "ASK { ?s a sd:Service }");
        RULES.put("every sd:Service has an sd:endpoint IRI",
                "ASK { FILTER NOT EXISTS { ?s a sd:Service FILTER NOT EXISTS { ?s sd:endpoint ?e FILTER isIRI(?e) } } }");
        RULES.put("every sd:Service names a supported language",
                "ASK { FILTER NOT EXISTS { ?s a sd:Service FILTER NOT EXISTS { ?s sd:supportedLanguage ?l } } }");
        RULES.put("sd:supportedLanguage is sd:SPARQL10Query, sd:SPARQL11Query or sd:SPARQL11Update",
                "ASK { FILTER NOT EXISTS { ?s sd:supportedLanguage ?l "
                        + "FILTER (?l NOT IN (sd:SPARQL10Query, sd:SPARQL11Query, sd:SPARQL11Update)) } }");
        RULES.put("sd:endpoint, sd:resultFormat, sd:inputFormat, sd:feature, sd:defaultEntailmentRegime and "
                        + "sd:extensionFunction values are IRIs",
                "ASK { FILTER NOT EXISTS { ?s ?p ?o FILTER (?p IN (sd:endpoint, sd:resultFormat, sd:inputFormat, "
                        + "sd:feature, sd:defaultEntailmentRegime, sd:extensionFunction, sd:extensionAggregate, "
                        + "sd:languageExtension, sd:propertyFeature) && !isIRI(?o)) } }");
        RULES.put("the subject of service properties is an sd:Service",
                "ASK { FILTER NOT EXISTS { ?s ?p ?o FILTER (?p IN (sd:endpoint, sd:supportedLanguage, "
                        + "sd:resultFormat, sd:feature, sd:defaultDataset, sd:availableGraphs)) "
                        + "FILTER NOT EXISTS { ?s a sd:Service } } }");
        RULES.put("sd:defaultDataset values are sd:Dataset",
                "ASK { FILTER NOT EXISTS { ?s sd:defaultDataset ?d FILTER NOT EXISTS { ?d a sd:Dataset } } }");
        RULES.put("sd:defaultGraph values are sd:Graph",
                "ASK { FILTER NOT EXISTS { ?s sd:defaultGraph ?g FILTER NOT EXISTS { ?g a sd:Graph } } }");
        RULES.put("sd:namedGraph values are sd:NamedGraph with one sd:name IRI",
                "ASK { FILTER NOT EXISTS { ?s sd:namedGraph ?g FILTER (NOT EXISTS { ?g a sd:NamedGraph } "
                        + "|| NOT EXISTS { ?g sd:name ?n FILTER isIRI(?n) } "
                        + "|| EXISTS { ?g sd:name ?n1, ?n2 FILTER (?n1 != ?n2) }) } }");
        RULES.put("sd:graph values are sd:Graph",
                "ASK { FILTER NOT EXISTS { ?s sd:graph ?g FILTER NOT EXISTS { ?g a sd:Graph } } }");
    }

    private ServiceDescriptionSchema() {
    }

    /** The first rule the description breaks, or empty. */
    static Optional<String> check(Model description) {
        for (Map.Entry<String, String> rule : RULES.entrySet()) {
            if (!W3cConformanceHttpTest.ask(description, P + rule.getValue())) {
                return Optional.of("breaks the schema: " + rule.getKey());
            }
        }
        return Optional.empty();
    }
}
