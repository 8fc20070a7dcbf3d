package org.alliancekg.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.CachedStatistics;
import org.alliancekg.store.ServerStatus;
import org.alliancekg.store.Store;
import org.alliancekg.text.TextIndexes;
import org.alliancekg.vocab.Iris;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alliance-kg SPARQL server: embedded Fuseki configured by the project's {@code fuseki-config/config.ttl}
 * (the same file stock Fuseki runs), with its {@code tdb2:location} pointed at the live database directory, plus a
 * home page at {@code /} and its static files under {@code /static/}.
 *
 * <p>The service is read only: the configuration offers SPARQL query ({@code /kg/sparql}, {@code /kg/query}) and
 * the read-only Graph Store Protocol ({@code /kg/get}); {@link Builder#build()} refuses a configuration that
 * offers update, graph-store writes, upload or patch (in the file itself: modules may add separate, guarded
 * services). Requests that try to write are refused with a 4xx status. Fuseki alone (no modules) answers: an
 * update POSTed to {@code /kg/sparql} 415 (as {@code application/sparql-update}) or 400 (as a form without
 * {@code query=}); {@code /kg/update} is no endpoint, 404; PUT, POST or DELETE on {@code /kg/get} 405; any request
 * on {@code /kg} itself 400 "No endpoint for request", since the service has no unnamed endpoint. A module may answer
 * first: with the default modules an update sent to a query endpoint answers 403. (Stock Fuseki, running the same
 * file, answers 405 for {@code /kg/update}.)
 *
 * <p>A server on {@code db/current} (no {@link Builder#dbLocation}) follows the link: when a build moves it, the new
 * database is assembled from the same configuration and swapped in for new requests, while requests already running
 * finish on the old one, which is then closed and deleted ({@code db/server.json} names the new directory).
 *
 * <p>The server binds to {@code localhost} unless told otherwise. Port 0 picks a free port; {@link #port()} tells
 * which after {@link #start()}.
 *
 * <p>Features beyond SPARQL are Fuseki modules ({@link FusekiModule}, most of them a {@link FeatureModule}), each made for the server from its
 * {@link ServerContext}; the command line passes the full list ({@code cli.ServerModules}). Without modules the
 * server is bare: the SPARQL service and the home page.
 *
 * <pre>{@code
 * KgServer server = KgServer.builder()
 *         .layout(ProjectLayout.detect())
 *         .port(0)                      // any free port
 *         .build()
 *         .start();
 * String endpoint = server.sparqlUrl();   // http://localhost:41234/kg/sparql
 * ...
 * server.stop();
 * }</pre>
 */
public final class KgServer {

    private static final Logger LOG = LoggerFactory.getLogger("akg.serve");

    /** The default port, as for stock Fuseki. */
    public static final int DEFAULT_PORT = 3030;

    /** The default host to bind to. */
    public static final String DEFAULT_HOST = "localhost";

    /** TDB2 assembler namespace. */
    static final String TDB2_NS = "http://jena.apache.org/2016/tdb#";
    static final String TEXT_NS = "http://jena.apache.org/text#";
    /** Fuseki configuration namespace. */
    static final String FUSEKI_NS = "http://jena.apache.org/fuseki#";

    /** Fuseki operations that change data; a configuration offering any of them is refused. */
    private static final Set<String> WRITE_OPERATIONS = Set.of("update", "gsp-rw", "upload", "patch", "prefixes-rw");

    /** Old-style Fuseki service properties that offer writes. */
    private static final Set<String> WRITE_SERVICE_PROPERTIES =
            Set.of("serviceUpdate", "serviceReadWriteGraphStore", "serviceUpload", "serviceReadWriteQuads");

    /** How often a server on {@code db/current} looks whether a build moved the link. */
    private static final long WATCH_MILLIS = 500;
    /** Longest wait for the old database's open transactions to end before it is closed all the same. */
    private static final long RETIRE_MAX_MILLIS = 300_000;

    private final FusekiServer fuseki;
    private final String host;
    private final String serviceName;
    private final ProjectLayout layout;
    private final AtomicReference<DatasetGraph> served;
    private final boolean followCurrent;
    private volatile Path databaseDirectory;
    private volatile boolean started;
    private volatile boolean stopped;
    private ScheduledExecutorService watcher;
    /** A database the server could not switch to, so as not to try (and warn) every half second. */
    private volatile Path refused;

    private KgServer(FusekiServer fuseki, String host, String serviceName, Path databaseDirectory,
                     ProjectLayout layout, AtomicReference<DatasetGraph> served, boolean followCurrent) {
        this.fuseki = fuseki;
        this.host = host;
        this.serviceName = serviceName;
        this.databaseDirectory = databaseDirectory;
        this.layout = layout;
        this.served = served;
        this.followCurrent = followCurrent;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving; returns this server. */
    public synchronized KgServer start() {
        if (stopped) {
            throw new IllegalStateException("server was stopped");
        }
        if (!started) {
            Store.serving(databaseDirectory);
            fuseki.start();
            started = true;
            LOG.debug("started on {}:{} over {}", host, port(), databaseDirectory);
            if (followCurrent) {
                watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "akg-serve-current");
                    t.setDaemon(true);
                    return t;
                });
                watcher.scheduleWithFixedDelay(this::followCurrent, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
        return this;
    }

    /** Switches to the database {@code db/current} points to, if a build moved it. */
    private void followCurrent() {
        Path target;
        try {
            target = layout.currentDb().toRealPath();
        } catch (IOException e) {
            return;
        }
        if (target.equals(databaseDirectory) || target.equals(refused) || !Files.isDirectory(target)) {
            return;
        }
        try {
            switchTo(target);
        } catch (RuntimeException e) {
            refused = target; // said once; a later build moves the link again
            LOG.warn("db/current moved to {}, but it cannot be served ({}); still serving {}",
                    layout.display(target), e.getMessage(), layout.display(databaseDirectory));
        }
    }

    /**
     * Serves the database in {@code dir} from now on: a dataset is built from the Fuseki configuration with the new
     * location filled in (as at start-up), then replaces the old one for new requests at once; requests already
     * running finish on the old dataset, which is closed when its last transaction ends.
     */
    synchronized void switchTo(Path dir) {
        if (stopped) {
            return;
        }
        Path configFile = layout.fusekiConfig();
        TextIndexes.ensure(dir);
        Model config = readConfig(configFile, dir);
        DatasetGraph fresh = assemble(config, configFile);
        Store.serving(dir);
        DataAccessPointRegistry registry = fuseki.getDataAccessPointRegistry();
        DataService old = dataService();
        DataService next = DataService.newBuilder(old).dataset(fresh).build();
        next.goActive();
        registry.put("/" + serviceName, new DataAccessPoint("/" + serviceName, next));
        DatasetGraph oldDataset = served.getAndSet(fresh);
        Path oldDir = databaseDirectory;
        databaseDirectory = dir;
        ServerStatus.running(layout).filter(s -> s.pid() == ProcessHandle.current().pid() && s.port() == port())
                .ifPresent(s -> s.withDatabase(dir.toString()).write(layout));
        LOG.info("now serving {} (a build moved {}); requests already running finish on {}", layout.display(dir),
                layout.display(layout.currentDb()), layout.display(oldDir));
        Thread retire = new Thread(() -> retire(old, oldDataset, oldDir), "akg-serve-retire");
        retire.setDaemon(true);
        retire.start();
    }

    /** Closes a replaced dataset once no transaction is open on it (or after {@value #RETIRE_MAX_MILLIS} ms). */
    private void retire(DataService old, DatasetGraph dataset, Path dir) {
        long deadline = System.currentTimeMillis() + RETIRE_MAX_MILLIS;
        try {
            while ((old.activeTxn.get() > 0 || Store.activeTransactions(dataset) > 0)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        old.goOffline();
        Store.expel(dataset);
        Store.servedNoMore(dir);
        boolean deleted = new Store(layout).deleteRetired(dir);
        LOG.debug("closed the replaced database {}{}", dir, deleted ? " and deleted it" : "");
    }

    /** The dataset of the configuration's service, built by Jena's assemblers as Fuseki builds it at start-up. */
    private static DatasetGraph assemble(Model config, Path configFile) {
        Resource service = config.listSubjectsWithProperty(RDF.type, config.createResource(FUSEKI_NS + "Service"))
                .nextOptional().orElseThrow(() -> new IllegalArgumentException(configFile + ": no fuseki:Service"));
        Resource dataset = service.getPropertyResourceValue(config.createProperty(FUSEKI_NS, "dataset"));
        if (dataset == null) {
            throw new IllegalArgumentException(configFile + ": the fuseki:Service has no fuseki:dataset");
        }
        return DatasetFactory.assemble(dataset).asDatasetGraph();
    }

    /** The port the server listens on: after {@link #start()}, the actual port even if 0 was asked for. */
    public int port() {
        return fuseki.getHttpPort();
    }

    /** The host name or address the server binds to. */
    public String host() {
        return host;
    }

    /** The Fuseki service name, e.g. {@code kg}. */
    public String serviceName() {
        return serviceName;
    }

    /** The base URL, e.g. {@code http://localhost:3030/}. */
    public String baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    /** The SPARQL query endpoint, e.g. {@code http://localhost:3030/kg/sparql}. */
    public String sparqlUrl() {
        return baseUrl() + serviceName + "/sparql";
    }

    /** The absolute, real directory of the TDB2 database being served (symbolic links resolved). */
    public Path databaseDirectory() {
        return databaseDirectory;
    }

    /** The served dataset (read it in a read transaction); after a build moved {@code db/current}, the new one. */
    public DatasetGraph dataset() {
        return served.get();
    }

    /** Counts what the served dataset holds. */
    public DatasetSummary summary() {
        return DatasetSummary.of(dataset());
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    /**
     * Stops the server and releases the database, so that another process (or a later server in this JVM) can
     * open it. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (watcher != null) {
            watcher.shutdownNow();
        }
        DatasetGraph dsg = dataset();
        fuseki.stop();
        Store.expel(dsg);
        Store.servedNoMore(databaseDirectory);
        LOG.debug("stopped server on port {}", port());
    }

    private DataService dataService() {
        DataAccessPoint dap = fuseki.getDataAccessPointRegistry().get("/" + serviceName);
        return dap.getDataService();
    }

    /**
     * Reads a Fuseki configuration file and points every {@code tdb2:location} at {@code databaseDirectory}
     * (absolute), and a {@code text:directory} at its folder {@code text/}. The file must describe exactly one TDB2 dataset.
     *
     * @throws IllegalArgumentException if the file does not parse or does not have exactly one
     *                                  {@code tdb2:location}
     */
    public static Model readConfig(Path configFile, Path databaseDirectory) {
        Model model;
        try {
            model = RDFDataMgr.loadModel(configFile.toString());
        } catch (RiotException e) {
            throw new IllegalArgumentException(configFile + ": " + e.getMessage(), e);
        }
        Property location = model.createProperty(TDB2_NS, "location");
        List<Statement> locations = model.listStatements(null, location, (RDFNode) null).toList();
        if (locations.size() != 1) {
            throw new IllegalArgumentException(configFile + ": expected exactly one tdb2:location, found "
                    + locations.size());
        }
        Statement st = locations.get(0);
        model.remove(st);
        model.add(st.getSubject(), location, databaseDirectory.toAbsolutePath().toString());
        // the full-text index, if the file declares one, is the folder text/ of the same database directory
        Property directory = model.createProperty(TEXT_NS, "directory");
        for (Statement dir : model.listStatements(null, directory, (RDFNode) null).toList()) {
            model.remove(dir);
            model.add(dir.getSubject(), directory, model.createResource(
                    TextIndexes.directory(databaseDirectory.toAbsolutePath()).toUri().toString()));
        }
        return model;
    }

    /**
     * The write operations a Fuseki configuration offers, as {@code fuseki:} names: endpoints with
     * {@code fuseki:operation fuseki:update} (or gsp-rw, upload, patch, prefixes-rw) and old-style properties such
     * as {@code fuseki:serviceUpdate}. Empty for a read-only configuration.
     */
    static List<String> writeOperations(Model config) {
        Property operation = config.createProperty(FUSEKI_NS, "operation");
        java.util.TreeSet<String> found = new java.util.TreeSet<>();
        config.listObjectsOfProperty(operation).forEachRemaining(o -> {
            if (o.isURIResource() && o.asResource().getURI().startsWith(FUSEKI_NS)
                    && WRITE_OPERATIONS.contains(o.asResource().getURI().substring(FUSEKI_NS.length()))) {
                found.add("fuseki:" + o.asResource().getURI().substring(FUSEKI_NS.length()));
            }
        });
        for (String p : WRITE_SERVICE_PROPERTIES) {
            if (config.contains(null, config.createProperty(FUSEKI_NS, p), (RDFNode) null)) {
                found.add("fuseki:" + p);
            }
        }
        return List.copyOf(found);
    }

    /** The single {@code fuseki:name} of the configuration's {@code fuseki:Service}. */
    static String serviceName(Model config, Path configFile) {
        Resource serviceType = config.createResource(FUSEKI_NS + "Service");
        Property name = config.createProperty(FUSEKI_NS, "name");
        List<Resource> services = config.listSubjectsWithProperty(RDF.type, serviceType).toList();
        if (services.size() != 1) {
            throw new IllegalArgumentException(configFile + ": expected exactly one fuseki:Service, found "
                    + services.size());
        }
        Statement st = services.get(0).getProperty(name);
        if (st == null || !st.getObject().isLiteral()) {
            throw new IllegalArgumentException(configFile + ": the fuseki:Service has no fuseki:name");
        }
        String n = st.getString();
        return n.startsWith("/") ? n.substring(1) : n;
    }

    /**
     * Builds a {@link KgServer}: check the inputs, read the configuration, build (not start) the Fuseki server.
     * A project {@link #layout(ProjectLayout) layout} is required; everything else has a default.
     */
    public static final class Builder {
        private ProjectLayout layout;
        private Path dbLocation;
        private int port = DEFAULT_PORT;
        private String host = DEFAULT_HOST;
        private String publicBase = Iris.BASE;
        private ServerSettings settings = ServerSettings.defaults();
        private List<Function<ServerContext, FusekiModule>> modules = List.of();

        private Builder() {
        }

        /** The public base IRI that the data uses; default {@value Iris#BASE}. Passed on to the modules. */
        public Builder publicBase(String publicBase) {
            this.publicBase = Objects.requireNonNull(publicBase, "publicBase");
            return this;
        }

        /** Settings for the modules; default {@link ServerSettings#defaults()}. */
        public Builder settings(ServerSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The features to add, as Fuseki modules made for this server from its {@link ServerContext}; default none,
         * which gives the bare server (SPARQL, home page). The command line adds every feature.
         */
        public Builder modules(List<Function<ServerContext, FusekiModule>> modules) {
            this.modules = List.copyOf(modules);
            return this;
        }

        /** The project: its {@code fuseki-config/config.ttl}, {@code queries/} and database root. */
        public Builder layout(ProjectLayout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * The TDB2 database directory to serve; default the layout's {@code db/current}, followed: when a build
         * moves the link, the server switches to the new database (new requests at once, running ones finish on the
         * old). A directory given here is resolved once, at {@link #build()}, and served until the server stops.
         */
        public Builder dbLocation(Path dbLocation) {
            this.dbLocation = dbLocation;
            return this;
        }

        /** The port, 0 for any free one; default {@value KgServer#DEFAULT_PORT}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * The host name or address to bind to; default {@value KgServer#DEFAULT_HOST} (loopback only).
         * {@code 0.0.0.0} binds every interface.
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Checks the settings and builds the server (not yet started).
         *
         * @throws IllegalStateException    if no layout was given, or the database directory does not exist
         * @throws IllegalArgumentException if the port or host is invalid, or the configuration is unusable or
         *                                  offers a write operation
         */
        public KgServer build() {
            if (layout == null) {
                throw new IllegalStateException("KgServer.builder(): layout(...) is required");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            try {
                InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown host: " + host, e);
            }
            Path configFile = layout.fusekiConfig();
            if (!Files.isRegularFile(configFile)) {
                throw new IllegalStateException("no Fuseki configuration at " + layout.display(configFile));
            }
            Path db = dbLocation != null ? layout.root().resolve(dbLocation) : layout.currentDb();
            Path realDb;
            try {
                realDb = db.toRealPath();
            } catch (IOException e) {
                throw new IllegalStateException("no database at " + layout.display(db)
                        + ": build it first (alliance-kg build)", e);
            }
            if (!Files.isDirectory(realDb)) {
                throw new IllegalStateException("not a database directory: " + layout.display(db));
            }

            TextIndexes.ensure(realDb);
            Model config = readConfig(configFile, realDb);
            String service = serviceName(config, configFile);
            List<String> writes = writeOperations(config);
            if (!writes.isEmpty()) {
                throw new IllegalArgumentException(layout.display(configFile) + ": offers " + String.join(", ", writes)
                        + "; the configured service must be read only");
            }
            List<Path> queryDirs = List.of(layout.queriesDir().resolve("cq"), layout.queriesDir().resolve("examples"));

            AtomicReference<DatasetGraph> served = new AtomicReference<>();
            Supplier<DatasetGraph> dataset = () -> {
                DatasetGraph dsg = served.get();
                if (dsg == null) {
                    throw new IllegalStateException("the dataset is available once the server is built");
                }
                return dsg;
            };
            CachedStatistics statistics = new CachedStatistics(dataset);
            FusekiServer.Builder fusekiBuilder = FusekiServer.create()
                    .port(port)
                    .loopback(false)
                    .parseConfig(config)
                    .addServlet("", new HomePageServlet(service, queryDirs, statistics))
                    .addServlet("/static/*", new StaticResourceServlet());
            ServerContext context = new ServerContext(layout, config, service, realDb, dataset, statistics, publicBase,
                    settings);
            List<FusekiModule> fusekiModules = new ArrayList<>(FusekiModules.getSystemModules().asList());
            for (Function<ServerContext, FusekiModule> module : modules) {
                fusekiModules.add(module.apply(context));
            }
            fusekiBuilder.fusekiModules(FusekiModules.create(fusekiModules));
            FusekiServer fuseki = fusekiBuilder.build();
            for (Connector c : fuseki.getJettyServer().getConnectors()) {
                if (c instanceof ServerConnector sc) {
                    sc.setHost(host);
                }
            }

            DataAccessPoint dap = fuseki.getDataAccessPointRegistry().get("/" + service);
            if (dap == null) {
                throw new IllegalArgumentException(layout.display(configFile) + ": no service /" + service);
            }
            served.set(dap.getDataService().getDataset());
            return new KgServer(fuseki, host, service, realDb, layout, served, dbLocation == null);
        }
    }
}
