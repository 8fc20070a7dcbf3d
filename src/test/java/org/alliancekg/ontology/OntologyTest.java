package org.alliancekg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code ontology/alliance-kg.ttl} against the vocabulary contract ({@code shared/spec/vocabulary.md}):
 * it parses strictly; every akg term is labelled, commented and typed; properties carry the contract's domain
 * and range; the alignments with PROV, schema.org, SEM, NIF and ORG are stated; external terms are declared.
 */
class OntologyTest {

    static {
        // Jena's vocabulary classes are used in static fields below: initialise Jena first.
        JenaSystem.init();
    }

    private static final String AKG = "https://w3id.org/alliance-kg/ontology#";
    private static final String ONTOLOGY_IRI = "https://w3id.org/alliance-kg/ontology";
    private static final String PROV = "http://www.w3.org/ns/prov#";
    private static final String SCHEMA = "https://schema.org/";
    private static final String SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/";
    private static final String NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final String VANN = "http://purl.org/vocab/vann/";
    private static final String ACTOR = "Actor";
    private static final String DATE = "xsd:date|xsd:gYearMonth|xsd:gYear";
    private static final String EVENT = "Meeting|Exercise";
    private static final String SPAN = "Meeting|StrategyDocument|Decision|Exercise|Alliance|Organization|Claim";

    /**
     * Domain and range of each property, as the contract's tables and the design's added terms give them:
     * local name -> {domain, range}, alternatives separated by '|', classes by akg local name, datatypes as xsd:.
     */
    private static final Map<String, String[]> DOMAIN_RANGE = Map.ofEntries(
            Map.entry("namesThreat", new String[] {"Meeting|StrategyDocument|Decision|Article", "Threat"}),
            Map.entry("posedBy", new String[] {"Threat", ACTOR}),
            Map.entry("participant", new String[] {EVENT, ACTOR}),
            Map.entry("partOfSeries", new String[] {"Meeting", "MeetingSeries"}),
            Map.entry("location", new String[] {EVENT, "Place"}),
            Map.entry("produced", new String[] {"Meeting", "StrategyDocument"}),
            Map.entry("issuedBy", new String[] {"StrategyDocument", ACTOR}),
            Map.entry("concernsCapability", new String[] {"StrategyDocument|Meeting|Decision", "Capability"}),
            Map.entry("pursuesCapability", new String[] {ACTOR, "Capability"}),
            Map.entry("abandonedCapability", new String[] {ACTOR, "Capability"}),
            Map.entry("revises", new String[] {"StrategyDocument", "StrategyDocument"}),
            Map.entry("memberOf", new String[] {ACTOR, "Alliance"}),
            Map.entry("cooperatesWith", new String[] {ACTOR, ACTOR}),
            Map.entry("holdsPosition", new String[] {"Person", "Position"}),
            Map.entry("forActor", new String[] {"Position", ACTOR}),
            Map.entry("host", new String[] {EVENT, ACTOR}),
            Map.entry("mentions", new String[] {"Article", "owl:Thing"}),
            Map.entry("date", new String[] {"Meeting|StrategyDocument|Decision|Exercise|Alliance|Article|Claim", DATE}),
            Map.entry("endDate", new String[] {SPAN, DATE}),
            Map.entry("localDate", new String[] {"Meeting", DATE}),
            Map.entry("characterization", new String[] {"Claim", "rdf:langString"}),
            Map.entry("quote", new String[] {"Claim|SuggestedClaim", "xsd:string"}),
            Map.entry("beginIndex", new String[] {"Claim|SuggestedClaim|Mention", "xsd:nonNegativeInteger"}),
            Map.entry("endIndex", new String[] {"Claim|SuggestedClaim|Mention", "xsd:nonNegativeInteger"}),
            Map.entry("textSha256", new String[] {"Article", "xsd:string"}),
            Map.entry("mentionOf", new String[] {"Mention", "owl:Thing"}),
            Map.entry("anchorText", new String[] {"Mention", "xsd:string"}),
            Map.entry("sentence", new String[] {"Mention|SuggestedClaim", "xsd:string"}),
            Map.entry("format", new String[] {"Meeting", "xsd:string"}),
            Map.entry("dateInferred", new String[] {"Article", "xsd:string"}),
            Map.entry("confidence", new String[] {"SuggestedClaim", "xsd:decimal"}),
            Map.entry("cue", new String[] {"SuggestedClaim", "xsd:string"}),
            // vocabulary 2
            Map.entry("startDate", new String[] {SPAN, DATE}),
            Map.entry("threatens", new String[] {"Threat", "Actor|Place"}),
            Map.entry("expressesConcern", new String[] {"Actor|Meeting|StrategyDocument", "Actor|Threat|Place|StrategyDocument"}),
            Map.entry("hasCapability", new String[] {ACTOR, "Capability"}),
            Map.entry("informedBy", new String[] {"StrategyDocument|Meeting|Decision", "StrategyDocument|Meeting"}),
            Map.entry("follows", new String[] {"StrategyDocument|Meeting", "StrategyDocument|Meeting"}),
            Map.entry("promotes", new String[] {ACTOR, "StrategyDocument"}),
            Map.entry("tradesWith", new String[] {ACTOR, ACTOR}),
            Map.entry("decidedBy", new String[] {"Decision", ACTOR}),
            Map.entry("decidedAt", new String[] {"Decision", "Meeting|StrategyDocument"}),
            Map.entry("madeTo", new String[] {"Decision", ACTOR}),
            Map.entry("motivatedBy", new String[] {"Decision|StrategyDocument|Meeting", "Threat|Decision|StrategyDocument|Meeting"}),
            Map.entry("concerns", new String[] {"Decision", "owl:Thing"}),
            Map.entry("result", new String[] {"Decision", "owl:Thing"}),
            Map.entry("status", new String[] {"Decision", "ActionStatus"}),
            Map.entry("hasQuantity", new String[] {"Actor|StrategyDocument|Decision|Capability|Exercise", "Quantity"}),
            Map.entry("value", new String[] {"Quantity", "xsd:decimal"}),
            Map.entry("unit", new String[] {"Quantity", "Unit"}),
            Map.entry("measures", new String[] {"Quantity", "rdf:langString"}),
            Map.entry("duration", new String[] {"Decision|Quantity", "xsd:duration"}),
            Map.entry("ended", new String[] {"Claim", "xsd:boolean"}),
            Map.entry("modality", new String[] {"Claim", "Modality"}),
            Map.entry("accordingTo", new String[] {"Claim", ACTOR}),
            Map.entry("attribution", new String[] {"Claim", "rdf:langString"}),
            Map.entry("rank", new String[] {"Claim", "Rank"}),
            Map.entry("rankReason", new String[] {"Claim", "rdf:langString"}),
            Map.entry("asserted", new String[] {"Claim", "xsd:boolean"}),
            // version 2.1: the fact node
            Map.entry("fact", new String[] {"Claim", "Fact"}),
            Map.entry("factSubject", new String[] {"Fact", "owl:Thing"}),
            Map.entry("factPredicate", new String[] {"Fact", "rdf:Property"}),
            Map.entry("factObject", new String[] {"Fact", RDFS.getURI() + "Resource"}),
            Map.entry("factCharacterization", new String[] {"Fact", "rdf:langString"}),
            Map.entry("factModality", new String[] {"Fact", "Modality"}),
            // version 2.2: two facts stated in one passage
            Map.entry("statedWith", new String[] {"Fact", "Fact"}),
            Map.entry("candidate", new String[] {"Mention", "owl:Thing"}));

