package org.alliancekg.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.TreeMap;

import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.NIF;
import org.alliancekg.vocab.Iris;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextIndexParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * Full-text search over the database's text index (see {@link TextIndexes}) with {@code text:query}: the sentences
 * of the articles with the article and the entities mentioned in each, the quotes of the curated claims, and the
 * entities by label and alias; each list best first (Lucene score).
 *
 * <pre>{@code
 * FullTextSearch.Results r = new FullTextSearch(dataset).search(SearchQuery.of("Kishida Fumio"), 20);
 * r.sentences().get(0).article().label();
 * }</pre>
 */
public final class FullTextSearch {

    /** A linked resource: IRI and label. */
    public record Link(String iri, String label) {
    }

    /** A sentence found, with its article, its offsets and the entities mentioned in it. */
    public record SentenceHit(String iri, String text, Link article, int begin, int end, double score,
                              List<Link> mentions) {
    }

    /** A claim whose quote matched, with its article and the triple's subject and object. */
    public record QuoteHit(String iri, String quote, Link article, Link subject, Link object, double score) {
    }

    /** An entity whose label or alias matched. */
    public record NameHit(String iri, String label, double score) {
    }

    /** Everything found for one query. */
    public record Results(SearchQuery query, List<NameHit> entities, List<SentenceHit> sentences,
                          List<QuoteHit> quotes) {
        /** Whether nothing was found. */
        public boolean empty() {
            return entities.isEmpty() && sentences.isEmpty() && quotes.isEmpty();
        }
    }

    private static final String PREFIXES = """
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX akg: <%s>
            PREFIX nif: <%s>
            """.formatted(AKG.NS, NIF.NS);

    private static final String SENTENCES = PREFIXES + """
            SELECT ?s ?score ?text ?article ?title ?b ?e ?entity ?entityLabel WHERE {
              (?s ?score) text:query (nif:anchorOf ?q ?n) .
              GRAPH ?g {
                ?s nif:anchorOf ?text ; nif:referenceContext ?article ; nif:beginIndex ?b ; nif:endIndex ?e .
                OPTIONAL { ?article dcterms:title ?title }
                OPTIONAL {
                  ?m prov:wasDerivedFrom ?article ; akg:mentionOf ?entity ; akg:beginIndex ?mb ; akg:endIndex ?me .
                  FILTER (?mb >= ?b && ?me <= ?e)
                }
              }
              OPTIONAL { GRAPH <https://w3id.org/alliance-kg/graph/entities> { ?entity rdfs:label ?entityLabel } }
            } ORDER BY DESC(?score) ?s ?mb
            """;

    private static final String QUOTES = PREFIXES + """
            SELECT ?s ?score ?quote ?article ?title ?subject ?subjectLabel ?object ?objectLabel WHERE {
              (?s ?score) text:query (akg:quote ?q ?n) .
              GRAPH ?g {
                ?s a akg:Claim ; akg:quote ?quote ; prov:wasDerivedFrom ?article ; rdf:subject ?subject .
                OPTIONAL { ?s rdf:object ?object }
                OPTIONAL { ?article dcterms:title ?title }
              }
              OPTIONAL { GRAPH <https://w3id.org/alliance-kg/graph/entities> { ?subject rdfs:label ?subjectLabel } }
              OPTIONAL { GRAPH <https://w3id.org/alliance-kg/graph/entities> { ?object rdfs:label ?objectLabel } }
            } ORDER BY DESC(?score) ?s
            """;

    private static final String NAMES = PREFIXES + """
            SELECT ?s ?score ?label WHERE {
              (?s ?score) text:query (rdfs:label ?q ?n) .
              GRAPH <https://w3id.org/alliance-kg/graph/entities> { ?s rdfs:label ?label }
            } ORDER BY DESC(?score) ?s
            """;

    private static final String CANDIDATES = PREFIXES + """
            SELECT DISTINCT ?s WHERE { (?s ?score) text:query (rdfs:label ?q ?n) }
            """;

    private final DatasetGraph dataset;

    /**
     * Search over {@code dataset}, which must carry its text index (the served dataset, or
     * {@link TextIndexes#wrap}).
     *
     * @throws IllegalArgumentException if the dataset has no text index
     */
    public FullTextSearch(DatasetGraph dataset) {
        Objects.requireNonNull(dataset, "dataset");
        if (!hasIndex(dataset)) {
            throw new IllegalArgumentException("the dataset has no text index (jena-text)");
        }
        this.dataset = dataset;
    }

    /** Whether {@code dataset} carries a text index. */
    public static boolean hasIndex(DatasetGraph dataset) {
        return dataset instanceof DatasetGraphText;
    }

