package org.alliancekg.build;

import java.io.IOException;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;

/**
 * A separate process for tests: opens the TDB2 database named by its argument (as a server does), prints
 * {@code ready}, and holds it until its standard input closes.
 */
public final class HoldDatabase {

    private HoldDatabase() {
    }

    /** Opens the database {@code args[0]} and waits. */
    public static void main(String[] args) throws IOException {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(args[0]));
        Txn.executeRead(dsg, () -> dsg.find().hasNext());
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the test to close our input
        }
    }
}
