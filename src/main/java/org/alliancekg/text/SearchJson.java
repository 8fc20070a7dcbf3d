package org.alliancekg.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@link FullTextSearch.Results}: {@code {"query", "lucene", "entities": [{iri, label, score}],
 * "sentences": [{iri, text, article: {iri, label}, begin, end, score, mentions: [{iri, label}]}], "quotes": [{iri,
 * quote, article, subject, object, score}]}}.
 */
public final class SearchJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchJson() {
    }

    /** Adds {@code sentences} and {@code quotes} (and {@code lucene}) of {@code r} to {@code body}. */
    public static void addTexts(ObjectNode body, FullTextSearch.Results r) {
        body.put("lucene", r.query().lucene());
        ArrayNode sentences = body.putArray("sentences");
        for (FullTextSearch.SentenceHit h : r.sentences()) {
            ObjectNode n = sentences.addObject();
            n.put("iri", h.iri());
            n.put("text", h.text());
            n.set("article", link(h.article()));
            n.put("begin", h.begin());
            n.put("end", h.end());
            n.put("score", h.score());
            ArrayNode ms = n.putArray("mentions");
            h.mentions().forEach(m -> ms.add(link(m)));
        }
        ArrayNode quotes = body.putArray("quotes");
        for (FullTextSearch.QuoteHit h : r.quotes()) {
            ObjectNode n = quotes.addObject();
            n.put("iri", h.iri());
            n.put("quote", h.quote());
            n.set("article", link(h.article()));
            n.set("subject", link(h.subject()));
            if (h.object() != null) {
                n.set("object", link(h.object()));
            }
            n.put("score", h.score());
        }
    }

    /** The whole result as JSON. */
    public static ObjectNode of(FullTextSearch.Results r) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", r.query().text());
        ArrayNode entities = body.putArray("entities");
        for (FullTextSearch.NameHit h : r.entities()) {
            ObjectNode n = entities.addObject();
            n.put("iri", h.iri());
            n.put("label", h.label());
            n.put("score", h.score());
        }
        addTexts(body, r);
        return body;
    }

    private static ObjectNode link(FullTextSearch.Link l) {
        ObjectNode n = JSON.createObjectNode();
        n.put("iri", l.iri());
        n.put("label", l.label());
        return n;
    }
}
