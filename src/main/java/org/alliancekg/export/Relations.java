package org.alliancekg.export;

import java.util.ArrayList;
import java.util.List;

import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The properties that become edges: the vocabulary's relations between things (every entity-valued claim
 * predicate, e.g. {@code akg:namesThreat}, {@code akg:participant}, plus {@code akg:forActor} of the catalogue), and,
 * when articles are nodes, {@code akg:mentions}, {@code dcterms:creator} and {@code dcterms:publisher}.
 */
final class Relations {

    private Relations() {
    }

    /** The edge properties, entity relations first. */
    static List<Node> properties(boolean articles) {
        List<Node> props = new ArrayList<>();
        for (ClaimPredicate p : ClaimPredicate.values()) {
            if (!p.isLiteral()) {
                props.add(p.property().asNode());
            }
        }
        props.add(AKG.forActor.asNode());
        if (articles) {
            props.add(AKG.mentions.asNode());
            props.add(NodeFactory.createURI(Namespaces.DCTERMS + "creator"));
            props.add(NodeFactory.createURI(Namespaces.DCTERMS + "publisher"));
        }
        return List.copyOf(props);
    }

    /** The short name of a property: the akg local name, or a prefixed name, or the IRI. */
    static String name(String iri) {
        if (iri.startsWith(AKG.NS)) {
            return iri.substring(AKG.NS.length());
        }
        String prefixed = Namespaces.PREFIXES.qnameFor(iri);
        return prefixed != null ? prefixed : iri;
    }
}
