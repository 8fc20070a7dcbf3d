package org.alliancekg.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link RelationGraph} from a dataset of alliance-kg (the built TDB2 database, or any dataset shaped like
 * it).
 *
 * <p>The data read is the union of the named graphs, without the graphs of suggested claims
 * ({@code .../graph/suggested/...}), which are not curated. A node is an IRI typed with one of the
 * {@link NodeClass}es ({@code akg:Article} only when articles are asked for); an edge is a triple of one of the
 * relation properties between two nodes; its evidence is every {@code akg:Claim} whose {@code rdf:subject},
 * {@code rdf:predicate} and {@code rdf:object} are that triple (every {@code akg:Mention} of the target in the
 * source article, for {@code akg:mentions}).
 *
 * <p>Timeline: a node exists from the first day of its {@code akg:date} (undated: always); an edge from the first
 * day of its earliest evidence date, or from when both its ends exist, whichever is later.
 *
 * <pre>{@code
 * RelationGraphReader reader = RelationGraphReader.of(dataset).withArticles(false);
 * RelationGraph all = reader.read(GraphSelection.all());
 * Graph picked = RelationGraphReader.construct(dataset, QueryFactory.create(text), 10_000);
 * RelationGraph sub = reader.read(GraphSelection.triples(picked));
 * }</pre>
 */
public final class RelationGraphReader {

    private static final Logger LOG = LoggerFactory.getLogger("akg.export");

    private static final String SUGGESTED_GRAPHS = Iris.GRAPH + "suggested/";
    private static final Node PROV_DERIVED = NodeFactory.createURI(Namespaces.PROV + "wasDerivedFrom");
    private static final Node WIKIDATA_NS = NodeFactory.createURI(Namespaces.WD);

    private final DatasetGraph dataset;
    private final boolean articles;
    private final int evidenceLimit;