    /** The classes of the contract and the design. */
    private static final Set<String> CLASSES = Set.of("Actor", "State", "Person", "Organization", "Alliance",
            "StrategyDocument", "Capability", "Meeting", "MeetingSeries", "Threat", "Place", "Position", "Article",
            "Claim", "SuggestedClaim", "Mention",
            "Decision", "Quantity", "Exercise", "Modality", "Rank", "ActionStatus", "Unit", "Fact");

    /** Alignments the contract requires: subject, rdfs:subClassOf or rdfs:subPropertyOf, object. */
    private static final List<String[]> ALIGNMENTS = List.of(
            new String[] {AKG + "Actor", "subClassOf", PROV + "Agent"},
            new String[] {AKG + "State", "subClassOf", AKG + "Actor"},
            new String[] {AKG + "Person", "subClassOf", AKG + "Actor"},
            new String[] {AKG + "Organization", "subClassOf", AKG + "Actor"},
            new String[] {AKG + "Alliance", "subClassOf", AKG + "Actor"},
            new String[] {AKG + "Meeting", "subClassOf", SCHEMA + "Event"},
            new String[] {AKG + "Meeting", "subClassOf", SEM + "Event"},
            new String[] {AKG + "Article", "subClassOf", SCHEMA + "Article"},
            new String[] {AKG + "Claim", "subClassOf", RDF.getURI() + "Statement"},
            new String[] {AKG + "Fact", "subClassOf", RDF.getURI() + "Statement"},
            new String[] {AKG + "revises", "subPropertyOf", PROV + "wasRevisionOf"},
            new String[] {AKG + "mentions", "subPropertyOf", SCHEMA + "mentions"},
            new String[] {AKG + "beginIndex", "subPropertyOf", NIF + "beginIndex"},
            new String[] {AKG + "endIndex", "subPropertyOf", NIF + "endIndex"},
            new String[] {AKG + "anchorText", "subPropertyOf", NIF + "anchorOf"},
            new String[] {AKG + "holdsPosition", "subPropertyOf", ORG + "holds"});

