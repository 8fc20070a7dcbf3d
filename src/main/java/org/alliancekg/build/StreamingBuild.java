package org.alliancekg.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.alliancekg.build.BuildTimings.Phase;
import org.alliancekg.extract.ArticleExtractor;
import org.alliancekg.extract.Extraction;
import org.alliancekg.extract.MentionFinder;
import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.ArticleReader;
import org.alliancekg.ingest.ClaimsFile;
import org.alliancekg.ingest.ClaimsReader;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.ingest.EntityCatalogReader;
import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.Problem;
import org.alliancekg.ingest.Problems;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.InputHash;
import org.alliancekg.store.Store;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full build on the bulk-loading path, streaming: articles are read, extracted and validated one at a time on
 * several threads (one per core by default) while the calling thread hands each article graph, in article order,
 * to Jena's TDB2 bulk loader filling a fresh database directory and to the dump files, and gathers the facts the
 * articles assert into one graph of facts (each fact once), loaded and dumped after the articles. Only the entity catalogue,
 * the ontology, the articles in flight and what the final validation pass needs (see {@link Validator.Corpus}) are
 * held in memory. Problems of every file are collected and reported together at the end; any problem or violation
 * abandons the new directory and the dumps, leaving {@code db/current} as it was.
 */
final class StreamingBuild {

    private static final Logger LOG = LoggerFactory.getLogger("akg.build");
    private static final Set<String> CLAIMS_SUFFIXES = Set.of(".yaml", ".yml", ".json");

    private final ProjectLayout layout;
    private final BuildTimings timings;
    private final int threads;
    private final Store.Loader loader;
    /** The extractor, shared by the extraction threads (built once per build). */
    private ArticleExtractor extractor;

