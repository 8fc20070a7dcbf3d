package org.alliancekg.export;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of the {@link RelationGraph}: an individual of the graph with the attributes every export carries.
 *
 * @param iri      the individual's IRI
 * @param id       a short stable id: the IRI without the {@code akr:} namespace ({@code state/japan}), or the IRI
 *                 when it is not under that namespace
 * @param label    its {@code rdfs:label} (English preferred); the id when it has none
 * @param nodeClass its class
 * @param aliases  its {@code skos:altLabel}s, sorted
 * @param wikidata its Wikidata item id ({@code Q17}) from {@code owl:sameAs}, if any
 * @param date     its {@code akg:date}, if any
 * @param endDate  its {@code akg:endDate}, if any
 */
public record GraphNode(String iri, String id, String label, NodeClass nodeClass, List<String> aliases,
                        Optional<String> wikidata, Optional<DateSpan> date, Optional<DateSpan> endDate) {

    public GraphNode {
        Objects.requireNonNull(iri, "iri");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(nodeClass, "nodeClass");
        aliases = List.copyOf(aliases);
        wikidata = wikidata == null ? Optional.empty() : wikidata;
        date = date == null ? Optional.empty() : date;
        endDate = endDate == null ? Optional.empty() : endDate;
    }

    /** The Wikidata entity IRI, if the node has a Wikidata id. */
    public Optional<String> wikidataIri() {
        return wikidata.map(q -> "http://www.wikidata.org/entity/" + q);
    }
}
