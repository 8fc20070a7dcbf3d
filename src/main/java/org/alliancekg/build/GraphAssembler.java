package org.alliancekg.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.alliancekg.extract.ArticleExtractor;
import org.alliancekg.extract.Extraction;
import org.alliancekg.extract.Sentence;
import org.alliancekg.extract.Mention;
import org.alliancekg.extract.Offsets;
import org.alliancekg.extract.Span;
import org.alliancekg.extract.SuggestionGraph;
import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.Claim;
import org.alliancekg.ingest.ClaimsFile;
import org.alliancekg.ingest.Corpus;
import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.ingest.FrontMatter;
import org.alliancekg.ingest.InputException;
import org.alliancekg.ingest.Problem;
import org.alliancekg.ingest.Problems;
import org.alliancekg.ingest.PartialDate;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.ActionStatus;
import org.alliancekg.vocab.Concept;
import org.alliancekg.vocab.Modality;
import org.alliancekg.vocab.Rank;
import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.EntityKind;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.NIF;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the records read from {@code data/} (and the ontology graph) into an in-memory dataset:
 * {@code graph/ontology}, {@code graph/entities}, {@code graph/facts} holding each asserted fact once (the plain
 * triples of asserted claims, and minted authors and publishers), and one {@code graph/article/{id}} per article
 * holding the evidence: the article's metadata, its claim nodes ({@code akg:Claim}), its mentions and sentences.
 *
 * <p>Checks what needs the whole corpus — claim subjects and objects exist and fit the predicate's domain and
 * range, quotes occur in the body, claims files name an existing article — and reports every problem at once.
 *
 * <pre>{@code
 * Dataset ds = new GraphAssembler(ontologyGraph).assemble(Corpus.read(layout)).dataset();
 * }</pre>
 */
public final class GraphAssembler {

    private static final Logger LOG = LoggerFactory.getLogger("akg.build");

    private static final String SCHEMA_URL = Namespaces.SCHEMA + "url";
    private static final String PROV_DERIVED = Namespaces.PROV + "wasDerivedFrom";

    private final Graph ontology;

    /** An assembler that puts this ontology graph into {@code graph/ontology} (may be empty). */
    public GraphAssembler(Graph ontology) {
        this.ontology = ontology;
    }

    /** Counts of what was assembled. */
    public record Counts(int articles, int entities, int claims, int mentions, int mintedAgents) {
    }

    /** The assembled dataset with its counts. */
    public record Assembly(Dataset dataset, Counts counts) {
    }

    /** Assembles the dataset; throws {@link InputException} with every problem found. */
    public Assembly assemble(Corpus corpus) {
        Problems problems = new Problems();
        Dataset ds = DatasetFactory.createTxnMem();
        Model onto = ModelFactory.createModelForGraph(ontology);
        ds.addNamedModel(Iris.ONTOLOGY_GRAPH, onto);

        EntityCatalog catalog = corpus.catalog();
        ds.addNamedModel(Iris.ENTITIES_GRAPH, entityModel(catalog));

        Map<String, Article> articles = new HashMap<>();
        corpus.articles().forEach(a -> articles.put(a.id(), a));
        Map<String, List<ClaimsFile>> claimsByArticle = new HashMap<>();
        for (ClaimsFile cf : corpus.claims()) {
            if (!articles.containsKey(cf.article())) {
                problems.add(noArticle(cf));
            } else {
                claimsByArticle.computeIfAbsent(cf.article(), k -> new java.util.ArrayList<>()).add(cf);
            }
        }
        Context context = new Context(catalog, new ArticleExtractor(catalog).withoutCandidates(),
                articles::containsKey);
        BuildTimings timings = new BuildTimings();
        Map<String, Model> articleModels = new LinkedHashMap<>();
        Map<String, Model> suggestedModels = new LinkedHashMap<>();
        Model facts = newModel();
        int minted = 0;
        int mentionCount = 0;
        int claimCount = 0;
        for (Article a : corpus.articles()) {
            Extraction x = context.extractor().extract(a, timings.extractionLaps());
            ArticleAssembly one = assembleArticle(x, claimsByArticle.getOrDefault(a.id(), List.of()), context,
                    problems, timings);
            minted += one.mintedAgents();
            mentionCount += one.mentions();
            claimCount += one.claims();
            articleModels.put(a.id(), one.model());
            suggestedModels.put(a.id(), one.suggested());
            facts.add(one.facts());
        }
        problems.throwIfAny();
        ds.addNamedModel(Iris.FACTS_GRAPH, facts);
        articleModels.forEach((id, m) -> ds.addNamedModel(Iris.articleGraph(id), m));
        suggestedModels.forEach((id, m) -> ds.addNamedModel(Iris.suggestedGraph(id), m));
        Counts counts = new Counts(corpus.articles().size(), catalog.size(), claimCount, mentionCount, minted);
        LOG.info("assembled {} articles, {} entities, {} claims, {} mentions ({} authors/publishers minted)",
                corpus.articles().size(), catalog.size(), claimCount, mentionCount, minted);
        return new Assembly(ds, counts);
    }

