package org.alliancekg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.Problem;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.ServerStatus;
import org.alliancekg.store.Store;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-kg query FILE.rq}: runs a SPARQL query on the local database ({@code db/current}) with the
 * union of the named graphs as default graph, and prints the result (a text table by default). With a server
 * running on the database (TDB2 lets one process open it), the query is sent to the server's {@code /kg/sparql},
 * whose limits (timeout, row cap) then apply.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a SPARQL query file on the local database (db/current); the default graph is the union "
                + "of all named graphs.",
                "With a server running on the database, the query goes to its SPARQL endpoint (its timeout and row cap "
                        + "apply)."})
public final class QueryCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger("akg.query");

    /** Output formats for SELECT results. */
    enum Format { text, tsv, csv, json }

    @Parameters(index = "0", paramLabel = "FILE.rq", description = "SPARQL query file.")
    Path file;

    @Option(names = "--format", defaultValue = "text", paramLabel = "F",
            description = "SELECT result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = options.layout();
        Query query = parse(file);
        PrintWriter out = spec.commandLine().getOut();
        Optional<ServerStatus> server = ServerStatus.running(layout);
        if (server.isPresent()) {
            // TDB2 lets one process open the database: ask the server that has it, as a client would
            String endpoint = server.get().endpoint("sparql");
            try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(query).build()) {
                print(qe, query, out);
            } catch (QueryExceptionHTTP e) {
                if (e.getStatusCode() == 400) {
                    throw new CommandFailure(Main.EXIT_INPUT, "the server at " + server.get().url() + " refused "
                            + file + ": " + e.getMessage());
                }
                throw LiveData.unreachable(server.get(), e);
            } catch (org.apache.jena.atlas.web.HttpException e) {
                throw LiveData.unreachable(server.get(), e);
            }
            out.flush();
            return 0;
        }
        Dataset ds = LiveData.openCurrent(layout);
        try {
            Txn.executeRead(ds, () -> {
                try (QueryExecution qe = QueryExecution.dataset(ds).query(query)
                        .set(TDB2.symUnionDefaultGraph, true).build()) {
                    print(qe, query, out);
                }
            });
        } finally {
            Store.close(ds);
        }
        out.flush();
        return 0;
    }

    private void print(QueryExecution qe, Query query, PrintWriter out) {
        if (query.isSelectType()) {
            ResultSet rs = qe.execSelect();
            var bytes = new java.io.ByteArrayOutputStream();
            switch (format) {
                case text -> ResultSetFormatter.out(bytes, rs, Namespaces.PREFIXES);
                case tsv -> ResultSetFormatter.output(bytes, rs, ResultSetLang.RS_TSV);
                case csv -> ResultSetFormatter.output(bytes, rs, ResultSetLang.RS_CSV);
                case json -> ResultSetFormatter.output(bytes, rs, ResultSetLang.RS_JSON);
                default -> throw new IllegalStateException();
            }
            out.print(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        } else if (query.isAskType()) {
            out.println(qe.execAsk());
        } else {
            Model m = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
            m.setNsPrefixes(Namespaces.PREFIXES);
            var bytes = new java.io.ByteArrayOutputStream();
            RDFDataMgr.write(bytes, m, Lang.TURTLE);
            out.print(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Query parse(Path file) {
        String shown = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InputException(Problem.unreadable(shown, e));
        } catch (UncheckedIOException e) {
            throw new InputException(Problem.unreadable(shown, e.getCause()));
        }
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new InputException(new Problem(shown, Math.max(e.getLine(), 0), Math.max(e.getColumn(), 0), null,
                    "SPARQL syntax: " + e.getMessage().lines().findFirst().orElse("")));
        }
    }
}
