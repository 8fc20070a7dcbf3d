package org.alliancekg.sources;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One claim as one article makes it: the statement, how the article puts it (modalities, characterization,
 * attribution, the party it is attributed to), its rank, whether its triple is asserted, when it holds, and the
 * quote with its code-point offsets in the article body.
 *
 * @param iri              the claim's IRI
 * @param role             where the entity of the view stands in the claim: {@code "subject"} or {@code "object"}
 * @param subject          {@code rdf:subject}
 * @param predicate        {@code rdf:predicate}, with the property's label
 * @param object           {@code rdf:object}: an entity or a literal value
 * @param modalities       {@code akg:modality}, at least one; {@code akg:Stated} when the claim gives none
 * @param modalityGiven    whether the claim gives its modality (false: stated by default)
 * @param characterization {@code akg:characterization}, the article's own words for the fact, or null
 * @param attribution      {@code akg:attribution}, the article's words naming the source or the hedge, or null
 * @param accordingTo      {@code akg:accordingTo}, the party the article attributes the claim to, or null
 * @param rank             {@code akg:rank}; {@code akg:NormalRank} when the claim gives none
 * @param rankReason       {@code akg:rankReason}, or null
 * @param asserted         {@code akg:asserted}; when absent, true unless a modality does not assert or the rank is
 *                         deprecated (the rule of the claims format)
 * @param date             {@code akg:date} (lexical form), or null
 * @param startDate        {@code akg:startDate}, or null
 * @param endDate          {@code akg:endDate}, or null
 * @param ended            {@code akg:ended}
 * @param quote            {@code akg:quote}, or null
 * @param begin            {@code akg:beginIndex}, or null
 * @param end              {@code akg:endIndex}, or null
 */
public record ClaimAccount(String iri, String role, Term subject, Term predicate, Term object, List<Term> modalities,
                           boolean modalityGiven, String characterization, String attribution, Term accordingTo,
                           Term rank, String rankReason, boolean asserted, String date, String startDate,
                           String endDate, boolean ended, String quote, Integer begin, Integer end) {

    public ClaimAccount {
        Objects.requireNonNull(iri, "iri");
        if (!"subject".equals(role) && !"object".equals(role)) {
            throw new IllegalArgumentException("role must be subject or object: " + role);
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(object, "object");
        modalities = List.copyOf(modalities);
        if (modalities.isEmpty()) {
            throw new IllegalArgumentException(iri + ": a claim has at least one modality (stated by default)");
        }
        Objects.requireNonNull(rank, "rank");
        if (begin != null && end != null && end < begin) {
            throw new IllegalArgumentException(iri + ": end offset " + end + " before begin " + begin);
        }
    }

    /** The statement in words: subject label, predicate label, object label or value. */
    public String statement() {
        return subject.label() + " — " + predicate.label() + " — " + object.label();
    }

    /** The modalities' labels, joined with commas ("considered, reportedly"). */
    public String modalityLabels() {
        return modalities.stream().map(Term::label).collect(Collectors.joining(", "));
    }
}
