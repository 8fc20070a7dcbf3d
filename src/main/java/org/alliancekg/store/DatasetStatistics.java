package org.alliancekg.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alliancekg.text.TextIndexes;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Counts over the union of a dataset's named graphs (what a query without {@code GRAPH} sees on the endpoint),
 * computed from the quad indexes of a TDB2 database ({@link IndexStatistics}) or else with SPARQL. A triple stated
 * in two graphs counts once in the union, once in each graph. Call
 * {@link #of(DatasetGraph)} inside a read transaction.
 *
 * @param triples           distinct triples
 * @param entities          distinct subjects whose IRI lies under {@value Iris#ID}
 * @param classes           distinct objects of {@code rdf:type}
 * @param properties        distinct predicates
 * @param distinctSubjects  distinct subjects
 * @param distinctObjects   distinct objects
 * @param sameAsWikidata    distinct {@code owl:sameAs} triples to a Wikidata entity
 * @param graphTriples      triples per named graph, by graph IRI (sorted)
 * @param classEntities     instances per class, by class IRI (sorted)
 * @param propertyTriples   distinct triples per predicate, by predicate IRI (sorted)
 */
public record DatasetStatistics(long triples, long entities, long classes, long properties, long distinctSubjects,
                                long distinctObjects, long sameAsWikidata, Map<String, Long> graphTriples,
                                Map<String, Long> classEntities, Map<String, Long> propertyTriples) {

    /** Counts the dataset: from its quad indexes when it is a TDB2 database, else with SPARQL. */
    public static DatasetStatistics of(DatasetGraph dsg) {
        DatasetGraph base = TextIndexes.unwrap(dsg);
        if (DatabaseMgr.isTDB2(base)) {
            return IndexStatistics.of(TDBInternal.getDatasetGraphTDB(base));
        }
        return bySparql(dsg);
    }

    /** Counts the dataset with SPARQL (the definition the index counts follow; any kind of dataset). */
    static DatasetStatistics bySparql(DatasetGraph dsg) {
        Dataset ds = DatasetFactory.wrap(dsg);
        String distinctTriples = "SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } }";
        long triples = count(ds, "SELECT (COUNT(*) AS ?n) { " + distinctTriples + " }");
        ParameterizedSparqlString entities = new ParameterizedSparqlString(
                "SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s) && STRSTARTS(STR(?s), ?space)) }");
        entities.setLiteral("space", Iris.ID);
        long classes = count(ds, "SELECT (COUNT(DISTINCT ?c) AS ?n) { GRAPH ?g { ?s a ?c } }");
        long properties = count(ds, "SELECT (COUNT(DISTINCT ?p) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
        long subjects = count(ds, "SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
        long objects = count(ds, "SELECT (COUNT(DISTINCT ?o) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
        ParameterizedSparqlString sameAs = new ParameterizedSparqlString("SELECT (COUNT(*) AS ?n) { "
                + "SELECT DISTINCT ?s ?o { GRAPH ?g { ?s ?sameAs ?o } FILTER(isIRI(?o) && STRSTARTS(STR(?o), ?wd)) } }");
        sameAs.setIri("sameAs", Namespaces.OWL + "sameAs");
        sameAs.setLiteral("wd", Namespaces.WD);
        return new DatasetStatistics(triples, count(ds, entities.toString()), classes, properties, subjects, objects,
                count(ds, sameAs.toString()),
                grouped(ds, "SELECT ?k (COUNT(*) AS ?n) { GRAPH ?k { ?s ?p ?o } } GROUP BY ?k ORDER BY ?k"),
                grouped(ds, "SELECT ?k (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s a ?k } } GROUP BY ?k ORDER BY ?k"),
                grouped(ds, "SELECT ?k (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?k ?o { GRAPH ?g { ?s ?k ?o } } } "
                        + "GROUP BY ?k ORDER BY ?k"));
    }

    private static long count(Dataset ds, String query) {
        try (QueryExecution qe = QueryExecution.create(query, ds)) {
            ResultSet rs = qe.execSelect();
            return rs.hasNext() ? rs.next().getLiteral("n").getLong() : 0;
        }
    }

    private static Map<String, Long> grouped(Dataset ds, String query) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (QueryExecution qe = QueryExecution.create(query, ds)) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution row = rs.next();
                if (row.get("k").isURIResource()) {
                    out.put(row.getResource("k").getURI(), row.getLiteral("n").getLong());
                }
            }
        }
        return out;
    }

    /** The named graphs, sorted by IRI. */
    public List<String> graphs() {
        return List.copyOf(graphTriples.keySet());
    }
}