    /** The best {@code limit} sentences, quotes and entities for the query. */
    public Results search(SearchQuery query, int limit) {
        return Txn.calculateRead(dataset, () -> new Results(query, names(query, limit), sentences(query, limit),
                quotes(query, limit)));
    }

    /**
     * Entities (in the entity graph) whose label or alias matches, best first; the explorer and the reconciliation
     * service take their candidates from here.
     */
    public List<NameHit> names(SearchQuery query, int limit) {
        Map<String, NameHit> hits = new LinkedHashMap<>();
        Txn.executeRead(dataset, () -> run(NAMES, query, limit * 4, row -> {
            String iri = row.getResource("s").getURI();
            hits.putIfAbsent(iri, new NameHit(iri, row.getLiteral("label").getString(),
                    row.getLiteral("score").getDouble()));
        }));
        return hits.values().stream().limit(limit).toList();
    }

    /**
     * The subjects (in any graph) whose label or alias has, for each word of {@code text} (or for some word, when
     * {@code everyWord} is false), a word beginning with its first {@code prefixChars} letters (all of it when 0);
     * case and accents ignored. The explorer's search and the reconciliation service take their candidates from here,
     * and rank them by their own rules.
     */
    public Set<String> nameCandidates(String text, boolean everyWord, int prefixChars, int limit) {
        List<String> clauses = new ArrayList<>();
        for (String w : SearchQuery.words(text)) {
            String prefix = prefixChars > 0 && w.length() > prefixChars ? w.substring(0, prefixChars) : w;
            clauses.add((everyWord ? "+" : "") + QueryParser.escape(prefix) + "*");
        }
        Set<String> out = new LinkedHashSet<>();
        if (clauses.isEmpty()) {
            return out;
        }
        SearchQuery q = new SearchQuery(text, String.join(" ", clauses));
        Txn.executeRead(dataset, () -> run(CANDIDATES, q, limit, row -> {
            if (row.get("s").isURIResource()) {
                out.add(row.getResource("s").getURI());
            }
        }));
        return out;
    }

    private List<SentenceHit> sentences(SearchQuery query, int limit) {
        Map<String, SentenceHit> hits = new LinkedHashMap<>();
        Map<String, Map<String, Link>> mentions = new LinkedHashMap<>();
        run(SENTENCES, query, limit, row -> {
            String iri = row.getResource("s").getURI();
            hits.computeIfAbsent(iri, k -> new SentenceHit(iri, row.getLiteral("text").getString(),
                    link(row, "article", "title"), row.getLiteral("b").getInt(), row.getLiteral("e").getInt(),
                    row.getLiteral("score").getDouble(), new ArrayList<>()));
            if (row.contains("entity")) {
                mentions.computeIfAbsent(iri, k -> new TreeMap<>()).putIfAbsent(row.getResource("entity").getURI(),
                        link(row, "entity", "entityLabel"));
            }
        });
        List<SentenceHit> out = new ArrayList<>();
        for (SentenceHit h : hits.values()) {
            List<Link> ms = List.copyOf(mentions.getOrDefault(h.iri(), Map.of()).values());
            out.add(new SentenceHit(h.iri(), h.text(), h.article(), h.begin(), h.end(), h.score(), ms));
        }
        return out;
    }

    private List<QuoteHit> quotes(SearchQuery query, int limit) {
        Map<String, QuoteHit> hits = new LinkedHashMap<>();
        run(QUOTES, query, limit, row -> {
            String iri = row.getResource("s").getURI();
            hits.putIfAbsent(iri, new QuoteHit(iri, row.getLiteral("quote").getString(),
                    link(row, "article", "title"), link(row, "subject", "subjectLabel"),
                    row.contains("object") && row.get("object").isURIResource()
                            ? link(row, "object", "objectLabel") : null,
                    row.getLiteral("score").getDouble()));
        });
        return List.copyOf(hits.values());
    }

    private static Link link(QuerySolution row, String iriVar, String labelVar) {
        String iri = row.getResource(iriVar).getURI();
        String label = row.contains(labelVar) ? row.getLiteral(labelVar).getString() : shortName(iri);
        return new Link(iri, label);
    }

    private static String shortName(String iri) {
        return iri.startsWith(Iris.ID) ? iri.substring(Iris.ID.length()) : iri;
    }

    private void run(String sparql, SearchQuery query, int limit, java.util.function.Consumer<QuerySolution> each) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(sparql);
        pss.setLiteral("q", query.lucene());
        pss.setLiteral("n", limit);
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(pss.asQuery()).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                each.accept(rs.next());
            }
        } catch (TextIndexParseException e) {
            throw new SearchException("the query is not valid Lucene syntax: " + e.getMessage());
        }
    }
}
