package org.alliancekg.extract;

import java.math.BigDecimal;
import java.util.List;

import org.alliancekg.ingest.PartialDate;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Writes an article's suggested claims as the content of its graph {@code .../graph/suggested/{articleId}}: one
 * {@code akg:SuggestedClaim} node per suggestion ({@code akr:suggestion/{articleId}/{hash}}) with
 * {@code rdf:subject}, {@code rdf:predicate}, {@code rdf:object}, {@code prov:wasDerivedFrom} the article,
 * {@code akg:quote} with its {@code akg:beginIndex} and {@code akg:endIndex}, {@code akg:sentence}, {@code akg:cue},
 * {@code akg:confidence} (xsd:decimal) and an {@code rdfs:comment} naming the rule. The triple itself is not
 * asserted, so no query over curated facts sees it.
 *
 * <pre>{@code
 * Model m = SuggestionGraph.model(articleId, extraction.suggestions());
 * dataset.addNamedModel(Iris.suggestedGraph(articleId), m);
 * }</pre>
 */
public final class SuggestionGraph {

    private static final String PROV_DERIVED = Namespaces.PROV + "wasDerivedFrom";

    private SuggestionGraph() {
    }

    /** The graph of suggestions of one article (empty when there are none). */
    public static Model model(String articleId, List<SuggestedClaim> suggestions) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Namespaces.PREFIXES);
        Resource article = m.createResource(Iris.article(articleId));
        for (SuggestedClaim s : suggestions) {
            Resource node = m.createResource(Iris.suggestion(articleId, s.subject().id(), s.predicate().name(),
                    s.objectOrValue()));
            node.addProperty(RDF.type, AKG.SuggestedClaim);
            node.addProperty(RDF.subject, m.createResource(s.subject().iri()));
            node.addProperty(RDF.predicate, s.predicate().property());
            node.addProperty(RDF.object, object(m, s));
            node.addProperty(m.createProperty(PROV_DERIVED), article);
            node.addProperty(AKG.quote, s.quote());
            node.addLiteral(AKG.beginIndex, offset(m, s.quoteSpan().begin()));
            node.addLiteral(AKG.endIndex, offset(m, s.quoteSpan().end()));
            node.addProperty(AKG.sentence, s.sentence().text());
            if (s.cue() != null) {
                node.addProperty(AKG.cue, s.cue());
            }
            node.addLiteral(AKG.confidence, m.createTypedLiteral(BigDecimal.valueOf(s.confidence())
                    .stripTrailingZeros().toPlainString(), XSDDatatype.XSDdecimal));
            node.addProperty(RDFS.comment, "suggested by rule " + s.rule(), "en");
        }
        return m;
    }

    private static RDFNode object(Model m, SuggestedClaim s) {
        if (s.object() != null) {
            return m.createResource(s.object().iri());
        }
        if (s.predicate().literal() == ClaimPredicate.LiteralKind.DATE) {
            PartialDate d = PartialDate.parse(s.value());
            return m.createTypedLiteral(d.lexical(), d.datatype());
        }
        return m.createTypedLiteral(s.value(), XSDDatatype.XSDstring);
    }

    private static org.apache.jena.rdf.model.Literal offset(Model m, int value) {
        return m.createTypedLiteral(Integer.toString(value), XSDDatatype.XSDnonNegativeInteger);
    }
}