    /**
     * What assembling an article needs besides its extraction: the catalogue, the extractor (thread-safe, may be
     * shared) and which article ids exist (for claims about an article).
     */
    public record Context(EntityCatalog catalog, ArticleExtractor extractor, Predicate<String> isArticle) {
    }

    /**
     * One article's graph (metadata, mentions, sentences, claim nodes) with its counts, its graph of suggested claims
     * (for {@code .../graph/suggested/{id}}; empty when there are none) and the facts it asserts (for
     * {@code .../graph/facts}, which holds each fact once for all articles: the plain triples of its asserted claims,
     * and the type and label of the authors and publishers it mints).
     */
    public record ArticleAssembly(String articleId, Model model, int claims, int mentions, int mintedAgents,
                                  Model suggested, Model facts) {
    }

    /** The problem of a claims file whose article does not exist. */
    public static Problem noArticle(ClaimsFile cf) {
        return new Problem(cf.file(), 0, "article", "'" + cf.article()
                + "' has no article file data/articles/" + cf.article() + ".md");
    }

    /**
     * Assembles one article's graph from its extraction and its claims files; problems are added to
     * {@code problems} (the returned graph then lacks the faulty claims) and time to {@code timings}.
     */
    public static ArticleAssembly assembleArticle(Extraction x, List<ClaimsFile> claims, Context c,
                                                  Problems problems, BuildTimings timings) {
        Article a = x.article();
        BuildTimings.Mark t = BuildTimings.mark();
        Model m = newModel();
        Model facts = newModel();
        int minted = addArticle(m, facts, a, c.catalog(), problems);
        addMentions(m, a, x.mentions());
        addText(m, a, x.sentences());
        t = timings.lap(BuildTimings.Phase.RDF, t);
        Model suggested = SuggestionGraph.model(a.id(), x.suggestions());
        t = timings.lap(BuildTimings.Phase.SUGGESTIONS, t);
        int claimCount = 0;
        for (ClaimsFile cf : claims) {
            Map<String, Claim> seen = new HashMap<>();
            for (Claim claim : cf.claims()) {
                if (addClaim(m, facts, a, claim, c.catalog(), c.isArticle(), seen, problems)) {
                    claimCount++;
                }
            }
        }
        FactsGraph.linkStatedWith(m.getGraph());
        timings.lap(BuildTimings.Phase.CLAIMS, t);
        return new ArticleAssembly(a.id(), m, claimCount, x.mentions().size(), minted, suggested, facts);
    }

