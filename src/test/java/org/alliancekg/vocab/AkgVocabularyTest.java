package org.alliancekg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ties the Java constants of {@link AKG} and {@link ClaimPredicate} to {@code ontology/alliance-kg.ttl}, and both to
 * the terms of the vocabulary contract ({@code shared/spec/vocabulary.md}), which are listed here by hand so that
 * dropping or renaming a contract term anywhere fails.
 */
class AkgVocabularyTest {

    /** The classes of the contract's class table. */
    private static final List<String> CONTRACT_CLASSES = List.of("Actor", "State", "Person", "Organization",
            "Alliance", "StrategyDocument", "Capability", "Meeting", "MeetingSeries", "Threat", "Place", "Position",
            "Article", "Claim");

    /** The akg properties of the contract: its tables of relations and literals, and its claim and mention sections. */
    private static final List<String> CONTRACT_PROPERTIES = List.of("namesThreat", "posedBy", "participant",
            "partOfSeries", "location", "produced", "issuedBy", "concernsCapability", "pursuesCapability",
            "abandonedCapability", "revises", "memberOf", "cooperatesWith", "holdsPosition", "forActor", "mentions",
            "date", "characterization", "quote", "beginIndex", "endIndex", "textSha256", "mentionOf", "anchorText",
            "sentence");

    /** The contract's classes of evidence nodes beyond the class table (mentions section). */
    private static final List<String> CONTRACT_EVIDENCE_CLASSES = List.of("Mention");

    private static Model ontology;

    @BeforeAll
    static void load() {
        Path file = Path.of(System.getProperty("akg.projectDir", ".")).resolve("ontology/alliance-kg.ttl");
        ontology = RDFDataMgr.loadModel(file.toString());
    }

