package org.alliancekg.vocab;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * A value of one of the ontology's small SKOS concept schemes ({@link Modality}, {@link Rank},
 * {@link ActionStatus}, {@link Unit}): the notation written in the data files and the akg individual it stands for.
 */
public interface Concept {

    /** The two names of a concept: its notation in the data files and the local name of its akg individual. */
    record Id(String notation, String localName) {
    }

    /** The names of this concept. */
    Id id();

    /** The notation used in claims and catalogue files, e.g. {@code considered}. */
    default String notation() {
        return id().notation();
    }

    /** The local name of the akg individual, e.g. {@code Considered}. */
    default String localName() {
        return id().localName();
    }

    /** The akg individual. */
    default Resource resource() {
        return ResourceFactory.createResource(AKG.iri(localName()));
    }

    /** The value of an enum of concepts with this notation. */
    static <E extends Enum<E> & Concept> Optional<E> fromNotation(Class<E> type, String notation) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.notation().equals(notation)).findFirst();
    }

    /** Every notation of an enum of concepts, comma separated (for error messages). */
    static <E extends Enum<E> & Concept> String notations(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Concept::notation).collect(Collectors.joining(", "));
    }
}
