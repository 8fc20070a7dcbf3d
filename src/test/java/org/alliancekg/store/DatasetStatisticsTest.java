package org.alliancekg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.StringReader;
import java.util.Map;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;

/** The counts from TDB2's quad indexes against the SPARQL counts they replace, and the cache that keeps them. */
class DatasetStatisticsTest {

    /** The same facts in several graphs, types stated twice, a blank subject, literals, sameAs in and out of WD. */
    private static final String TRIG = """
            PREFIX akg: <https://w3id.org/alliance-kg/ontology#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX wd: <http://www.wikidata.org/entity/>
            <https://w3id.org/alliance-kg/graph/facts> {
                <https://w3id.org/alliance-kg/id/state/japan> a akg:State ; rdfs:label "Japan"@en ;
                        owl:sameAs wd:Q17 .
                <https://w3id.org/alliance-kg/id/state/usa> a akg:State ;
                        owl:sameAs wd:Q30 , <https://example.org/usa> .
                <https://w3id.org/alliance-kg/id/meeting/scc> akg:participant <https://w3id.org/alliance-kg/id/state/japan> ,
                        <https://w3id.org/alliance-kg/id/state/usa> .
            }
            <https://w3id.org/alliance-kg/graph/article/a> {
                <https://w3id.org/alliance-kg/id/state/japan> a akg:State ; rdfs:label "Japan"@en .
                <https://example.org/claim/1> a akg:Claim ; akg:quote "Japan and the United States" .
                [] a akg:Mention ; akg:anchorOf "Japan" .
            }
            <https://w3id.org/alliance-kg/graph/article/b> {
                <https://w3id.org/alliance-kg/id/state/japan> owl:sameAs wd:Q17 .
                <https://example.org/claim/2> a akg:Claim , akg:State ; akg:quote "Japan" .
            }
            """;

    private static DatasetGraph load(DatasetGraph dsg) {
        Txn.executeWrite(dsg, () -> RDFParser.create().source(new StringReader(TRIG)).lang(Lang.TRIG).parse(dsg));
        return dsg;
    }

    @Test
    void theIndexCountsAreTheSparqlCounts() {
        DatasetGraph tdb = load(DatabaseMgr.createDatasetGraph());
        DatasetStatistics byIndex = Txn.calculateRead(tdb, () -> DatasetStatistics.of(tdb));
        DatasetStatistics bySparql = Txn.calculateRead(tdb, () -> DatasetStatistics.bySparql(tdb));
        assertEquals(bySparql, byIndex);
        // and the figures themselves, so that both cannot be wrong the same way
        assertEquals(15, byIndex.triples());
        assertEquals(2, byIndex.sameAsWikidata());
        assertEquals(Map.of("https://w3id.org/alliance-kg/ontology#State", 3L,
                "https://w3id.org/alliance-kg/ontology#Claim", 2L,
                "https://w3id.org/alliance-kg/ontology#Mention", 1L), byIndex.classEntities());
        assertEquals(3, byIndex.entities());
        assertEquals(java.util.List.of("https://w3id.org/alliance-kg/graph/article/a",
                "https://w3id.org/alliance-kg/graph/article/b", "https://w3id.org/alliance-kg/graph/facts"),
                byIndex.graphs());
    }

    @Test
    void anEmptyDatabaseCountsNothing() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        assertEquals(Txn.calculateRead(tdb, () -> DatasetStatistics.bySparql(tdb)),
                Txn.calculateRead(tdb, () -> DatasetStatistics.of(tdb)));
    }

    @Test
    void theCacheCountsAgainOnlyWhenTheDataChanges() {
        DatasetGraph tdb = load(DatabaseMgr.createDatasetGraph());
        CachedStatistics cache = new CachedStatistics(() -> tdb);
        DatasetStatistics first = cache.get();
        assertSame(first, cache.get(), "unchanged data is not counted again");
        Txn.executeWrite(tdb, () -> tdb.add(org.apache.jena.sparql.core.Quad.create(
                org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/alliance-kg/graph/article/c"),
                org.apache.jena.graph.NodeFactory.createURI("https://example.org/s"),
                org.apache.jena.graph.NodeFactory.createURI("https://example.org/p"),
                org.apache.jena.graph.NodeFactory.createLiteralString("o"))));
        DatasetStatistics second = cache.get();
        assertNotSame(first, second);
        assertEquals(first.triples() + 1, second.triples(), "an ingest's triples are counted");
    }

    @Test
    void aDatasetOutsideTdb2IsCountedOnceWithSparql() {
        DatasetGraph mem = load(DatasetGraphFactory.createTxnMem());
        CachedStatistics cache = new CachedStatistics(() -> mem);
        DatasetStatistics first = cache.get();
        assertEquals(15, first.triples());
        assertSame(first, cache.get());
    }

    @Test
    void aPageThatCannotWaitForTheFirstCountGetsNothingAndTheCountGoesOn() throws Exception {
        DatasetGraph mem = load(DatasetGraphFactory.createTxnMem());
        java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
        DatasetGraph slow = new org.apache.jena.sparql.core.DatasetGraphWrapper(mem) {
            @Override
            public void begin(org.apache.jena.query.TxnType type) {
                try {
                    open.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.begin(type);
            }
        };
        CachedStatistics cache = new CachedStatistics(() -> slow);
        assertEquals(java.util.Optional.empty(), cache.await(java.time.Duration.ofMillis(50)),
                "no counts before the first count is done");
        open.countDown();
        DatasetStatistics counted = cache.get();
        assertEquals(15, counted.triples());
        assertSame(counted, cache.await(java.time.Duration.ofMillis(50)).orElseThrow(), "the same count, kept");
    }
}
