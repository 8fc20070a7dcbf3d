package org.alliancekg.explore;

import org.alliancekg.publish.SiteLinks;
import org.alliancekg.sources.ArticleAccount;
import org.alliancekg.sources.ClaimAccount;
import org.alliancekg.sources.SourceView;
import org.alliancekg.sources.Term;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON of {@code /api/sources}: a {@link SourceView} as
 * <pre>{@code
 * {"iri", "label", "page", "article_count", "claim_count",
 *  "articles": [{"iri", "id", "title", "date", "authors": [{iri, label, page}], "publisher": {iri, label, page},
 *                "page", "claims": [{"iri", "page", "role", "statement",
 *                                    "subject": {iri, label, page}, "predicate": {...},
 *                                    "object": {iri, label, page} or {value, datatype},
 *                                    "modalities": [{iri, name, label}], "modality_given",
 *                                    "characterization", "attribution", "according_to": {...},
 *                                    "rank": {iri, name, label}, "rank_reason", "asserted",
 *                                    "date", "start_date", "end_date", "ended", "quote", "begin", "end"}]}]}
 * }</pre>
 * Absent values are left out ({@code date}, {@code publisher}, {@code characterization}, ...); articles come in date
 * order, claims in the order of their quotes.
 */
final class SourcesJson {

    private SourcesJson() {
    }

    static ObjectNode toJson(SourceView view, SiteLinks links) {
        ObjectNode body = Json.object();
        body.put("iri", view.entity().iri());
        body.put("label", view.entity().label());
        body.put("page", links.href(view.entity().iri()));
        body.put("article_count", view.articles().size());
        body.put("claim_count", view.claimCount());
        ArrayNode articles = body.putArray("articles");
        for (ArticleAccount a : view.articles()) {
            ObjectNode o = articles.addObject();
            o.put("iri", a.iri());
            o.put("id", a.id());
            o.put("title", a.title());
            putIfPresent(o, "date", a.date());
            ArrayNode authors = o.putArray("authors");
            a.authors().forEach(t -> authors.add(term(t, links)));
            if (a.publisher() != null) {
                o.set("publisher", term(a.publisher(), links));
            }
            o.put("page", links.href(a.iri()));
            ArrayNode claims = o.putArray("claims");
            a.claims().forEach(c -> claims.add(claim(c, links)));
        }
        return body;
    }

    private static ObjectNode claim(ClaimAccount c, SiteLinks links) {
        ObjectNode o = Json.object();
        o.put("iri", c.iri());
        o.put("page", links.href(c.iri()));
        o.put("role", c.role());
        o.put("statement", c.statement());
        o.set("subject", term(c.subject(), links));
        o.set("predicate", term(c.predicate(), links));
        o.set("object", term(c.object(), links));
        ArrayNode modalities = o.putArray("modalities");
        c.modalities().forEach(m -> modalities.add(named(m)));
        o.put("modality_given", c.modalityGiven());
        putIfPresent(o, "characterization", c.characterization());
        putIfPresent(o, "attribution", c.attribution());
        if (c.accordingTo() != null) {
            o.set("according_to", term(c.accordingTo(), links));
        }
        o.set("rank", named(c.rank()));
        putIfPresent(o, "rank_reason", c.rankReason());
        o.put("asserted", c.asserted());
        putIfPresent(o, "date", c.date());
        putIfPresent(o, "start_date", c.startDate());
        putIfPresent(o, "end_date", c.endDate());
        o.put("ended", c.ended());
        putIfPresent(o, "quote", c.quote());
        if (c.begin() != null) {
            o.put("begin", c.begin());
        }
        if (c.end() != null) {
            o.put("end", c.end());
        }
        return o;
    }

    /** An IRI with label and page, or a literal with value and datatype. */
    private static ObjectNode term(Term t, SiteLinks links) {
        ObjectNode o = Json.object();
        if (t.isLiteral()) {
            o.put("value", t.label());
            o.put("datatype", t.datatype());
        } else {
            o.put("iri", t.iri());
            o.put("label", t.label());
            o.put("page", links.href(t.iri()));
        }
        return o;
    }

    /** A vocabulary value (modality, rank): IRI, local name and label. */
    private static ObjectNode named(Term t) {
        ObjectNode o = Json.object();
        o.put("iri", t.iri());
        o.put("name", t.localName());
        o.put("label", t.label());
        return o;
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