    /** Every public static Resource or Property constant of AKG, by field name, except the namespace itself. */
    private static Map<String, Resource> akgConstants() throws IllegalAccessException {
        Map<String, Resource> result = new TreeMap<>();
        for (Field f : AKG.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Resource.class.isAssignableFrom(f.getType())) {
                Resource r = (Resource) f.get(null);
                if (!r.getURI().equals(AKG.NS)) {
                    result.put(f.getName(), r);
                }
            }
        }
        return result;
    }

    private static boolean hasEnglish(Resource term, Property p) {
        return ontology.listObjectsOfProperty(term, p).toList().stream()
                .anyMatch(n -> n.isLiteral() && n.asLiteral().getLanguage().equals("en"));
    }

    @Test
    void namespaceMatchesTheOntology() {
        Resource onto = ontology.createResource("https://w3id.org/alliance-kg/ontology");
        RDFNode uri = onto.getProperty(ontology.createProperty("http://purl.org/vocab/vann/preferredNamespaceUri")).getObject();
        assertEquals(AKG.NS, uri.asLiteral().getString());
    }

    @Test
    void everyConstantIsDefinedInTheOntologyWithLabelAndComment() throws IllegalAccessException {
        Map<String, Resource> constants = akgConstants();
        assertTrue(constants.size() >= CONTRACT_CLASSES.size() + CONTRACT_PROPERTIES.size(),
                "AKG has only " + constants.size() + " term constants");
        List<String> problems = new ArrayList<>();
        constants.forEach((field, term) -> {
            Resource t = ontology.createResource(term.getURI());
            if (!term.getURI().equals(AKG.NS + field)) {
                problems.add("AKG." + field + " is <" + term.getURI() + ">, not akg:" + field);
            }
            boolean isClass = t.hasProperty(RDF.type, OWL2.Class);
            boolean isProperty = t.hasProperty(RDF.type, OWL2.ObjectProperty) || t.hasProperty(RDF.type, OWL2.DatatypeProperty)
                    || t.hasProperty(RDF.type, OWL2.AnnotationProperty);
            if (!isClass && !isProperty) {
                problems.add("AKG." + field + ": not defined in the ontology");
            } else if (term instanceof Property ? !isProperty : !isClass) {
                problems.add("AKG." + field + ": Java says " + (term instanceof Property ? "property" : "class")
                        + ", the ontology does not");
            }
            if (!hasEnglish(t, RDFS.label) || !hasEnglish(t, RDFS.comment)) {
                problems.add("AKG." + field + ": no rdfs:label or rdfs:comment @en in the ontology");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static final Property SKOS_NOTATION =
            org.apache.jena.rdf.model.ResourceFactory.createProperty("http://www.w3.org/2004/02/skos/core#notation");

    @Test
    void everyOntologyTermHasAConstant() throws IllegalAccessException {
        Map<String, Resource> constants = akgConstants();
        List<String> missing = new ArrayList<>();
        ontology.listSubjects().forEachRemaining(s -> {
            if (s.isURIResource() && s.getURI().startsWith(AKG.NS) && !constants.containsKey(s.getLocalName())
                    && !s.hasProperty(RDF.type, OWL2.NamedIndividual)) {
                missing.add(s.getLocalName());
            }
        });
        assertTrue(missing.isEmpty(), "ontology terms without an AKG constant: " + missing);
    }

    @Test
    void everyConceptOfTheOntologyIsAJavaConceptAndBack() {
        Map<String, Concept> java = new TreeMap<>();
        for (Class<? extends Concept> type : List.of(Modality.class, Rank.class, ActionStatus.class, Unit.class)) {
            for (Concept c : type.getEnumConstants()) {
                java.put(c.localName(), c);
            }
        }
        List<String> problems = new ArrayList<>();
        java.forEach((name, c) -> {
            Resource r = ontology.createResource(AKG.NS + name);
            if (!r.hasProperty(SKOS_NOTATION, c.notation())) {
                problems.add("akg:" + name + " lacks skos:notation \"" + c.notation() + "\" in the ontology");
            }
        });
        ontology.listSubjectsWithProperty(SKOS_NOTATION).forEachRemaining(s -> {
            if (!java.containsKey(s.getLocalName())) {
                problems.add("akg:" + s.getLocalName() + " has a notation but no Java concept");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyContractTermIsInTheOntologyAndInAkg() throws IllegalAccessException {
        Map<String, Resource> constants = akgConstants();
        List<String> problems = new ArrayList<>();
        List<String> classes = new ArrayList<>(CONTRACT_CLASSES);
        classes.addAll(CONTRACT_EVIDENCE_CLASSES);
        for (String name : classes) {
            if (!ontology.contains(ontology.createResource(AKG.NS + name), RDF.type, OWL2.Class)) {
                problems.add("contract class akg:" + name + " is not an owl:Class of the ontology");
            }
            if (!(constants.get(name) != null && !(constants.get(name) instanceof Property))) {
                problems.add("contract class akg:" + name + " has no Resource constant AKG." + name);
            }
        }
        for (String name : CONTRACT_PROPERTIES) {
            Resource p = ontology.createResource(AKG.NS + name);
            if (!(p.hasProperty(RDF.type, OWL2.ObjectProperty) || p.hasProperty(RDF.type, OWL2.DatatypeProperty))) {
                problems.add("contract property akg:" + name + " is not an object or datatype property of the ontology");
            }
            if (!(constants.get(name) instanceof Property)) {
                problems.add("contract property akg:" + name + " has no Property constant AKG." + name);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyClaimPredicateIsAnOntologyPropertyOfTheRightKind() {
        List<String> problems = new ArrayList<>();
        for (ClaimPredicate cp : ClaimPredicate.values()) {
            Resource p = ontology.createResource(cp.property().getURI());
            Resource kind = cp.objectIsIri() ? OWL2.ObjectProperty : OWL2.DatatypeProperty;
            if (!p.hasProperty(RDF.type, kind)) {
                problems.add("ClaimPredicate." + cp.name() + " should be an " + kind.getLocalName() + " in the ontology");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
