package org.alliancekg.sources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Modality;
import org.alliancekg.vocab.Rank;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@link SourceView} of an entity: the {@code akg:Claim}s whose {@code rdf:subject} or
 * {@code rdf:object} it is (at most {@link ClaimsAbout#PER_FACT} of each fact), grouped by the article it was taken
 * from ({@code prov:wasDerivedFrom}), with the qualifiers of vocabulary 2 ({@code akg:modality},
 * {@code akg:accordingTo}, {@code akg:attribution}, {@code akg:rank}, {@code akg:asserted}, {@code akg:startDate},
 * {@code akg:endDate}, {@code akg:ended}) and the labels of everything it names, over the union of the named
 * graphs. The entity IRI reaches the SPARQL queries only as a bound parameter ({@link ParameterizedSparqlString}).
 *
 * <pre>{@code
 * Optional<SourceView> view = new SourceViewReader(dsg).read(Iris.capability("counterstrike"));
 * }</pre>
 *
 * Runs in a read transaction of its own, or inside the caller's.
 */
public final class SourceViewReader {

    private static final Logger LOG = LoggerFactory.getLogger("akg.sources");

    static final String STATED = Modality.STATED.resource().getURI();
    static final String NORMAL_RANK = Rank.NORMAL.resource().getURI();
    static final String DEPRECATED_RANK = Rank.DEPRECATED.resource().getURI();
    /** The modalities whose claims do not assert their triple (the rule of {@link Modality#asserts()}). */
    static final Set<String> NOT_ASSERTING = java.util.Arrays.stream(Modality.values()).filter(m -> !m.asserts())
            .map(m -> m.resource().getURI()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final String PREFIXES = """
            PREFIX akg:     <https://w3id.org/alliance-kg/ontology#>
            PREFIX rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX prov:    <http://www.w3.org/ns/prov#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
            """;

    /** Whether the IRI occurs in the data, as subject or object. */
    private static final String EXISTS = PREFIXES + "ASK { { ?entity ?p ?o } UNION { ?s ?q ?entity } }";

    /** The claims about the entity or an entity it is {@code skos:related} to, one row per claim (a claim with two values of a single field may repeat). */
    private static final String CLAIMS = PREFIXES + """
            SELECT ?claim ?role ?s ?p ?o ?article ?quote ?begin ?end ?characterization ?attribution ?accordingTo
                   ?rank ?rankReason ?asserted ?date ?startDate ?endDate ?ended
            WHERE {
              #SHOWN
              { BIND(?entity AS ?about) } UNION { ?entity skos:related ?about } UNION { ?about skos:related ?entity }
              { ?claim rdf:subject ?about BIND("subject" AS ?role) }
              UNION
              { ?claim rdf:object ?about BIND("object" AS ?role) }
              ?claim a akg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                     prov:wasDerivedFrom ?article .
              OPTIONAL { ?claim akg:quote ?quote }
              OPTIONAL { ?claim akg:beginIndex ?begin }
              OPTIONAL { ?claim akg:endIndex ?end }
              OPTIONAL { ?claim akg:characterization ?characterization }
              OPTIONAL { ?claim akg:attribution ?attribution }
              OPTIONAL { ?claim akg:accordingTo ?accordingTo }
              OPTIONAL { ?claim akg:rank ?rank }
              OPTIONAL { ?claim akg:rankReason ?rankReason }
              OPTIONAL { ?claim akg:asserted ?asserted }
              OPTIONAL { ?claim akg:date ?date }
              OPTIONAL { ?claim akg:startDate ?startDate }
              OPTIONAL { ?claim akg:endDate ?endDate }
              OPTIONAL { ?claim akg:ended ?ended }
            }
            ORDER BY ?claim ?role
            """;

    /** The modalities of the claims about the entity. */
    private static final String MODALITIES = PREFIXES + """
            SELECT DISTINCT ?claim ?modality
            WHERE {
              #SHOWN
              { BIND(?entity AS ?about) } UNION { ?entity skos:related ?about } UNION { ?about skos:related ?entity }
              { ?claim rdf:subject ?about } UNION { ?claim rdf:object ?about }
              ?claim a akg:Claim ; akg:modality ?modality .
            }
            ORDER BY ?claim ?modality
            """;

    /** The articles of the claims about the entity, with their metadata (one row per author). */
    private static final String ARTICLES = PREFIXES + """
            SELECT DISTINCT ?article ?title ?date ?creator ?publisher
            WHERE {
              #SHOWN
              { BIND(?entity AS ?about) } UNION { ?entity skos:related ?about } UNION { ?about skos:related ?entity }
              { ?claim rdf:subject ?about } UNION { ?claim rdf:object ?about }
              ?claim a akg:Claim ; prov:wasDerivedFrom ?article .
              OPTIONAL { ?article dcterms:title ?title }
              OPTIONAL { ?article akg:date ?date }
              OPTIONAL { ?article dcterms:creator ?creator }
              OPTIONAL { ?article dcterms:publisher ?publisher }
            }
            ORDER BY ?article ?creator
            """;

    private static final List<Node> LABEL_PROPERTIES = List.of(RDFS.label.asNode(), DCTerms.title.asNode(),
            SKOS.prefLabel.asNode());

    private final DatasetGraph dataset;

    /** A reader over the union of {@code dataset}'s named graphs. */
    public SourceViewReader(DatasetGraph dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /**
     * The source view of the entity with this IRI, or empty if the IRI does not occur in the data. An entity that
     * occurs but that no claim is about has a view without articles.
     */
    public Optional<SourceView> read(String entityIri) {
        if (!isUsableIri(entityIri)) {
            throw new IllegalArgumentException("not an absolute IRI: " + entityIri);
        }
        return Txn.calculateRead(dataset, () -> new Run(dataset.getUnionGraph(), entityIri).read());
    }

    /**
     * Whether a string is an absolute IRI that can name a resource of the graph: it parses as an IRI with a scheme
     * and has none of the characters SPARQL forbids between {@code <>} (space, control characters,
     * {@code <>"{}|^`\\}).
     */
    public static boolean isUsableIri(String iri) {
        if (iri == null || iri.isEmpty() || iri.chars().anyMatch(c -> c <= 0x20 || "<>\"{}|^`\\".indexOf(c) >= 0)) {
            return false;
        }
        try {
            return IRIx.create(iri).isAbsolute();
        } catch (IRIException e) {
            return false;
        }
    }

    /** One reading, with its label cache. */
    private static final class Run {
        private final Graph union;
        private final Model model;
        private final String entity;
        private final Map<String, String> labels = new HashMap<>();
        private String shown;

        Run(Graph union, String entity) {
            this.union = union;
            this.model = ModelFactory.createModelForGraph(union);
            this.entity = entity;
        }

        Optional<SourceView> read() {
            ParameterizedSparqlString exists = parameterized(EXISTS);
            try (QueryExecution qe = QueryExecution.create(exists.asQuery(), model)) {
                if (!qe.execAsk()) {
                    return Optional.empty();
                }
            }
            Map<String, List<Term>> modalities = new HashMap<>();
            select(MODALITIES, s -> {
                String m = s.getResource("modality").getURI();
                if (m != null) {
                    modalities.computeIfAbsent(s.getResource("claim").getURI(), k -> new ArrayList<>()).add(term(m));
                }
            });
            Map<String, Map<String, ClaimAccount>> claimsByArticle = new HashMap<>();
            Set<String> seen = new LinkedHashSet<>();
            select(CLAIMS, s -> {
                String claim = s.getResource("claim").getURI();
                String article = s.getResource("article").getURI();
                if (claim == null || article == null || !seen.add(claim)) {
                    return;
                }
                claimsByArticle.computeIfAbsent(article, k -> new LinkedHashMap<>())
                        .put(claim, claim(s, claim, modalities.get(claim)));
            });
            Map<String, ArticleRow> articles = new LinkedHashMap<>();
            select(ARTICLES, s -> {
                String article = s.getResource("article").getURI();
                if (article == null || !claimsByArticle.containsKey(article)) {
                    return;
                }
                ArticleRow row = articles.computeIfAbsent(article, ArticleRow::new);
                row.title = row.title != null ? row.title : lexical(s, "title");
                row.date = row.date != null ? row.date : lexical(s, "date");
                iri(s, "creator").ifPresent(c -> row.authors.add(c));
                if (row.publisher == null) {
                    row.publisher = iri(s, "publisher").orElse(null);
                }
            });
            List<ArticleAccount> accounts = new ArrayList<>();
            for (ArticleRow row : articles.values()) {
                List<ClaimAccount> claims = new ArrayList<>(claimsByArticle.get(row.iri).values());
                claims.sort(Comparator.comparing((ClaimAccount c) -> c.begin() == null ? Integer.MAX_VALUE : c.begin())
                        .thenComparing(ClaimAccount::iri));
                List<Term> authors = row.authors.stream().map(this::term)
                        .sorted(Comparator.comparing(Term::label)).toList();
                String id = row.iri.substring(row.iri.lastIndexOf('/') + 1);
                String title = row.title != null ? row.title : label(row.iri);
                accounts.add(new ArticleAccount(row.iri, id, title, row.date, authors,
                        row.publisher == null ? null : term(row.publisher), claims));
            }
            accounts.sort(Comparator.comparing((ArticleAccount a) -> a.date() == null)
                    .thenComparing(a -> a.date() == null ? "" : a.date()).thenComparing(ArticleAccount::id));
            SourceView view = new SourceView(term(entity), accounts);
            LOG.debug("sources of {}: {} claims in {} articles", entity, view.claimCount(), accounts.size());
            return Optional.of(view);
        }

        private ClaimAccount claim(QuerySolution s, String iri, List<Term> given) {
            List<Term> modalities = given == null ? List.of(term(STATED)) : given;
            String rankIri = iri(s, "rank").orElse(NORMAL_RANK);
            Boolean assertedValue = bool(s, "asserted");
            boolean asserted = assertedValue != null ? assertedValue
                    : !rankIri.equals(DEPRECATED_RANK)
                    && modalities.stream().noneMatch(m -> NOT_ASSERTING.contains(m.iri()));
            return new ClaimAccount(iri, s.getLiteral("role").getString(), node(s.get("s")), node(s.get("p")),
                    node(s.get("o")), modalities, given != null, lexical(s, "characterization"),
                    lexical(s, "attribution"), iri(s, "accordingTo").map(this::term).orElse(null), term(rankIri),
                    lexical(s, "rankReason"), asserted, lexical(s, "date"), lexical(s, "startDate"),
                    lexical(s, "endDate"), Boolean.TRUE.equals(bool(s, "ended")), lexical(s, "quote"),
                    integer(s, "begin"), integer(s, "end"));
        }

        private void select(String text, Consumer<QuerySolution> each) {
            try (QueryExecution qe = QueryExecution.create(parameterized(text).asQuery(), model)) {
                ResultSet rs = qe.execSelect();
                rs.forEachRemaining(each);
            }
        }

        private ParameterizedSparqlString parameterized(String text) {
            ParameterizedSparqlString pss = new ParameterizedSparqlString(text.replace("#SHOWN", shownClaims()));
            pss.setIri("entity", entity);
            return pss;
        }

        /**
         * The claims a view shows, as a {@code VALUES} block: those about the entity and the entities related to it
         * that {@link ClaimsAbout} selects (at most {@link ClaimsAbout#PER_FACT} of each fact), so that the view grows
         * with the distinct facts, not with the articles that state them. Computed once a reading.
         */
        private String shownClaims() {
            if (shown == null) {
                Node e = NodeFactory.createURI(entity);
                Set<Node> about = new LinkedHashSet<>();
                about.add(e);
                union.find(e, SKOS.related.asNode(), Node.ANY).forEachRemaining(t -> about.add(t.getObject()));
                union.find(Node.ANY, SKOS.related.asNode(), e).forEachRemaining(t -> about.add(t.getSubject()));
                StringBuilder values = new StringBuilder("VALUES ?claim {");
                for (Node a : about) {
                    for (Node claim : ClaimsAbout.of(union, a).claims()) {
                        values.append(' ').append(NodeFmtLib.strNT(claim));
                    }
                }
                shown = values.append(" }").toString();
            }
            return shown;
        }

        private Term node(RDFNode n) {
            if (n.isURIResource()) {
                return term(n.asResource().getURI());
            }
            if (n.isLiteral()) {
                Literal l = n.asLiteral();
                return Term.literal(l.getLexicalForm(), l.getDatatypeURI());
            }
            String blank = "_:" + n.asResource().getId().getLabelString();
            return Term.iri(blank, blank);
        }

        private Term term(String iri) {
            return Term.iri(iri, label(iri));
        }

        /** The display label: an English rdfs:label, else any label, title or preferred label, else a short IRI. */
        String label(String iri) {
            return labels.computeIfAbsent(iri, this::findLabel);
        }

        private String findLabel(String iri) {
            Node n = NodeFactory.createURI(iri);
            for (Node p : LABEL_PROPERTIES) {
                String any = null;
                var it = union.find(n, p, Node.ANY);
                try {
                    while (it.hasNext()) {
                        Node o = it.next().getObject();
                        if (!o.isLiteral()) {
                            continue;
                        }
                        if ("en".equalsIgnoreCase(o.getLiteralLanguage())) {
                            return o.getLiteralLexicalForm();
                        }
                        if (any == null) {
                            any = o.getLiteralLexicalForm();
                        }
                    }
                } finally {
                    it.close();
                }
                if (any != null) {
                    return any;
                }
            }
            String qname = Namespaces.PREFIXES.qnameFor(iri);
            if (qname != null) {
                return qname;
            }
            return iri.startsWith(Iris.BASE) ? iri.substring(Iris.BASE.length()) : iri;
        }
    }

    /** An article's metadata as the rows give it. */
    private static final class ArticleRow {
        final String iri;
        String title;
        String date;
        final Set<String> authors = new LinkedHashSet<>();
        String publisher;

        ArticleRow(String iri) {
            this.iri = iri;
        }
    }

    private static String lexical(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        return n != null && n.isLiteral() ? n.asLiteral().getLexicalForm() : null;
    }

    private static Optional<String> iri(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        return n != null && n.isURIResource() ? Optional.of(n.asResource().getURI()) : Optional.empty();
    }

    private static Boolean bool(QuerySolution s, String var) {
        String v = lexical(s, var);
        if (v == null) {
            return null;
        }
        return v.equals("true") || v.equals("1");
    }

    private static Integer integer(QuerySolution s, String var) {
        String v = lexical(s, var);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
