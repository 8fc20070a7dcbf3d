package org.alliancekg.publish;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Matches names to the graph's individuals for the reconciliation service: an index of every typed individual under
 * {@value Iris#ID} (not claims or mentions) with its labels ({@code rdfs:label}, {@code dcterms:title}) and aliases
 * ({@code skos:altLabel}), compared by {@link NameKey} (case- and accent-insensitive).
 *
 * <p>Scores, 0 to 100: a name equal to a label 100; equal to an alias 95; otherwise the best over the names of word
 * overlap (Dice coefficient over the words, a query word that begins a word of the name counting 0.7) times 85
 * for labels and 80 for aliases, or, if better, 60 plus up to 25 when the name begins with the query. A property
 * constraint ({@code pid} an akg property, {@code v} an id or a name) that the individual satisfies adds 5. Candidates
 * under {@value #MIN_SCORE} are dropped. {@code match} is true for the top candidate only when its name is exact and
 * no other candidate scores as high.
 *
 * <pre>{@code
 * Reconciler r = Txn.calculateRead(dsg, () -> Reconciler.index(dsg));
 * r.reconcile(new Reconciler.Query("DPRK", List.of(), 3, List.of())).get(0).id();  // state/north-korea
 * }</pre>
 */
public final class Reconciler {

    /** Candidates scoring below this are not returned. */
    static final double MIN_SCORE = 20;
    /** The most candidates a query may ask for. */
    static final int MAX_LIMIT = 100;
    /** Candidates returned when the query names no limit. */
    static final int DEFAULT_LIMIT = 10;

    private static final Node ALT_LABEL = NodeFactory.createURI(Namespaces.SKOS + "altLabel");
    private static final Set<Node> NOT_ENTITIES = Set.of(AKG.Claim.asNode(), AKG.Mention.asNode(),
            AKG.SuggestedClaim.asNode(), AKG.Fact.asNode());

    /** A type: class IRI and display name. */
    public record Type(String id, String name) {
    }

    /** A property constraint: an akg property (local name, {@code akg:} name or IRI) and a wanted value. */
    public record PropertyValue(String pid, String value) {
    }

    /**
     * A reconciliation query.
     *
     * @param text       the name to match
     * @param types      wanted types (class IRIs, {@code akg:} names or local names); empty: any
     * @param limit      the most candidates; 0 or less: {@value #DEFAULT_LIMIT}
     * @param properties property constraints that raise the score of individuals satisfying them
     */
    public record Query(String text, List<String> types, int limit, List<PropertyValue> properties) {
        public Query {
            text = text == null ? "" : text;
            types = types == null ? List.of() : List.copyOf(types);
            properties = properties == null ? List.of() : List.copyOf(properties);
        }
    }

    /** A candidate answer. */
    public record Candidate(String id, String name, double score, boolean match, List<Type> types,
                            String description) {
    }

    /** One indexed individual. */
    private record Entry(String id, String iri, String name, List<String> labelKeys, List<String> aliasKeys,
                         List<Type> types, Set<String> allTypes, String description,
                         Map<String, Set<String>> values) {
    }

    private final List<Entry> entries;
    private final List<Type> defaultTypes;

    private Reconciler(List<Entry> entries, List<Type> defaultTypes) {
        this.entries = entries;
        this.defaultTypes = defaultTypes;
    }

    /** Indexes the individuals of the dataset's union graph; call inside a read transaction. */
    public static Reconciler index(DatasetGraph dsg) {
        Graph g = dsg.getUnionGraph();
        Map<Node, String> classNames = new HashMap<>();
        Map<Node, Set<Node>> superClasses = new HashMap<>();
        Map<Node, Set<Node>> typesOf = new TreeMap<>(Comparator.comparing(Node::getURI));
        // the instances of the ontology's classes but those of evidence, class by class: the union holds a type for
        // every claim, mention and sentence of the corpus, which a scan of all types would read
        Set<Node> classes = new LinkedHashSet<>();
        dsg.getGraph(NodeFactory.createURI(Iris.ONTOLOGY_GRAPH)).find(Node.ANY, RDF.type.asNode(), OWL.Class.asNode())
                .forEachRemaining(t -> classes.add(t.getSubject()));
        classes.removeIf(c -> !c.isURI() || !c.getURI().startsWith(AKG.NS) || NOT_ENTITIES.contains(c));
        for (Node c : classes) {
            g.find(Node.ANY, RDF.type.asNode(), c).forEachRemaining(t -> {
                Node s = t.getSubject();
                if (s.isURI() && s.getURI().startsWith(Iris.ID)) {
                    typesOf.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(c);
                }
            });
        }
        // a node typed as evidence too is evidence
        typesOf.keySet().removeIf(s -> NOT_ENTITIES.stream().anyMatch(n -> g.contains(s, RDF.type.asNode(), n)));
        List<Entry> entries = new ArrayList<>();
        Set<Node> usedClasses = new LinkedHashSet<>();
        for (Map.Entry<Node, Set<Node>> e : typesOf.entrySet()) {
            if (e.getValue().stream().anyMatch(NOT_ENTITIES::contains)) {
                continue;
            }
            Node s = e.getKey();
            List<String> labelKeys = new ArrayList<>();
            String name = null;
            String anyName = null;
            for (Node p : List.of(RDFS.label.asNode(), DCTerms.title.asNode())) {
                for (Node o : objects(g, s, p)) {
                    if (!o.isLiteral() || NameKey.of(o.getLiteralLexicalForm()).isEmpty()) {
                        continue;
                    }
                    labelKeys.add(NameKey.of(o.getLiteralLexicalForm()));
                    if (name == null && p.equals(RDFS.label.asNode()) && "en".equals(o.getLiteralLanguage())) {
                        name = o.getLiteralLexicalForm();
                    }
                    anyName = anyName == null ? o.getLiteralLexicalForm() : anyName;
                }
            }
            name = name != null ? name : anyName;
            List<String> aliasKeys = new ArrayList<>();
            for (Node o : objects(g, s, ALT_LABEL)) {
                if (o.isLiteral() && !NameKey.of(o.getLiteralLexicalForm()).isEmpty()) {
                    aliasKeys.add(NameKey.of(o.getLiteralLexicalForm()));
                }
            }
            String id = s.getURI().substring(Iris.ID.length());
            Set<String> allTypes = new LinkedHashSet<>();
            List<Type> types = new ArrayList<>();
            for (Node c : e.getValue()) {
                usedClasses.add(c);
                types.add(new Type(c.getURI(), className(g, c, classNames)));
                for (Node sup : superClassesOf(g, c, superClasses)) {
                    allTypes.add(sup.getURI());
                    if (sup.getURI().startsWith(AKG.NS)) {
                        usedClasses.add(sup);
                    }
                }
            }
            String description = objects(g, s, RDFS.comment.asNode()).stream().filter(Node::isLiteral)
                    .map(Node::getLiteralLexicalForm).findFirst().orElse(null);
            Map<String, Set<String>> values = new HashMap<>();
            g.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                if (t.getPredicate().getURI().startsWith(AKG.NS)) {
                    Node o = t.getObject();
                    String v = o.isURI() ? o.getURI() : o.isLiteral() ? NameKey.of(o.getLiteralLexicalForm()) : null;
                    if (v != null) {
                        values.computeIfAbsent(t.getPredicate().getURI(), k -> new LinkedHashSet<>()).add(v);
                    }
                }
            });
            entries.add(new Entry(id, s.getURI(), name != null ? name : id, List.copyOf(labelKeys),
                    List.copyOf(aliasKeys), List.copyOf(types), allTypes, description, values));
        }
        List<Type> defaults = usedClasses.stream().map(c -> new Type(c.getURI(), className(g, c, classNames)))
                .sorted(Comparator.comparing(Type::name)).toList();
        return new Reconciler(List.copyOf(entries), defaults);
    }

    /** The akg classes of the indexed individuals and their akg superclasses, by name. */
    public List<Type> defaultTypes() {
        return defaultTypes;
    }

    /** Number of indexed individuals. */
    public int size() {
        return entries.size();
    }

    /** The indexed individual with this id ({@code person/fumio-kishida}), if any: its name, types, description. */
    public Optional<Candidate> lookup(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst()
                .map(e -> new Candidate(e.id(), e.name(), 100, true, e.types(), e.description()));
    }

    /** The best candidates for a query, best first (ties by name, then id). */
    public List<Candidate> reconcile(Query query) {
        return reconcile(query, null);
    }

    /**
     * As {@link #reconcile(Query)}, scoring only the individuals whose IRI is in {@code among} (the candidates the
     * full-text index found), or all when it is null.
     */
    public List<Candidate> reconcile(Query query, Set<String> among) {
        String qKey = NameKey.of(query.text());
        if (qKey.isEmpty()) {
            return List.of();
        }
        List<String> qTokens = List.of(qKey.split(" "));
        Set<String> wanted = new LinkedHashSet<>();
        for (String t : query.types()) {
            wanted.add(classIri(t));
        }
        record Scored(Entry entry, double score, boolean exact) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Entry e : entries) {
            if (among != null && !among.contains(e.iri())) {
                continue;
            }
            if (!wanted.isEmpty() && wanted.stream().noneMatch(e.allTypes()::contains)) {
                continue;
            }
            boolean exact = false;
            double score;
            if (e.labelKeys().contains(qKey)) {
                score = 100;
                exact = true;
            } else if (e.aliasKeys().contains(qKey)) {
                score = 95;
                exact = true;
            } else {
                score = Math.max(bestPartial(qKey, qTokens, e.labelKeys(), 85),
                        bestPartial(qKey, qTokens, e.aliasKeys(), 80));
            }
            score = Math.min(100, score + 5 * satisfied(e, query.properties()));
            if (score >= MIN_SCORE) {
                scored.add(new Scored(e, Math.round(score * 100) / 100.0, exact));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.entry().name()).thenComparing(s -> s.entry().id()));
        int limit = query.limit() <= 0 ? DEFAULT_LIMIT : Math.min(query.limit(), MAX_LIMIT);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < scored.size() && i < limit; i++) {
            Scored s = scored.get(i);
            boolean match = i == 0 && s.exact() && (scored.size() == 1 || scored.get(1).score() < s.score());
            out.add(new Candidate(s.entry().id(), s.entry().name(), s.score(), match, s.entry().types(),
                    s.entry().description()));
        }
        return out;
    }

    /** The best partial score of the query against some names. */
    private static double bestPartial(String qKey, List<String> qTokens, Collection<String> names, double weight) {
        double best = 0;
        for (String name : names) {
            List<String> nTokens = List.of(name.split(" "));
            double matched = 0;
            for (String q : qTokens) {
                if (nTokens.contains(q)) {
                    matched += 1;
                } else if (q.length() >= 2 && nTokens.stream().anyMatch(n -> n.startsWith(q))) {
                    matched += 0.7;
                }
            }
            double dice = 2 * matched / (qTokens.size() + nTokens.size());
            double score = weight * dice;
            if (qKey.length() >= 3 && name.startsWith(qKey)) {
                score = Math.max(score, 60 + 25.0 * qKey.length() / name.length());
            }
            best = Math.max(best, score);
        }
        return best;
    }

    /** How many of the property constraints the individual satisfies. */
    private int satisfied(Entry e, List<PropertyValue> constraints) {
        int n = 0;
        for (PropertyValue pv : constraints) {
            Set<String> have = e.values().get(propertyIri(pv.pid()));
            if (have == null || pv.value() == null) {
                continue;
            }
            String v = pv.value();
            String asIri = v.startsWith("http://") || v.startsWith("https://") ? v : Iris.ID + v;
            String asKey = NameKey.of(v);
            boolean ok = have.contains(asIri) || have.contains(asKey) || have.stream().anyMatch(iri -> {
                Entry target = entries.stream().filter(x -> x.iri().equals(iri)).findFirst().orElse(null);
                return target != null && (target.labelKeys().contains(asKey) || target.aliasKeys().contains(asKey));
            });
            n += ok ? 1 : 0;
        }
        return n;
    }

    /** A class named as IRI, {@code akg:Local} or {@code Local}. */
    static String classIri(String type) {
        if (type.startsWith("http://") || type.startsWith("https://")) {
            return type;
        }
        return AKG.NS + (type.startsWith("akg:") ? type.substring(4) : type);
    }

    private static String propertyIri(String pid) {
        return classIri(pid);
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        return out;
    }

    private static String className(Graph g, Node c, Map<Node, String> cache) {
        return cache.computeIfAbsent(c, k -> {
            String any = null;
            for (Node o : objects(g, k, RDFS.label.asNode())) {
                if (o.isLiteral()) {
                    if ("en".equals(o.getLiteralLanguage())) {
                        return o.getLiteralLexicalForm();
                    }
                    any = o.getLiteralLexicalForm();
                }
            }
            return any != null ? any : k.getURI().substring(k.getURI().lastIndexOf('#') + 1);
        });
    }

    /** The class and its superclasses by {@code rdfs:subClassOf}, transitively. */
    private static Set<Node> superClassesOf(Graph g, Node c, Map<Node, Set<Node>> cache) {
        Set<Node> cached = cache.get(c);
        if (cached != null) {
            return cached;
        }
        Set<Node> out = new LinkedHashSet<>();
        List<Node> todo = new ArrayList<>(List.of(c));
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            if (out.add(n)) {
                for (Node sup : objects(g, n, RDFS.subClassOf.asNode())) {
                    if (sup.isURI()) {
                        todo.add(sup);
                    }
                }
            }
        }
        cache.put(c, out);
        return out;
    }
}