    private static Model model;

    @BeforeAll
    static void load() {
        Path file = Path.of(System.getProperty("akg.projectDir", ".")).resolve("ontology/alliance-kg.ttl");
        model = ModelFactory.createDefaultModel();
        // Strict: warnings (bad IRIs, ill-formed literals) fail the parse too.
        RDFParser.source(file).lang(Lang.TURTLE).errorHandler(ErrorHandlerFactory.errorHandlerStrict).parse(model);
    }

    private static Set<Resource> akgSubjects() {
        return model.listSubjects().toList().stream()
                .filter(r -> r.isURIResource() && r.getURI().startsWith(AKG)).collect(Collectors.toSet());
    }

    @Test
    void headerDescribesTheOntology() {
        Resource onto = model.createResource(ONTOLOGY_IRI);
        assertTrue(onto.hasProperty(RDF.type, OWL2.Ontology), "owl:Ontology " + ONTOLOGY_IRI);
        assertTrue(onto.hasProperty(DCTerms.title), "dcterms:title");
        assertTrue(onto.hasProperty(DCTerms.description), "dcterms:description");
        assertTrue(onto.hasProperty(DCTerms.license, model.createResource("https://creativecommons.org/licenses/by/4.0/")),
                "dcterms:license CC-BY-4.0");
        assertTrue(onto.hasProperty(OWL2.versionInfo), "owl:versionInfo");
        assertEquals("akg", onto.getProperty(model.createProperty(VANN, "preferredNamespacePrefix")).getString());
        assertEquals(AKG, onto.getProperty(model.createProperty(VANN, "preferredNamespaceUri")).getString());
    }

