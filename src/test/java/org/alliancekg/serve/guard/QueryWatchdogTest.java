package org.alliancekg.serve.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Test;

/** The watchdog aborts a query without timeout of its own that runs past its deadline, and only such queries. */
class QueryWatchdogTest {

    static DatasetGraph data() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        for (int i = 0; i < 1000; i++) {
            dsg.add(Quad.defaultGraphIRI, NodeFactory.createURI("urn:s" + i), NodeFactory.createURI("urn:p"),
                    NodeFactory.createLiteralString("v" + i));
        }
        return dsg;
    }

    @Test
    void abortsAQueryPastItsDeadline() {
        DatasetGraph dsg = data();
        try (QueryWatchdog watchdog = new QueryWatchdog(100, 50)) {
            // no ARQ timeout: only the watchdog can stop this
            QueryExec exec = QueryExec.dataset(dsg)
                    .query("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }").build();
            QueryWatchdog.Ticket ticket = watchdog.track(exec::abort, 200, "cross join");
            try {
                assertThrows(QueryCancelledException.class, () -> exec.select().materialize());
            } finally {
                ticket.close();
                exec.close();
            }
            assertTrue(ticket.aborted());
            assertEquals(1, watchdog.aborts());
            assertEquals(0, watchdog.running());
        }
    }

    @Test
    void leavesQueriesWithinTheirDeadlineAlone() {
        DatasetGraph dsg = data();
        try (QueryWatchdog watchdog = new QueryWatchdog(100, 20)) {
            QueryExec exec = QueryExec.dataset(dsg).query("SELECT (COUNT(*) AS ?n) { ?a ?b ?c }").build();
            QueryWatchdog.Ticket ticket = watchdog.track(exec::abort, 60_000, "small");
            try {
                assertEquals("1000", exec.select().next().get("n").getLiteralLexicalForm());
            } finally {
                ticket.close();
                exec.close();
            }
            assertFalse(ticket.aborted());
            assertEquals(0, watchdog.aborts());
        }
    }
}