    private RelationGraphReader(DatasetGraph dataset, boolean articles, int evidenceLimit) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.articles = articles;
        this.evidenceLimit = evidenceLimit;
    }

    /** A reader of {@code dataset}, without article nodes, with all the evidence of every edge. */
    public static RelationGraphReader of(DatasetGraph dataset) {
        return new RelationGraphReader(dataset, false, Integer.MAX_VALUE);
    }

    /** A copy that includes articles as nodes (with their mentions, creators and publishers as edges) or not. */
    public RelationGraphReader withArticles(boolean include) {
        return new RelationGraphReader(dataset, include, evidenceLimit);
    }

    /**
     * A copy that gives each edge at most {@code limit} of its supporting statement nodes as evidence (the first by
     * IRI, then ordered by article and IRI as always). The edge's weight, dates and start still count all of them:
     * only the quotes, articles and characterizations of the rest are not read.
     *
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    public RelationGraphReader withEvidenceLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the evidence limit must be at least 1, not " + limit);
        }
        return new RelationGraphReader(dataset, articles, limit);
    }

    /**
     * Runs a SPARQL CONSTRUCT query over the dataset with the union of the named graphs as default graph (as the
     * server answers it), in a read transaction, and returns its result.
     *
     * @param timeoutMs the overall timeout; 0 or less for none
     * @throws IllegalArgumentException if the query is not a CONSTRUCT query
     */
    public static Graph construct(DatasetGraph dataset, Query query, long timeoutMs) {
        if (!query.isConstructType()) {
            throw new IllegalArgumentException("the subgraph query must be a CONSTRUCT query, not "
                    + query.queryType());
        }
        Query onUnion = unionDefaultGraph(query);
        Dataset ds = DatasetFactory.wrap(dataset);
        return Txn.calculateRead(dataset, () -> {
            var builder = QueryExecution.dataset(ds).query(onUnion);
            if (timeoutMs > 0) {
                builder.timeout(timeoutMs, TimeUnit.MILLISECONDS);
            }
            try (QueryExecution qe = builder.build()) {
                return qe.execConstruct().getGraph();
            }
        });
    }

    /**
     * The query with its pattern evaluated on the union graph ({@code GRAPH <urn:x-arq:UnionGraph> { ... }}), which
     * works on any Jena dataset; {@code GRAPH} clauses inside it still see the named graphs. A query with its own
     * {@code FROM} is left as it is.
     */
    static Query unionDefaultGraph(Query query) {
        if (query.hasDatasetDescription() || query.getQueryPattern() == null) {
            return query;
        }
        Query copy = query.cloneQuery();
        copy.setQueryPattern(new ElementNamedGraph(Quad.unionGraph, copy.getQueryPattern()));
        return copy;
    }

    /** Reads the selected part of the data, in a read transaction. */
    public RelationGraph read(GraphSelection selection) {
        Objects.requireNonNull(selection, "selection");
        return Txn.calculateRead(dataset, () -> new Run(curatedGraph(dataset)).read(selection));
    }

    /** The nodes among these IRIs, in their order; IRIs that are no node (of this reader) are left out. */
    public List<GraphNode> describe(Collection<String> iris) {
        return Txn.calculateRead(dataset, () -> {
            Run run = new Run(curatedGraph(dataset));
            List<GraphNode> out = new ArrayList<>();
            for (String iri : new LinkedHashSet<>(iris)) {
                Node x = NodeFactory.createURI(iri);
                if (run.nodeClass(x).isPresent()) {
                    out.add(run.node(x));
                }
            }
            return out;
        });
    }

    /** Every node of the given classes, ordered by id. */
    public List<GraphNode> nodes(Set<NodeClass> classes) {
        return Txn.calculateRead(dataset, () -> {
            Run run = new Run(curatedGraph(dataset));
            Set<Node> found = new TreeSet<>(Comparator.comparing(Node::getURI));
            for (NodeClass c : classes) {
                run.data.find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(c.iri())).forEachRemaining(t -> {
                    if (run.nodeClass(t.getSubject()).filter(classes::contains).isPresent()) {
                        found.add(t.getSubject());
                    }
                });
            }
            return found.stream().map(run::node).sorted(Comparator.comparing(GraphNode::id)).toList();
        });
    }

    /**
     * The union of the dataset's named graphs except the graphs of suggested claims: the data every reading works
     * on. Read it in a read transaction.
     */
    public static Graph curatedGraph(DatasetGraph dataset) {
        return new CuratedUnionGraph(dataset);
    }

    /** Whether a named graph holds curated data (is not a graph of suggested claims). */
    static boolean isCurated(Node graphName) {
        return !(graphName.isURI() && graphName.getURI().startsWith(SUGGESTED_GRAPHS));
    }

    /** The id of a node IRI: without the {@code akr:} namespace when it is under it. */
    static String nodeId(String iri) {
        return iri.startsWith(Iris.ID) && iri.length() > Iris.ID.length() ? iri.substring(Iris.ID.length()) : iri;
    }

    /** One read over one graph view, with its caches. */
    private final class Run {
        private final Graph data;
        private final Set<Node> relations;
        private final Map<Node, Optional<NodeClass>> classes = new HashMap<>();
        private final Map<Node, String> labels = new HashMap<>();
        private final Map<Node, Map<Node, Set<Node>>> mentionsIn = new HashMap<>();

        Run(Graph data) {
            this.data = data;
            this.relations = new HashSet<>(Relations.properties(articles));
        }

        RelationGraph read(GraphSelection selection) {
            Set<Node> nodeIris = new TreeSet<>(Comparator.comparing(Node::getURI));
            List<Triple> found = new ArrayList<>();
            if (selection instanceof GraphSelection.All) {
                for (NodeClass c : NodeClass.values()) {
                    if (!c.isEntity() && !articles) {
                        continue;
                    }
                    data.find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(c.iri())).forEachRemaining(t -> {
                        if (nodeClass(t.getSubject()).isPresent()) {
                            nodeIris.add(t.getSubject());
                        }
                    });
                }
                for (Node p : relations) {
                    data.find(Node.ANY, p, Node.ANY).forEachRemaining(found::add);
                }
            } else if (selection instanceof GraphSelection.Triples picked) {
                picked.graph().find().forEachRemaining(t -> {
                    for (Node x : List.of(t.getSubject(), t.getObject())) {
                        if (nodeClass(x).isPresent()) {
                            nodeIris.add(x);
                        }
                    }
                    found.add(t);
                });
            } else if (selection instanceof GraphSelection.Around around) {
                for (String iri : around.iris()) {
                    Node x = NodeFactory.createURI(iri);
                    if (nodeClass(x).isEmpty()) {
                        continue;
                    }
                    nodeIris.add(x);
                    data.find(x, Node.ANY, Node.ANY).forEachRemaining(found::add);
                    data.find(Node.ANY, Node.ANY, x).forEachRemaining(found::add);
                }
            }
            List<Triple> kept = new ArrayList<>();
            Set<Triple> seen = new HashSet<>();
            for (Triple t : found) {
                if (relations.contains(t.getPredicate()) && nodeClass(t.getSubject()).isPresent()
                        && nodeClass(t.getObject()).isPresent() && seen.add(t)) {
                    kept.add(t);
                    nodeIris.add(t.getSubject());
                    nodeIris.add(t.getObject());
                }
            }
            Map<String, GraphNode> nodes = new LinkedHashMap<>();
            for (Node x : nodeIris) {
                GraphNode n = node(x);
                nodes.put(n.id(), n);
            }
            List<GraphEdge> edges = new ArrayList<>();
            for (Triple t : kept) {
                edges.add(edge(t, nodes));
            }
            LOG.debug("relation graph: {} nodes, {} edges", nodes.size(), edges.size());
            return new RelationGraph(List.copyOf(nodes.values()), edges, articles);
        }

        Optional<NodeClass> nodeClass(Node x) {
            if (!x.isURI()) {
                return Optional.empty();
            }
            return classes.computeIfAbsent(x, n -> {
                Optional<NodeClass> best = Optional.empty();
                var it = data.find(n, RDF.type.asNode(), Node.ANY);
                while (it.hasNext()) {
                    Node type = it.next().getObject();
                    if (!type.isURI()) {
                        continue;
                    }
                    Optional<NodeClass> c = NodeClass.fromIri(type.getURI()).filter(k -> k.isEntity() || articles);
                    if (c.isPresent() && (best.isEmpty() || c.get().ordinal() < best.get().ordinal())) {
                        best = c;
                    }
                }
                return best;
            });
        }

        GraphNode node(Node x) {
            String iri = x.getURI();
            String id = nodeId(iri);
            List<String> aliases = literals(x, SKOS.altLabel.asNode()).stream().distinct().sorted().toList();
            Optional<String> wikidata = objects(x, OWL.sameAs.asNode()).stream()
                    .filter(o -> o.isURI() && o.getURI().startsWith(WIKIDATA_NS.getURI()))
                    .map(o -> o.getURI().substring(WIKIDATA_NS.getURI().length()))
                    .sorted().findFirst();
            return new GraphNode(iri, id, label(x).orElse(id), nodeClass(x).orElseThrow(), aliases, wikidata,
                    date(x, AKG.date.asNode()), date(x, AKG.endDate.asNode()));
        }

        GraphEdge edge(Triple t, Map<String, GraphNode> nodes) {
            GraphNode s = nodes.get(nodeId(t.getSubject().getURI()));
            GraphNode o = nodes.get(nodeId(t.getObject().getURI()));
            String predicate = t.getPredicate().getURI();
            String relation = Relations.name(predicate);
            String label = labels.computeIfAbsent(t.getPredicate(), p -> label(p).orElse(relation));
            Support support = t.getPredicate().equals(AKG.mentions.asNode())
                    ? mentions(t.getSubject(), t.getObject()) : claims(t);
            Optional<LocalDate> start = support.dates().stream().map(DateSpan::first).min(Comparator.naturalOrder());
            for (GraphNode end : List.of(s, o)) {
                Optional<LocalDate> endStart = RelationGraph.start(end);
                if (endStart.isPresent() && (start.isEmpty() || start.get().isBefore(endStart.get()))) {
                    start = endStart;
                }
            }
            return new GraphEdge(s.id() + " " + relation + " " + o.id(), s.id(), o.id(), predicate, relation,
                    label, support.shown(), support.count(), support.dates(), start);
        }

        /**
         * The asserting claims of a triple, found by its fact node (one lookup, whatever else shares its terms): all
         * of them counted and dated, at most {@link #evidenceLimit} read in full.
         */
        Support claims(Triple t) {
            Map<Node, Optional<DateSpan>> found = new LinkedHashMap<>();
            Node fact = NodeFactory.createURI(Iris.fact(t.getSubject(), t.getPredicate(), t.getObject()));
            data.find(Node.ANY, AKG.fact.asNode(), fact).forEachRemaining(st -> {
                Node c = st.getSubject();
                if (c.isURI() && data.contains(c, RDF.type.asNode(), AKG.Claim.asNode())
                        && !data.contains(c, AKG.asserted.asNode(), NodeFactory.createLiteralByValue(false))) {
                    found.put(c, date(c, AKG.date.asNode()));
                }
            });
            List<Evidence> shown = new ArrayList<>();
            for (Node c : firstByIri(found.keySet())) {
                shown.add(new Evidence(c.getURI(), Evidence.Kind.CLAIM, article(c),
                        literal(c, AKG.quote.asNode()).orElse(""),
                        literal(c, AKG.characterization.asNode()), found.get(c)));
            }
            Set<DateSpan> dates = new TreeSet<>();
            found.values().forEach(d -> d.ifPresent(dates::add));
            return new Support(sortEvidence(shown), found.size(), List.copyOf(dates));
        }

        /**
         * The mentions of {@code target} in {@code article}, from the article's mentions (read once per article from
         * the statement nodes derived from it), so that the cost follows the article's size, not the number of
         * mentions of the target in the corpus.
         */
        Support mentions(Node article, Node target) {
            Set<Node> found = mentionsIn.computeIfAbsent(article, this::mentionsByTarget)
                    .getOrDefault(target, Set.of());
            List<Evidence> shown = new ArrayList<>();
            for (Node m : firstByIri(found)) {
                String text = literal(m, AKG.sentence.asNode())
                        .or(() -> literal(m, AKG.anchorText.asNode())).orElse("");
                shown.add(new Evidence(m.getURI(), Evidence.Kind.MENTION, Optional.of(article.getURI()), text,
                        Optional.empty(), Optional.empty()));
            }
            return new Support(sortEvidence(shown), found.size(), List.of());
        }

        /** The mentions derived from an article, by the entity each mentions. */
        private Map<Node, Set<Node>> mentionsByTarget(Node article) {
            Map<Node, Set<Node>> byTarget = new HashMap<>();
            data.find(Node.ANY, PROV_DERIVED, article).forEachRemaining(st -> {
                Node m = st.getSubject();
                if (m.isURI() && data.contains(m, RDF.type.asNode(), AKG.Mention.asNode())) {
                    data.find(m, AKG.mentionOf.asNode(), Node.ANY).forEachRemaining(
                            mt -> byTarget.computeIfAbsent(mt.getObject(), x -> new LinkedHashSet<>()).add(m));
                }
            });
            return byTarget;
        }

        /** The statement nodes whose evidence is read in full: all, or the first {@link #evidenceLimit} by IRI. */
        private List<Node> firstByIri(Collection<Node> found) {
            List<Node> distinct = new ArrayList<>(found);
            if (distinct.size() <= evidenceLimit) {
                return distinct;
            }
            distinct.sort(Comparator.comparing(Node::getURI));
            return distinct.subList(0, evidenceLimit);
        }

        private List<Evidence> sortEvidence(List<Evidence> evidence) {
            evidence.sort(Comparator.comparing((Evidence e) -> e.article().orElse("")).thenComparing(Evidence::iri));
            return evidence;
        }

        private Optional<String> article(Node c) {
            return objects(c, PROV_DERIVED).stream().filter(Node::isURI).map(Node::getURI).sorted().findFirst();
        }

        private Optional<String> label(Node x) {
            List<Node> ls = objects(x, RDFS.label.asNode()).stream().filter(Node::isLiteral).toList();
            return ls.stream().filter(l -> l.getLiteralLanguage().equalsIgnoreCase("en"))
                    .map(Node::getLiteralLexicalForm).sorted().findFirst()
                    .or(() -> ls.stream().map(Node::getLiteralLexicalForm).sorted().findFirst());
        }

        private Optional<DateSpan> date(Node x, Node property) {
            return literals(x, property).stream().map(DateSpan::parse).flatMap(Optional::stream).sorted()
                    .findFirst();
        }

        private Optional<String> literal(Node x, Node property) {
            return literals(x, property).stream().sorted().findFirst();
        }

        private List<String> literals(Node x, Node property) {
            return objects(x, property).stream().filter(Node::isLiteral).map(Node::getLiteralLexicalForm).toList();
        }

        private List<Node> objects(Node x, Node property) {
            List<Node> out = new ArrayList<>();
            data.find(x, property, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
            return out;
        }
    }

    /**
     * What supports an edge: the evidence read in full, how many statement nodes support it, and the distinct
     * dates of all of them, in order.
     */
    private record Support(List<Evidence> shown, int count, List<DateSpan> dates) {
    }

    /** Every quad of the curated named graphs whose subject is {@code x}. */
    static Stream<Quad> quadsAbout(DatasetGraph dataset, Node x) {
        List<Quad> out = new ArrayList<>();
        dataset.find(Node.ANY, x, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!q.isDefaultGraph() && isCurated(q.getGraph())) {
                out.add(q);
            }
        });
        return out.stream();
    }
}