    @Test
    void everyAkgTermHasOneEnglishLabelAndCommentAndIsDefinedHere() {
        List<String> problems = new ArrayList<>();
        for (Resource term : akgSubjects()) {
            for (Property p : List.of(RDFS.label, RDFS.comment)) {
                List<Literal> values = model.listObjectsOfProperty(term, p).toList().stream()
                        .filter(RDFNode::isLiteral).map(RDFNode::asLiteral).filter(l -> l.getLanguage().equals("en")).toList();
                if (values.size() != 1) {
                    problems.add(term.getLocalName() + " has " + values.size() + " " + p.getLocalName() + " @en");
                }
            }
            if (!term.hasProperty(RDFS.isDefinedBy, model.createResource(ONTOLOGY_IRI))) {
                problems.add(term.getLocalName() + " lacks rdfs:isDefinedBy <" + ONTOLOGY_IRI + ">");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theOntologyDefinesExactlyTheClassesAndPropertiesOfContractAndDesign() {
        Set<String> classes = new TreeSet<>();
        Set<String> properties = new TreeSet<>();
        for (Resource term : akgSubjects()) {
            if (term.hasProperty(RDF.type, OWL2.Class)) {
                classes.add(term.getLocalName());
            } else if (term.hasProperty(RDF.type, OWL2.NamedIndividual)) {
                continue;
            } else {
                properties.add(term.getLocalName());
            }
        }
        assertEquals(new TreeSet<>(CLASSES), classes, "akg classes");
        assertEquals(new TreeSet<>(DOMAIN_RANGE.keySet()), properties, "akg properties (each with its domain and range here)");
    }

    @Test
    void everyAkgTermIsExactlyOneKindOfTerm() {
        Set<Resource> kinds = Set.of(OWL2.Class, OWL2.ObjectProperty, OWL2.DatatypeProperty, OWL2.AnnotationProperty,
                OWL2.NamedIndividual);
        List<String> problems = new ArrayList<>();
        for (Resource term : akgSubjects()) {
            List<Resource> types = term.listProperties(RDF.type).toList().stream()
                    .map(s -> s.getObject().asResource()).filter(kinds::contains).toList();
            if (types.size() != 1) {
                problems.add(term.getLocalName() + " is typed " + types);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyPropertyHasTheContractDomainAndRange() {
        List<String> problems = new ArrayList<>();
        for (Resource term : akgSubjects()) {
            boolean property = term.hasProperty(RDF.type, OWL2.ObjectProperty) || term.hasProperty(RDF.type, OWL2.DatatypeProperty);
            if (property && !(term.hasProperty(RDFS.domain) && term.hasProperty(RDFS.range))) {
                problems.add(term.getLocalName() + " lacks rdfs:domain or rdfs:range");
            }
        }
        DOMAIN_RANGE.forEach((name, dr) -> {
            Resource p = model.createResource(AKG + name);
            check(problems, name + " domain", alternatives(p, RDFS.domain), dr[0]);
            check(problems, name + " range", alternatives(p, RDFS.range), dr[1]);
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void check(List<String> problems, String what, Set<String> actual, String expected) {
        Set<String> want = new TreeSet<>(List.of(expected.split("\\|")));
        if (!actual.equals(want)) {
            problems.add(what + ": expected " + want + " but the ontology says " + actual);
        }
    }

    /** The single value of p on the term, or the members of its owl:unionOf, written as in DOMAIN_RANGE. */
    private static Set<String> alternatives(Resource term, Property p) {
        Set<String> result = new TreeSet<>();
        for (Statement s : term.listProperties(p).toList()) {
            Resource value = s.getObject().asResource();
            if (value.isAnon() && value.hasProperty(OWL2.unionOf)) {
                value.getPropertyResourceValue(OWL2.unionOf).as(RDFList.class).iterator()
                        .forEachRemaining(n -> result.add(shortName(n.asResource())));
            } else {
                result.add(shortName(value));
            }
        }
        return result;
    }

    private static String shortName(Resource r) {
        if (r.isAnon()) {
            return r.toString();
        }
        String iri = r.getURI();
        if (iri.startsWith(AKG)) {
            return iri.substring(AKG.length());
        }
        if (iri.startsWith(XSD.NS)) {
            return "xsd:" + iri.substring(XSD.NS.length());
        }
        if (iri.startsWith(RDF.getURI())) {
            return "rdf:" + iri.substring(RDF.getURI().length());
        }
        if (iri.startsWith(OWL2.NS)) {
            return "owl:" + iri.substring(OWL2.NS.length());
        }
        return iri;
    }

    @Test
    void propertiesAreTypedByWhatTheyRangeOver() {
        List<String> problems = new ArrayList<>();
        for (Resource term : akgSubjects()) {
            for (Statement s : term.listProperties(RDFS.range).toList()) {
                boolean datatypeRange = alternatives(term, RDFS.range).stream()
                        .allMatch(n -> n.startsWith("xsd:") || n.equals("rdf:langString"));
                if (term.hasProperty(RDF.type, OWL2.DatatypeProperty) && !datatypeRange) {
                    problems.add(term.getLocalName() + " is a datatype property ranging over " + s.getObject());
                }
                if (term.hasProperty(RDF.type, OWL2.ObjectProperty) && datatypeRange) {
                    problems.add(term.getLocalName() + " is an object property ranging over a datatype");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(model.createResource(AKG + "cooperatesWith").hasProperty(RDF.type, OWL2.SymmetricProperty),
                "akg:cooperatesWith must be an owl:SymmetricProperty");
    }

    @Test
    void alignmentsOfTheContractAreStated() {
        List<String> missing = new ArrayList<>();
        for (String[] a : ALIGNMENTS) {
            Property rel = a[1].equals("subClassOf") ? RDFS.subClassOf : RDFS.subPropertyOf;
            if (!model.contains(model.createResource(a[0]), rel, model.createResource(a[2]))) {
                missing.add(a[0] + " rdfs:" + a[1] + " " + a[2]);
            }
        }
        assertTrue(missing.isEmpty(), "missing alignments: " + missing);
    }

    @Test
    void everyReferencedTermIsDeclared() {
        Set<String> builtIn = Set.of(RDF.getURI(), RDFS.getURI(), OWL2.NS, XSD.NS);
        Set<Property> referencing = Set.of(RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, RDFS.seeAlso,
                OWL2.equivalentClass, OWL2.disjointWith);
        Set<Resource> referenced = new HashSet<>();
        for (Property p : referencing) {
            model.listObjectsOfProperty(p).forEachRemaining(o -> referenced.add(o.asResource()));
        }
        model.listObjectsOfProperty(OWL2.unionOf).forEachRemaining(
                l -> l.as(RDFList.class).iterator().forEachRemaining(n -> referenced.add(n.asResource())));
        List<String> undeclared = new ArrayList<>();
        for (Resource r : referenced) {
            if (r.isAnon() || builtIn.stream().anyMatch(ns -> r.getURI().startsWith(ns))) {
                continue;
            }
            if (r.getURI().startsWith("https://w3id.org/alliance-kg/id/")) {
                continue;
            }
            if (!r.hasProperty(RDFS.label)) {
                undeclared.add(r.getURI());
            }
        }
        assertTrue(undeclared.isEmpty(), "referenced but not declared with rdfs:label: " + undeclared);
    }
}