    /** The body as {@code nif:isString} of the article, and each sentence as a {@code nif:Sentence}. */
    private static void addText(Model m, Article a, List<Sentence> sentences) {
        Resource art = m.createResource(Iris.article(a.id()));
        art.addProperty(NIF.isString, a.body());
        for (Sentence s : sentences) {
            Resource node = m.createResource(Iris.sentence(a.id(), s.span().begin(), s.span().end()));
            node.addProperty(RDF.type, NIF.Sentence);
            node.addProperty(NIF.anchorOf, s.text());
            node.addLiteral(NIF.beginIndex, offset(m, s.span().begin()));
            node.addLiteral(NIF.endIndex, offset(m, s.span().end()));
            node.addProperty(NIF.referenceContext, art);
        }
    }

    private static Model newModel() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Namespaces.PREFIXES);
        return m;
    }

    /** The entity graph: type, label, aliases, sameAs, comment, forActor. */
    static Model entityModel(EntityCatalog catalog) {
        Model m = newModel();
        for (Entity e : catalog.entities()) {
            Resource r = m.createResource(e.iri());
            r.addProperty(RDF.type, e.kind().type());
            r.addProperty(RDFS.label, e.label(), "en");
            for (String alias : e.aliases()) {
                r.addProperty(SKOS.altLabel, alias, "en");
            }
            if (e.wikidata() != null) {
                r.addProperty(OWL.sameAs, m.createResource(Namespaces.WD + e.wikidata()));
            }
            if (e.comment() != null) {
                r.addProperty(RDFS.comment, e.comment(), "en");
            }
            if (e.forActor() != null) {
                r.addProperty(AKG.forActor, m.createResource(Iris.entity(e.forActor())));
            }
            for (String related : e.related()) {
                r.addProperty(SKOS.related, m.createResource(Iris.entity(related)));
            }
            if (e.isRetired()) {
                r.addLiteral(OWL2.deprecated, m.createTypedLiteral(true));
                r.addProperty(SKOS.historyNote, e.retirement().reason(), "en");
                if (e.retirement().replacedBy() != null) {
                    r.addProperty(DCTerms.isReplacedBy, m.createResource(Iris.entity(e.retirement().replacedBy())));
                }
            }
            if (e.measure() != null) {
                r.addLiteral(AKG.value, m.createTypedLiteral(canonicalDecimal(e.measure().value()),
                        XSDDatatype.XSDdecimal));
                r.addProperty(AKG.unit, e.measure().unit().resource());
                r.addProperty(AKG.measures, e.measure().measures(), "en");
            }
        }
        return m;
    }

    /** The canonical xsd:decimal form (as TDB2 stores it): "2.0", "0.5", "43.25". */
    static String canonicalDecimal(java.math.BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /**
     * Article metadata; returns the number of authors/publishers minted (their type and label go to {@code facts},
     * the article's links to them to {@code m}).
     */
    private static int addArticle(Model m, Model facts, Article a, EntityCatalog catalog, Problems problems) {
        FrontMatter fm = a.frontMatter();
        Resource art = m.createResource(Iris.article(a.id()));
        art.addProperty(RDF.type, AKG.Article);
        art.addProperty(RDFS.label, fm.title(), "en");
        art.addProperty(DCTerms.title, fm.title());
        art.addProperty(AKG.textSha256, a.textSha256());
        art.addProperty(DCTerms.language, fm.language());
        if (fm.date() != null) {
            art.addProperty(AKG.date, m.createTypedLiteral(fm.date().lexical(), fm.date().datatype()));
        }
        if (fm.dateInferred() != null) {
            art.addProperty(AKG.dateInferred, fm.dateInferred());
        }
        if (fm.url() != null) {
            art.addProperty(m.createProperty(SCHEMA_URL), m.createResource(fm.url()));
        }
        int minted = 0;
        for (int i = 0; i < fm.authors().size(); i++) {
            String name = fm.authors().get(i);
            Agent agent = resolveAgent(catalog, name, EntityKind.PERSON, a.file(), "authors[" + i + "]", problems);
            if (agent != null) {
                art.addProperty(DCTerms.creator, mintIfNeeded(m, facts, agent, name));
                minted += agent.minted ? 1 : 0;
            }
        }
        if (fm.publisher() != null) {
            Agent agent = resolveAgent(catalog, fm.publisher(), EntityKind.ORGANIZATION, a.file(), "publisher",
                    problems);
            if (agent != null) {
                art.addProperty(DCTerms.publisher, mintIfNeeded(m, facts, agent, fm.publisher()));
                minted += agent.minted ? 1 : 0;
            }
        }
        return minted;
    }

    private record Agent(String iri, EntityKind kind, boolean minted) {
    }

    /**
     * Resolves an author or publisher name by label or alias among entities of the kind; an unknown name is
     * minted as {@code person/{slug}} or {@code organization/{slug}} (reusing a catalogue entry of that id).
     */
    private static Agent resolveAgent(EntityCatalog catalog, String name, EntityKind kind, String file,
                                      String field, Problems problems) {
        List<Entity> found = catalog.byName(name).stream().filter(e -> e.kind() == kind).toList();
        if (found.size() > 1) {
            problems.add(new Problem(file, 0, field, "'" + name + "' names several " + kind.className()
                    + " entities: " + found.stream().map(Entity::id).toList()));
            return null;
        }
        if (found.size() == 1) {
            return new Agent(found.get(0).iri(), kind, false);
        }
        String slug;
        try {
            slug = Iris.slug(name);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(file, 0, field, e.getMessage()));
            return null;
        }
        String id = kind.segment() + "/" + slug;
        if (catalog.contains(id)) {
            return new Agent(Iris.entity(id), kind, false);
        }
        if (!catalog.byName(name).isEmpty()) {
            LOG.warn("{}: {} '{}' matches {} which is not a {}; minting {}", file, field, name,
                    catalog.byName(name).stream().map(Entity::id).toList(), kind.className(), id);
        }
        return new Agent(Iris.entity(id), kind, true);
    }

    private static Resource mintIfNeeded(Model m, Model facts, Agent agent, String name) {
        Resource r = facts.createResource(agent.iri());
        if (agent.minted && !facts.contains(r, RDF.type)) {
            r.addProperty(RDF.type, agent.kind.type());
            r.addProperty(RDFS.label, name, "en");
        }
        return m.createResource(agent.iri());
    }

    /**
     * The mentions: a resolved one gives its article {@code akg:mentions} and its node one {@code akg:mentionOf};
     * an unresolved one only its node, with one {@code akg:candidate} per entity it may denote.
     */
    private static void addMentions(Model m, Article a, List<Mention> mentions) {
        Resource art = m.createResource(Iris.article(a.id()));
        for (Mention mention : mentions) {
            Span span = mention.span();
            Resource node = m.createResource(Iris.mention(a.id(), span.begin(), span.end()));
            node.addProperty(RDF.type, AKG.Mention);
            if (mention.resolved()) {
                Resource target = m.createResource(mention.entity().iri());
                art.addProperty(AKG.mentions, target);
                node.addProperty(AKG.mentionOf, target);
            } else {
                mention.candidates().forEach(c -> node.addProperty(AKG.candidate, m.createResource(c.iri())));
            }
            node.addProperty(m.createProperty(PROV_DERIVED), art);
            node.addProperty(AKG.anchorText, mention.anchorText());
            node.addLiteral(AKG.beginIndex, offset(m, span.begin()));
            node.addLiteral(AKG.endIndex, offset(m, span.end()));
            String sentence = mention.sentence() != null ? mention.sentence().text() : lineAround(a.body(), span);
            node.addProperty(AKG.sentence, sentence);
        }
    }

    private static String lineAround(String body, Span span) {
        int b = Offsets.toUtf16(body, span.begin());
        int start = body.lastIndexOf('\n', b) + 1;
        int end = body.indexOf('\n', b);
        return body.substring(start, end < 0 ? body.length() : end).strip();
    }

    static Literal offset(Model m, int value) {
        return m.createTypedLiteral(Integer.toString(value), XSDDatatype.XSDnonNegativeInteger);
    }

    /**
     * Adds one claim: its node to {@code m}, its plain triple (when it asserts) to {@code facts}; returns false (with
     * problems recorded) when it cannot be added.
     */
    private static boolean addClaim(Model m, Model facts, Article article, Claim c, EntityCatalog catalog,
                                    Predicate<String> articles, Map<String, Claim> seen, Problems problems) {
        int before = problems.size();
        ClaimPredicate p = c.predicate();
        // subject
        if (c.subjectIsArticle()) {
            if (!articles.test(c.subjectArticleId())) {
                problems.add(c.problem("subject", "'" + c.subject() + "' is not an article of data/articles"));
            } else if (!p.allowsArticleSubject()) {
                problems.add(c.problem("subject", "'" + c.subject() + "' is an Article, but '" + p.name()
                        + "' needs a subject of type " + p.describeDomain()));
            }
        } else {
            Optional<Entity> s = catalog.get(c.subject());
            if (s.isEmpty()) {
                problems.add(c.problem("subject", "unknown entity '" + c.subject() + "' (not in data/entities)"));
            } else if (s.get().isRetired()) {
                problems.add(c.problem("subject", retiredProblem(s.get())));
            } else if (!p.allowsSubject(s.get().kind())) {
                problems.add(c.problem("subject", "'" + c.subject() + "' is a " + s.get().kind().className()
                        + ", but '" + p.name() + "' needs a subject of type " + p.describeDomain()));
            }
        }
        // object
        if (!p.isLiteral()) {
            Optional<Entity> o = catalog.get(c.object());
            if (o.isEmpty()) {
                problems.add(c.problem("object", "unknown entity '" + c.object() + "' (not in data/entities)"));
            } else if (o.get().isRetired()) {
                problems.add(c.problem("object", retiredProblem(o.get())));
            } else if (!p.allowsObject(o.get().kind())) {
                problems.add(c.problem("object", "'" + c.object() + "' is a " + o.get().kind().className()
                        + ", but '" + p.name() + "' needs an object of type " + p.describeRange()));
            } else if (c.object().equals(c.subject())) {
                problems.add(c.problem("object", "'" + c.object() + "' is the subject itself"));
            }
        }
        String accordingTo = c.qualifiers().accordingTo();
        if (accordingTo != null && catalog.get(accordingTo).isEmpty()) {
            problems.add(c.problem("accordingTo", "unknown entity '" + accordingTo + "' (not in data/entities)"));
        }
        // quote
        Optional<Span> span = Offsets.find(article.body(), c.quote(), c.occurrence());
        if (span.isEmpty()) {
            problems.add(c.problem("quote", quoteProblem(article.body(), c.quote(), c.occurrence())));
        }
        String hash = Iris.claimHash(c.subject(), p.name(), c.objectOrValue(), c.quote(), c.occurrence());
        Claim dup = seen.putIfAbsent(hash, c);
        if (dup != null) {
            problems.add(c.problem(null, "repeats " + dup.source().path() + " (line " + dup.source().line()
                    + "): same subject, predicate, object, quote and occurrence"));
        }
        if (problems.size() > before) {
            return false;
        }

        Resource subject = m.createResource(c.subjectIri());
        RDFNode object = p.isLiteral() ? literal(m, c) : m.createResource(Iris.entity(c.object()));
        Claim.Qualifiers q = c.qualifiers();
        if (q.asserts()) {
            facts.add(subject, p.property(), object);
        }

        Resource node = m.createResource(Iris.claim(article.id(), hash));
        node.addProperty(RDF.type, AKG.Claim);
        node.addProperty(RDF.subject, subject);
        node.addProperty(RDF.predicate, p.property());
        node.addProperty(RDF.object, object);
        node.addProperty(m.createProperty(PROV_DERIVED), m.createResource(Iris.article(article.id())));
        node.addProperty(AKG.quote, c.quote());
        node.addLiteral(AKG.beginIndex, offset(m, span.get().begin()));
        node.addLiteral(AKG.endIndex, offset(m, span.get().end()));
        if (c.characterization() != null) {
            node.addProperty(AKG.characterization, c.characterization(), "en");
        }
        addDate(node, AKG.date, c.date());
        addQualifiers(node, q);
        List<Triple> fact = new ArrayList<>();
        node.addProperty(AKG.fact, m.wrapAsResource(FactsGraph.factOf(m.getGraph(), node.asNode(), fact)));
        fact.forEach(facts.getGraph()::add);
        return true;
    }

    /** The vocabulary-2 qualifiers of a claim node: modality, attribution, time span, rank, asserted. */
    private static void addQualifiers(Resource node, Claim.Qualifiers q) {
        Model m = node.getModel();
        for (Modality modality : q.modalities()) {
            node.addProperty(AKG.modality, modality.resource());
        }
        if (q.accordingTo() != null) {
            node.addProperty(AKG.accordingTo, m.createResource(Iris.entity(q.accordingTo())));
        }
        if (q.attribution() != null) {
            node.addProperty(AKG.attribution, q.attribution(), "en");
        }
        addDate(node, AKG.startDate, q.startDate());
        addDate(node, AKG.endDate, q.endDate());
        if (q.ended()) {
            node.addLiteral(AKG.ended, m.createTypedLiteral(true));
        }
        if (q.rank() != Rank.NORMAL) {
            node.addProperty(AKG.rank, q.rank().resource());
        }
        if (q.rankReason() != null) {
            node.addProperty(AKG.rankReason, q.rankReason(), "en");
        }
        node.addLiteral(AKG.asserted, m.createTypedLiteral(q.asserts()));
    }

    private static void addDate(Resource node, org.apache.jena.rdf.model.Property p, PartialDate date) {
        if (date != null) {
            node.addProperty(p, node.getModel().createTypedLiteral(date.lexical(), date.datatype()));
        }
    }

    private static RDFNode literal(Model m, Claim c) {
        return switch (c.predicate().literal()) {
            case DATE -> m.createTypedLiteral(c.dateValue().lexical(), c.dateValue().datatype());
            case STRING -> m.createTypedLiteral(c.value(), XSDDatatype.XSDstring);
            case DURATION -> m.createTypedLiteral(c.value(), XSDDatatype.XSDduration);
            case STATUS -> Concept.fromNotation(ActionStatus.class, c.value()).orElseThrow().resource();
            case NONE -> throw new IllegalStateException("not a literal predicate: " + c.predicate());
        };
    }

    private static String retiredProblem(Entity e) {
        return "'" + e.id() + "' is retired (" + e.retirement().reason() + ")"
                + (e.retirement().replacedBy() != null ? "; use '" + e.retirement().replacedBy() + "'" : "");
    }

    /** Why a quote is not found, with a hint when only typography or spacing differs. */
    static String quoteProblem(String body, String quote, int occurrence) {
        int n = Offsets.count(body, quote);
        if (n > 0) {
            return "occurrence " + occurrence + " requested but the quote occurs " + n
                    + (n == 1 ? " time" : " times") + " in the article body";
        }
        String hint = "";
        if (Offsets.plain(body).contains(Offsets.plain(quote))) {
            hint = " (it matches if curly quotes, dashes or no-break spaces are ignored: copy them exactly as in the text)";
        } else if (Offsets.collapseSpace(body).contains(Offsets.collapseSpace(quote))) {
            hint = " (it matches if line breaks and spaces are ignored: copy the spacing exactly)";
        } else if (body.toLowerCase(Locale.ROOT).contains(quote.toLowerCase(Locale.ROOT))) {
            hint = " (it matches if case is ignored: copy the capitals exactly)";
        }
        return "not found in article body" + hint;
    }
}
