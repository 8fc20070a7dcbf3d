package org.alliancekg.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.alliancekg.extract.ArticleExtractor;
import org.alliancekg.extract.Extraction;
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
import org.alliancekg.store.ServerStatus;
import org.alliancekg.store.Store;
import org.alliancekg.vocab.Iris;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds or replaces one article in a live database without rebuilding the rest.
 *
 * <p>{@link #prepare} reads the file as a build does (refusing, with file and problem named, a missing front
 * matter, a bad date, bytes that are not UTF-8, an empty body) and builds its article graph (metadata, mentions,
 * the claims of {@code data/claims/{id}.yaml} if there is one) and its graph of suggested claims from one
 * {@link Extraction} with {@link GraphAssembler#assembleArticle}, as a build does. {@link #apply} then replaces
 * {@code .../graph/article/{id}} and {@code .../graph/suggested/{id}}, adds the facts the article asserts to
 * {@code .../graph/facts} and removes those that only its old version supported ({@link FactsGraph}), in ONE write
 * transaction, validates the article within the dataset after the change (SHACL and the check queries,
 * scoped ({@link Validator#article}) to the article's graphs and what the dataset states about the entities they
 * touch, so that it stays fast at any size) inside that transaction and aborts on any violation; when the database already holds exactly these quads it writes
 * nothing, so ingesting the same file twice changes nothing. Last, the file is copied into
 * {@code data/articles/{id}.md}, so that the next build keeps it.
 *
 * <p>TDB2 lets one process open a database: {@link #ingest(Path)} opens the project's database itself and refuses
 * ({@link ServerRunningException}) when a server is running on it; a server applies articles to its own dataset
 * (see {@code POST /kg/articles}).
 *
 * <pre>{@code
 * IngestResult r = new ArticleIngester(layout).ingest(Path.of("new-article.md"));
 * System.out.println(r.summary());
 * }</pre>
 */
public final class ArticleIngester {

    private static final Logger LOG = LoggerFactory.getLogger("akg.ingest");

    private final ProjectLayout layout;
    private final Object lock = new Object();
    private Validator validator;
    private Extractor extractor;

    /** An ingester for this project (its data, ontology, checks and database root). */
    public ArticleIngester(ProjectLayout layout) {
        this.layout = layout;
    }

    /** The project. */
    public ProjectLayout layout() {
        return layout;
    }

    /** Reads an article file and builds its graphs; throws {@link InputException} naming file and problem. */
    public PreparedArticle prepare(Path file) {
        String name = file.getFileName().toString();
        String shown = layout.display(file);
        if (!name.endsWith(ArticleReader.SUFFIX)) {
            throw new InputException(new Problem(shown, 0, null, "an article file's name ends with .md: "
                    + "<article-id>.md"));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(Problem.unreadable(shown, e), e);
        }
        return prepare(name, shown, bytes);
    }

    /**
     * Reads an article from bytes and builds its graphs.
     *
     * @param fileName the file name, {@code <article-id>.md}
     * @param shown    how to name the file in messages
     * @param bytes    the file's bytes
     */
    public PreparedArticle prepare(String fileName, String shown, byte[] bytes) {
        if (!fileName.endsWith(ArticleReader.SUFFIX)) {
            throw new InputException(new Problem(shown, 0, null, "an article file's name ends with .md"));
        }
        String id = fileName.substring(0, fileName.length() - ArticleReader.SUFFIX.length());
        if (!Iris.ARTICLE_ID.matcher(id).matches()) {
            throw new InputException(new Problem(shown, 0, "id", "'" + id
                    + "' is not an article id (lower-case a-z, 0-9 and inner '-')"));
        }
        Article article = ArticleReader.parse(id, shown, bytes);
        Extractor ex = extractor();
        EntityCatalog catalog = ex.catalog();
        List<ClaimsFile> claims = claimsOf(id).map(f -> List.of(new ClaimsReader(layout).read(f))).orElse(List.of());
        GraphAssembler.Context context = new GraphAssembler.Context(catalog, ex.extractor(),
                other -> other.equals(id)
                        || Files.isRegularFile(layout.articlesDir().resolve(other + ArticleReader.SUFFIX)));
        Extraction found = context.extractor().extract(article);
        Problems problems = new Problems();
        GraphAssembler.ArticleAssembly one = GraphAssembler.assembleArticle(found, claims, context, problems,
                new BuildTimings());
        problems.throwIfAny();
        return new PreparedArticle(article, bytes, one.model(), one.suggested(), one.facts(), found, one.claims());
    }

    /** The catalogue and the extractor built from it, for the entity files as they were when read. */
    private record Extractor(String stamp, EntityCatalog catalog, ArticleExtractor extractor) {
    }

    /**
     * The catalogue and its extractor (mention automaton, candidate finder, suggester), read again only when a file
     * of {@code data/entities/} changed (name, size or modification time): the next article of a process, or of a
     * server, does not pay for them.
     */
    private Extractor extractor() {
        String stamp = entitiesStamp();
        synchronized (lock) {
            if (extractor == null || !extractor.stamp().equals(stamp)) {
                EntityCatalog catalog = new EntityCatalogReader(layout).readAll();
                extractor = new Extractor(stamp, catalog, new ArticleExtractor(catalog));
            }
            return extractor;
        }
    }

    private String entitiesStamp() {
        StringBuilder sb = new StringBuilder();
        try (java.util.stream.Stream<Path> files = Files.list(layout.entitiesDir())) {
            for (Path f : files.sorted().toList()) {
                sb.append(f.getFileName()).append(' ').append(Files.size(f)).append(' ')
                        .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
            }
        } catch (IOException e) {
            // unreadable: read the catalogue again, which names the problem
            return "unreadable " + System.nanoTime();
        }
        return sb.toString();
    }

    /** The validator of one article within the dataset (shapes and checks read once). */
    private Validator validator() {
        synchronized (lock) {
            if (validator == null) {
                validator = Validator.forProject(layout);
            }
            return validator;
        }
    }

    /** {@code data/claims/{id}.yaml} (or {@code .yml}, {@code .json}) if there is one. */
    private Optional<Path> claimsOf(String id) {
        for (String ext : List.of(".yaml", ".yml", ".json")) {
            Path f = layout.claimsDir().resolve(id + ext);
            if (Files.isRegularFile(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Puts the prepared article into the dataset in one write transaction (replacing its two graphs), validates the
     * article within the dataset after the change ({@link Validator#article}: its graphs, and everything the dataset
     * states about the entities they touch) and aborts on a violation ({@link ValidationException}, the dataset
     * unchanged); then
     * copies the file into {@code data/articles/}. Writes nothing when the dataset already holds the same quads.
     */
    public IngestResult apply(PreparedArticle p, DatasetGraph dsg) {
        synchronized (lock) {
            Node articleGraph = NodeFactory.createURI(Iris.articleGraph(p.id()));
            Node suggestedGraph = NodeFactory.createURI(Iris.suggestedGraph(p.id()));
            Set<Quad> wanted = p.quads(articleGraph, suggestedGraph);
            Set<Triple> facts = p.facts().getGraph().find().toSet();
            IngestResult.Status status = Txn.calculateWrite(dsg, () -> {
                Set<Quad> present = new HashSet<>();
                dsg.find(articleGraph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(present::add);
                dsg.find(suggestedGraph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(present::add);
                Graph factsGraph = dsg.getGraph(FactsGraph.NAME);
                if (present.equals(wanted) && facts.stream().allMatch(factsGraph::contains)) {
                    return IngestResult.Status.UNCHANGED;
                }
                boolean existed = dsg.containsGraph(articleGraph);
                Set<Triple> before = existed ? FactsGraph.statedBy(dsg, articleGraph) : Set.of();
                dsg.deleteAny(articleGraph, Node.ANY, Node.ANY, Node.ANY);
                dsg.deleteAny(suggestedGraph, Node.ANY, Node.ANY, Node.ANY);
                wanted.forEach(dsg::add);
                facts.forEach(t -> dsg.add(FactsGraph.NAME, t.getSubject(), t.getPredicate(), t.getObject()));
                Set<Triple> dropped = new HashSet<>(before);
                dropped.removeAll(facts);
                int removed = FactsGraph.removeUnsupported(dsg, dropped, articleGraph);
                if (removed > 0) {
                    LOG.info("ingest: {} fact(s) that no other article supports removed with the old version of {}",
                            removed, p.id());
                }
                // the article's graphs, and what the dataset says about the entities they touch: not the whole union
                ValidationReport report = validator().article(dsg, p.id(), Map.of(
                        articleGraph.getURI(), p.articleGraph().getGraph(),
                        suggestedGraph.getURI(), p.suggestedGraph().getGraph(),
                        Iris.FACTS_GRAPH, p.facts().getGraph()));
                if (!report.conforms()) {
                    throw new ValidationException(report);
                }
                return existed ? IngestResult.Status.REPLACED : IngestResult.Status.CREATED;
            });
            String copied = copyIntoProject(p);
            IngestResult r = new IngestResult(p.id(), Iris.article(p.id()), status, p.articleGraph().size(),
                    p.suggestedGraph().size(), p.extraction().mentions().size(), p.claims(),
                    p.extraction().suggestions().size(), p.extraction().candidates().size(), copied);
            LOG.info("ingest: {}", r.summary());
            return r;
        }
    }

    /**
     * Ingests an article file into the project's live database ({@code db/current}), opened by this process.
     *
     * @throws InputException         the file is malformed (nothing written)
     * @throws ValidationException    the database would break a shape or a check (nothing written)
     * @throws ServerRunningException a server holds the database
     */
    public IngestResult ingest(Path file) {
        List<IngestResult> one = new ArrayList<>();
        ingest(List.of(file), one::add);
        return one.get(0);
    }

    /**
     * Ingests article files one after the other into the project's live database, opened once, each in its own
     * transaction (so a file that fails leaves the ones before it in, and none after it is read); {@code each}
     * gets each result as it is done. The first article of a process also loads the extraction models.
     *
     * @throws InputException         a file is malformed (nothing of it written)
     * @throws ValidationException    the database would break a shape or a check (nothing of that file written)
     * @throws ServerRunningException a server holds the database
     */
    public void ingest(List<Path> files, java.util.function.Consumer<IngestResult> each) {
        if (files.isEmpty()) {
            return;
        }
        PreparedArticle first = prepare(files.get(0));
        Optional<ServerStatus> server = ServerStatus.running(layout);
        if (server.isPresent()) {
            throw serverRunning(server.get());
        }
        Store store = new Store(layout);
        if (store.currentDir().isEmpty()) {
            throw new InputException(new Problem(layout.display(layout.currentDb()), 0, null,
                    "no database: run 'alliance-kg build' first"));
        }
        Dataset ds;
        try {
            ds = store.openCurrent();
        } catch (RuntimeException e) {
            Optional<String> holder = Store.lockedBy(e);
            if (holder.isPresent()) {
                throw new ServerRunningException("the database " + layout.display(layout.currentDb())
                        + " is locked by another process" + holder.get() + " (a server?): TDB2 lets one process open "
                        + "a database. Stop that process, or send the article to its server with --user and "
                        + "--password-file.", e);
            }
            throw e;
        }
        try {
            each.accept(apply(first, ds.asDatasetGraph()));
            for (Path file : files.subList(1, files.size())) {
                each.accept(apply(prepare(file), ds.asDatasetGraph()));
            }
        } finally {
            Store.close(ds);
        }
    }

    /** The exception for a database held by a running server. */
    public ServerRunningException serverRunning(ServerStatus s) {
        return new ServerRunningException("a server (process " + s.pid() + ", " + s.url() + ") is serving the "
                + "database " + layout.display(layout.currentDb()) + "; TDB2 lets only one process open a database. "
                + "Send the article to the server with --user USER --password-file FILE (it is POSTed to "
                + s.articles() + "), or stop the server and ingest again.");
    }

    /** Copies the file into {@code data/articles/{id}.md} unless it is there with the same content. */
    private String copyIntoProject(PreparedArticle p) {
        Path target = layout.articlesDir().resolve(p.id() + ArticleReader.SUFFIX);
        byte[] bytes = p.bytes();
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return null;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + p.id(), ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the article is in the database but could not be copied to "
                    + layout.display(target) + ": copy it there by hand so that the next build keeps it", e);
        }
        return layout.display(target);
    }
}