    StreamingBuild(ProjectLayout layout, BuildTimings timings, int threads, Store.Loader loader) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.layout = layout;
        this.timings = timings;
        this.threads = threads;
        this.loader = loader;
    }

    /** Articles extracted and validated together. */
    static final int BATCH = 25;

    /** What one article gave (no graph when it could not be read). */
    private record Result(String id, Graph graph, Graph suggested, Graph facts, int claims, int mentions,
                          long bodyBytes, List<Problem> problems) {
    }

    /**
     * What a batch of articles gave, in article order, with the validation of their graphs and their dump text
     * (null when an article of the batch has a problem: the build will fail).
     */
    private record Batch(List<Result> articles, Validator.Corpus.ArticleCheck check, DumpWriter.Chunk dump) {
    }

    /** The per-thread state of an extraction thread. */
    private static final class WorkerState {
        final Validator.Corpus.Worker validator;

        WorkerState(Validator.Corpus v) {
            this.validator = v.worker();
        }
    }

    GraphBuilder.Result run() {
        long start = System.nanoTime();
        // the stamp first: a file changed while the build reads it then fails the stamp next time
        String inputStamp = timings.time(Phase.READ, () -> InputHash.stamp(layout));
        // each input file is read once: its digest is taken from the bytes the build reads (see InputHash)
        Map<String, byte[]> digests = new java.util.concurrent.ConcurrentHashMap<>();
        BiConsumer<Path, byte[]> onRead = (file, bytes) -> digests.put(layout.display(file), InputHash.digest(bytes));
        EntityCatalog catalog = timings.time(Phase.READ, () -> new EntityCatalogReader(layout, onRead).readAll());
        Graph ontology = timings.time(Phase.READ, () -> RdfInput.readTurtle(layout, layout.ontologyFile(), onRead));
        Validator validator = Validator.forProject(layout, onRead);
        List<Path> articleFiles = timings.time(Phase.READ, this::articleFiles);
        Map<String, List<Path>> claimFiles = timings.time(Phase.READ, this::claimFiles);
        Set<String> articleIds = new HashSet<>();
        for (Path p : articleFiles) {
            articleIds.add(idOf(p));
        }
        LOG.info("building {} articles with {} entities on {} thread(s)", articleFiles.size(), catalog.size(), threads);

        Graph entities = GraphAssembler.entityModel(catalog).getGraph();
        Validator.Corpus scoped = validator.corpus(ontology, entities, articleIds);
        MentionFinder finder = new MentionFinder(catalog);
        ArticleReader articleReader = new ArticleReader(layout, onRead);
        ClaimsReader claimsReader = new ClaimsReader(layout, onRead);
        ThreadLocal<WorkerState> state = ThreadLocal.withInitial(() -> new WorkerState(scoped));

        Map<String, Long> counts = new LinkedHashMap<>();
        DumpWriter dumps = new DumpWriter(layout.dumpsDir(), Store.DUMP_NAME, Namespaces.PREFIXES.getNsPrefixMap());
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        Path db;
        java.util.concurrent.atomic.AtomicReference<BuildTimings.Mark> filled = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            Supplier<String> inputHash = () -> timings.time(Phase.READ, () -> InputHash.of(layout, digests));
            db = new Store(layout).commitBulk(inputHash, inputStamp, loader, stream -> {
                Namespaces.PREFIXES.getNsPrefixMap().forEach(stream::prefix);
                Node ontologyGraph = NodeFactory.createURI(Iris.ONTOLOGY_GRAPH);
                Node entitiesGraph = NodeFactory.createURI(Iris.ENTITIES_GRAPH);
                emit(stream, ontologyGraph, ontology);
                emit(stream, entitiesGraph, entities);
                timings.run(Phase.DUMPS, () -> dumps.append(dumps.chunk(List.of(Map.entry(ontologyGraph, ontology),
                        Map.entry(entitiesGraph, entities)))));
                long quads = ontology.size() + entities.size();

                Problems problems = new Problems();
                // each asserted fact once, however many articles state it: loaded and dumped after the articles
                Graph facts = GraphFactory.createDefaultGraph();
                List<Validator.Corpus.ArticleCheck> failed = new ArrayList<>();
                Deque<Future<Batch>> inFlight = new ArrayDeque<>();
                int window = threads * 2;
                int claims = 0;
                int mentions = 0;
                int suggestedGraphs = 0;
                long bytes = 0;
                int done = 0;
                int next = 0;
                while (next < articleFiles.size() || !inFlight.isEmpty()) {
                    while (next < articleFiles.size() && inFlight.size() < window) {
                        List<Path> files = articleFiles.subList(next, Math.min(articleFiles.size(), next + BATCH));
                        next += files.size();
                        inFlight.add(pool.submit(() -> extract(files, claimFiles, articleReader, claimsReader, catalog,
                                finder, articleIds, dumps, state.get())));
                    }
                    Batch batch = take(inFlight.poll());
                    batch.articles().forEach(r -> r.problems().forEach(problems::add));
                    if (problems.isEmpty()) {
                        for (Result r : batch.articles()) {
                            emit(stream, NodeFactory.createURI(Iris.articleGraph(r.id())), r.graph());
                            quads += r.graph().size();
                            if (!r.suggested().isEmpty()) {
                                emit(stream, NodeFactory.createURI(Iris.suggestedGraph(r.id())), r.suggested());
                                quads += r.suggested().size();
                                suggestedGraphs++;
                            }
                        }
                        timings.run(Phase.DUMPS, () -> dumps.append(batch.dump()));
                    }
                    for (Result r : batch.articles()) {
                        if (r.graph() != null) {
                            timings.run(Phase.SHACL, () -> {
                                scoped.share(r.id(), r.graph());
                                scoped.share(r.id(), r.suggested());
                            });
                            GraphUtil.addInto(facts, r.facts());
                            claims += r.claims();
                            mentions += r.mentions();
                            bytes += r.bodyBytes();
                        }
                        if (++done % 10_000 == 0) {
                            LOG.info("built {} of {} articles ({} quads)", done, articleFiles.size(), quads);
                        }
                    }
                    if (batch.check() != null && !batch.check().conforms()) {
                        failed.add(batch.check());
                    }
                }
                // claims files without an article file
                for (Map.Entry<String, List<Path>> e : claimFiles.entrySet()) {
                    if (!articleIds.contains(e.getKey())) {
                        for (Path p : e.getValue()) {
                            ClaimsFile cf = problems.collect(() -> claimsReader.read(p));
                            if (cf != null) {
                                problems.add(GraphAssembler.noArticle(cf));
                            }
                        }
                    }
                }
                problems.throwIfAny();
                Node factsGraph = NodeFactory.createURI(Iris.FACTS_GRAPH);
                emit(stream, factsGraph, facts);
                quads += facts.size();
                timings.run(Phase.DUMPS, () -> dumps.append(dumps.chunk(List.of(Map.entry(factsGraph, facts)))));
                timings.run(Phase.SHACL, () -> scoped.shareFacts(facts));
                long kept = scoped.sharedSize();
                ValidationReport report = timings.time(Phase.SHACL, () -> scoped.finish(failed));
                LOG.info("validated {} article graphs and {} shared triples: {} SHACL result(s), {} check(s), "
                                + "{} check violation(s)", articleFiles.size(), kept,
                        report.shaclResults().size(), validator.checkCount(), report.checkViolations().size());
                if (!report.conforms()) {
                    throw new ValidationException(report);
                }
                counts.put("quads", quads);
                counts.put("graphs", 3L + articleFiles.size() + suggestedGraphs);
                counts.put("articles", (long) articleFiles.size());
                counts.put("entities", (long) catalog.size());
                counts.put("claims", (long) claims);
                counts.put("mentions", (long) mentions);
                counts.put("bodyBytes", bytes);
                filled.set(BuildTimings.mark());
                return counts;
            });
            // the loader finishing its indexes, build.json, the swap
            timings.lap(Phase.STORE, filled.get());
        } catch (RuntimeException e) {
            dumps.abandon();
            throw e;
        } finally {
            pool.shutdownNow();
        }
        timings.run(Phase.DUMPS, dumps::commit);
        timings.wall(System.nanoTime() - start);
        LOG.info("built {} articles, {} quads, 0 violations in {}", counts.get("articles"), counts.get("quads"),
                String.format(Locale.ROOT, "%.1f s", timings.wallNanos() / 1e9));
        LOG.info("build phases: {}", timings);
        return new GraphBuilder.Result(db, Map.copyOf(counts), timings);
    }

    private void emit(StreamRDF stream, Node graphName, Graph g) {
        BuildTimings.Mark t = BuildTimings.mark();
        g.find().forEachRemaining(q -> stream.quad(Quad.create(graphName, q)));
        timings.lap(Phase.STORE, t);
    }

    private synchronized ArticleExtractor extractor(EntityCatalog catalog, MentionFinder finder) {
        if (extractor == null) {
            extractor = new ArticleExtractor(catalog, finder).withoutCandidates();
        }
        return extractor;
    }

    private Batch extract(List<Path> files, Map<String, List<Path>> claimFiles, ArticleReader articleReader,
                          ClaimsReader claimsReader, EntityCatalog catalog, MentionFinder finder,
                          Set<String> articleIds, DumpWriter dumps, WorkerState ws) {
        List<Result> results = new ArrayList<>(files.size());
        Map<String, Graph> graphs = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        // the facts the batch asserts, as the graph of facts for the batch's check queries
        Graph batchFacts = GraphFactory.createDefaultGraph();
        GraphAssembler.Context context = new GraphAssembler.Context(catalog, extractor(catalog, finder),
                articleIds::contains);
        for (Path file : files) {
            Problems problems = new Problems();
            BuildTimings.Mark t0 = BuildTimings.mark();
            Article a = problems.collect(() -> articleReader.read(file));
            List<ClaimsFile> claims = new ArrayList<>();
            for (Path p : claimFiles.getOrDefault(idOf(file), List.of())) {
                ClaimsFile cf = problems.collect(() -> claimsReader.read(p));
                if (cf != null) {
                    claims.add(cf);
                }
            }
            timings.lap(Phase.READ, t0);
            if (a == null) {
                results.add(new Result(idOf(file), null, null, null, 0, 0, 0, problems.list()));
                continue;
            }
            Extraction x = context.extractor().extract(a, timings.extractionLaps());
            GraphAssembler.ArticleAssembly one = GraphAssembler.assembleArticle(x, claims, context, problems, timings);
            Graph g = one.model().getGraph();
            graphs.put(Iris.articleGraph(a.id()), g);
            graphs.put(Iris.suggestedGraph(a.id()), one.suggested().getGraph());
            GraphUtil.addInto(batchFacts, one.facts().getGraph());
            ids.add(a.id());
            results.add(new Result(a.id(), g, one.suggested().getGraph(), one.facts().getGraph(), one.claims(),
                    one.mentions(),
                    a.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, problems.list()));
        }
        graphs.put(Iris.FACTS_GRAPH, batchFacts);
        Validator.Corpus.ArticleCheck check = ids.isEmpty() ? null
                : timings.time(Phase.SHACL, () -> ws.validator.validate(graphs, ids));
        DumpWriter.Chunk dump = null;
        if (results.stream().allMatch(r -> r.problems().isEmpty())) {
            List<Map.Entry<Node, Graph>> ordered = new ArrayList<>();
            for (Result r : results) {
                ordered.add(Map.entry(NodeFactory.createURI(Iris.articleGraph(r.id())), r.graph()));
                if (!r.suggested().isEmpty()) {
                    ordered.add(Map.entry(NodeFactory.createURI(Iris.suggestedGraph(r.id())), r.suggested()));
                }
            }
            dump = timings.time(Phase.DUMPS, () -> dumps.chunk(ordered));
        }
        return new Batch(results, check, dump);
    }

    private static Batch take(Future<Batch> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("build interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private List<Path> articleFiles() {
        Path dir = layout.articlesDir();
        if (!Files.isDirectory(dir)) {
            throw new InputException(new Problem(layout.display(dir), 0, null, ProjectLayout.MISSING_DIRECTORY));
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(ArticleReader.SUFFIX) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InputException(new Problem(layout.display(dir), 0, null, "cannot list: " + e), e);
        }
    }

    /** Claims files by the article id their name gives, sorted. */
    private Map<String, List<Path>> claimFiles() {
        Path dir = layout.claimsDir();
        Map<String, List<Path>> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot > 0 && CLAIMS_SUFFIXES.contains(name.substring(dot).toLowerCase(Locale.ROOT))) {
                    out.computeIfAbsent(name.substring(0, dot), k -> new ArrayList<>()).add(p);
                }
            }
        } catch (IOException e) {
            throw new InputException(new Problem(layout.display(dir), 0, null, "cannot list: " + e), e);
        }
        return out;
    }

    private static String idOf(Path articleFile) {
        String name = articleFile.getFileName().toString();
        return name.endsWith(ArticleReader.SUFFIX) ? name.substring(0, name.length() - ArticleReader.SUFFIX.length())
                : name;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "akg-build-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
