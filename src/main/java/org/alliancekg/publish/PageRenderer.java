package org.alliancekg.publish;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.alliancekg.serve.Templates;
import org.alliancekg.sources.ClaimsAbout;
import org.alliancekg.sources.SourceViewReader;
import org.alliancekg.vocab.AKG;
import org.alliancekg.vocab.Iris;
import org.alliancekg.vocab.Modality;
import org.alliancekg.vocab.Rank;
import org.alliancekg.vocab.Namespaces;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Renders the HTML pages of the graph's resources, of the ontology and of named graphs, from the union graph of a
 * {@link Describer}. Call it inside a read transaction. Every piece of data reaches the page escaped: through the
 * Mustache templates ({@link PageLayout}, the heading, the passage, the article text), {@link MarkdownText} (article
 * text, raw HTML escaped). Nodes are written by the partial {@code templates/term.mustache} ({@link TermView}).
 */
final class PageRenderer {

    /** Rows shown before a list is cut, with a note saying how many were left out. */
    static final int MAX_ROWS = 500;
    /** Sentences shown per article in "mentioned in". */
    static final int MAX_SENTENCES = 100;
    /** Incoming links and mentions read from the data for one page at most (a class has as many as instances). */
    static final int MAX_READ = 10 * MAX_ROWS;
    /** Statements with the resource as object read for "incoming links" at most, those shown elsewhere included. */
    static final int MAX_SCAN = 20 * MAX_READ;

    private static final Node TYPE = RDF.type.asNode();
    private static final Node LABEL = RDFS.label.asNode();
    private static final Node COMMENT = RDFS.comment.asNode();
    private static final Node SAME_AS = OWL.sameAs.asNode();
    private static final Node SUBJECT = RDF.subject.asNode();
    private static final Node PREDICATE = RDF.predicate.asNode();
    private static final Node OBJECT = RDF.object.asNode();
    private static final Node DERIVED = NodeFactory.createURI(Namespaces.PROV + "wasDerivedFrom");
    private static final Node CLAIM = AKG.Claim.asNode();
    private static final Node MENTION = AKG.Mention.asNode();
    private static final Node ARTICLE = AKG.Article.asNode();
    private static final Node QUOTE = AKG.quote.asNode();
    private static final Node BEGIN = AKG.beginIndex.asNode();
    private static final Node END = AKG.endIndex.asNode();
    private static final Node MENTION_OF = AKG.mentionOf.asNode();
    private static final Node SENTENCE = AKG.sentence.asNode();
    private static final Node ANCHOR = AKG.anchorText.asNode();
    private static final Node MENTIONS = AKG.mentions.asNode();
    private static final Node SHA = AKG.textSha256.asNode();

    /**
     * Incoming links shown in their own sections rather than in "incoming links": the fact nodes' links to their
     * terms are too, since each fact node's triple is one of the page's statements, and {@code akg:statedWith},
     * symmetric, whose links the page's own statements list.
     */
    private static final Set<Node> INCOMING_SHOWN_ELSEWHERE = Set.of(SUBJECT, OBJECT, MENTION_OF, MENTIONS, DERIVED,
            AKG.factSubject.asNode(), AKG.factObject.asNode(), AKG.statedWith.asNode());

    private final Describer describer;
    private final Graph union;
    private final SiteLinks links;
    private final ArticleTexts texts;
    private final Map<Node, String> labels = new HashMap<>();

    PageRenderer(Describer describer, SiteLinks links, ArticleTexts texts) {
        this.describer = describer;
        this.union = describer.union();
        this.links = links;
        this.texts = texts;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Resource pages
    // ---------------------------------------------------------------------------------------------------------

    /**
     * The page of one resource.
     *
     * @param resource     the IRI described
     * @param documentPath the site path of the page without extension ({@code id/state/japan}), for format links
     */
    String resource(Node resource, String documentPath) {
        List<String> parts = new ArrayList<>();
        boolean isClaim = isA(resource, CLAIM);
        String title = isClaim ? claimTitle(resource) : label(resource);
        parts.add(heading(resource, title));
        parts.add(formats(documentPath));
        parts.add(exploreLink(resource));
        parts.add(sameAs(resource));

        ClaimsAbout.Selection selection = describer.claimsAbout(resource);
        Map<Node, Integer> claimNumbers = new LinkedHashMap<>();
        for (Node c : sortClaims(selection.claims())) {
            claimNumbers.put(c, claimNumbers.size() + 1);
        }
        parts.add(properties(resource, claimNumbers));
        if (isA(resource, CLAIM)) {
            parts.add(quoteInContext(resource, QUOTE, "Quote in the article"));
        } else if (isA(resource, MENTION)) {
            parts.add(quoteInContext(resource, ANCHOR, "Mention in the article"));
        }
        parts.add(claimsSection("Claims", "claims", claimNumbers,
                "Each fact about this resource, with the words of the article it was taken from."));
        parts.add(moreClaims(selection.factsWithMore()));
        if (resource.isURI() && Iris.entityId(resource.getURI()) != null) {
            new SourceViewReader(describer.dataset()).read(resource.getURI())
                    .ifPresent(view -> parts.add(SourcesSection.render(view, links)));
        }
        if (isA(resource, ARTICLE)) {
            parts.add(articleSections(resource));
        }
        parts.add(mentions(resource));
        parts.add(incoming(resource));
        parts.add(graphsOf(resource));
        return PageLayout.page(title, links, null, String.join("", parts));
    }

    private record Link(String label, String href, String iri) {
    }

    private record HeadingScope(String title, String iri, boolean claim, boolean deprecated, String reason,
                                boolean hasTypes, List<Link> types, List<String> comments) {
    }

    /** Title, IRI, deprecation, classes and comments ({@code templates/resource-heading.mustache}). */
    private String heading(Node resource, String title) {
        List<Link> types = sorted(objects(resource, TYPE)).stream().filter(Node::isURI)
                .map(t -> new Link(label(t), links.href(t.getURI()), t.getURI())).toList();
        List<String> comments = objects(resource, COMMENT).stream().filter(Node::isLiteral)
                .map(Node::getLiteralLexicalForm).toList();
        boolean deprecated = union.contains(resource, AKG.rank.asNode(), Rank.DEPRECATED.resource().asNode());
        String reason = first(resource, AKG.rankReason.asNode()).map(Node::getLiteralLexicalForm).orElse(null);
        return Templates.render("resource-heading", new HeadingScope(title, resource.getURI(), isA(resource, CLAIM),
                deprecated, reason, !types.isEmpty(), types, comments));
    }

    private record FormatLink(String href, String type, String label) {
    }

    /** The links to the page's data in each RDF format ({@code templates/formats.mustache}). */
    private String formats(String documentPath) {
        List<FormatLink> formats = Format.rdfOnly().stream().map(f -> new FormatLink(
                links.page(documentPath + "." + f.extension()), f.mediaType(), f.label())).toList();
        return Templates.render("formats", Map.of("formats", formats));
    }

    /** For an entity (a node of the explorer's graph): the link that opens the explorer on it. */
    private String exploreLink(Node resource) {
        if (!resource.isURI() || Iris.entityId(resource.getURI()) == null) {
            return "";
        }
        String href = links.page("explore") + "?iri=" + URLEncoder.encode(resource.getURI(), StandardCharsets.UTF_8);
        return Templates.render("explore-link", Map.of("href", href));
    }

    private record SameAs(String iri, String text) {
    }

    private String sameAs(Node resource) {
        List<Node> same = sorted(objects(resource, SAME_AS));
        if (same.isEmpty()) {
            return "";
        }
        List<SameAs> out = same.stream().filter(Node::isURI).map(Node::getURI).map(iri -> new SameAs(iri,
                iri.startsWith(Namespaces.WD) ? "Wikidata " + iri.substring(Namespaces.WD.length()) : iri)).toList();
        return Templates.render("same-as", Map.of("links", out));
    }

    private record Evidence(String anchor, int number) {
    }

    private record Value(TermView term, List<Evidence> evidence) {
    }

    private record PropertyRow(TermView predicate, List<Value> values) {
    }

    private record PropertiesScope(List<PropertyRow> rows, boolean hasRows) {
    }

    /** The resource's statements by predicate, with the claims that support each ({@code properties.mustache}). */
    private String properties(Node resource, Map<Node, Integer> claimNumbers) {
        Map<Node, List<Node>> byPredicate = new LinkedHashMap<>();
        union.find(resource, Node.ANY, Node.ANY).forEachRemaining(
                t -> byPredicate.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject()));
        List<Node> predicates = new ArrayList<>(byPredicate.keySet());
        predicates.sort(Comparator.comparing((Node p) -> !p.equals(TYPE)).thenComparing(this::label));
        List<PropertyRow> rows = new ArrayList<>();
        for (Node p : predicates) {
            List<Value> values = sorted(byPredicate.get(p)).stream()
                    .map(o -> new Value(term(o), evidence(resource, p, o, claimNumbers))).toList();
            rows.add(new PropertyRow(term(p), values));
        }
        return Templates.render("properties", new PropertiesScope(rows, !rows.isEmpty()));
    }

    /**
     * A claim's title, the sentence it makes: statement, modalities other than stated, the party it is attributed to
     * and the article ("Japan pursues counterstrike capability, according to 003 (PacNet, 2020)").
     */
    String claimTitle(Node c) {
        Optional<Node> s = first(c, SUBJECT);
        Optional<Node> p = first(c, PREDICATE);
        Optional<Node> o = first(c, OBJECT).or(() -> first(c, AKG.value.asNode()));
        if (s.isEmpty() || p.isEmpty() || o.isEmpty() || !p.get().isURI()) {
            return label(c);
        }
        String statement = ClaimSentence.statement(p.get().getURI(), label(s.get()), label(p.get()), label(o.get()));
        List<String> modalities = sorted(objects(c, AKG.modality.asNode())).stream()
                .filter(m -> !m.equals(Modality.STATED.resource().asNode())).map(this::label).toList();
        String accordingTo = first(c, AKG.accordingTo.asNode()).map(this::label).orElse(null);
        String source = first(c, DERIVED).filter(Node::isURI).map(a -> ClaimSentence.source(
                ArticleTexts.articleId(a.getURI()).orElse(null), label(a),
                first(a, DCTerms.publisher.asNode()).map(this::label).orElse(null),
                first(a, AKG.date.asNode()).map(Node::getLiteralLexicalForm).orElse(null))).orElse(null);
        boolean deprecated = union.contains(c, AKG.rank.asNode(), Rank.DEPRECATED.resource().asNode());
        return ClaimSentence.title(statement, modalities, accordingTo, source, deprecated);
    }

    /** The claims on this page that support the triple, as footnote numbers. */
    private List<Evidence> evidence(Node s, Node p, Node o, Map<Node, Integer> claimNumbers) {
        List<Evidence> out = new ArrayList<>();
        for (Map.Entry<Node, Integer> e : claimNumbers.entrySet()) {
            Node c = e.getKey();
            if (union.contains(c, SUBJECT, s) && union.contains(c, PREDICATE, p) && union.contains(c, OBJECT, o)) {
                out.add(new Evidence(anchor(c), e.getValue()));
            }
        }
        return out;
    }

    private record ClaimView(String anchor, int number, TermView subject, TermView predicate, TermView object,
                             String quote, String characterization, String date, TermView source, String href) {
    }

    private record ClaimsScope(String id, String heading, int count, String intro, List<ClaimView> claims) {
    }

    /** Numbered claims, each with its statement, quote and source ({@code templates/claims.mustache}). */
    private String claimsSection(String heading, String id, Map<Node, Integer> claims, String intro) {
        if (claims.isEmpty()) {
            return "";
        }
        List<ClaimView> views = new ArrayList<>();
        for (Map.Entry<Node, Integer> e : claims.entrySet()) {
            Node c = e.getKey();
            views.add(new ClaimView(anchor(c), e.getValue(), first(c, SUBJECT).map(this::term).orElse(null),
                    first(c, PREDICATE).map(this::term).orElse(null), first(c, OBJECT).map(this::term).orElse(null),
                    first(c, QUOTE).map(q -> MarkdownText.renderInline(q.getLiteralLexicalForm(), List.of()))
                            .orElse(null),
                    first(c, AKG.characterization.asNode()).map(Node::getLiteralLexicalForm).orElse(null),
                    first(c, AKG.date.asNode()).map(Node::getLiteralLexicalForm).orElse(null),
                    first(c, DERIVED).map(this::term).orElse(null), links.href(c.getURI())));
        }
        return Templates.render("claims", new ClaimsScope(id, heading, claims.size(), intro, views));
    }

    private record MoreScope(int perFact, List<Link> facts) {
    }

    /** The facts whose claims the page shows only in part, linked to their own pages. */
    private String moreClaims(List<Node> facts) {
        if (facts.isEmpty()) {
            return "";
        }
        List<Link> links = facts.stream().map(f -> new Link(label(f), this.links.href(f.getURI()), f.getURI()))
                .toList();
        return Templates.render("claims-more", new MoreScope(ClaimsAbout.PER_FACT, links));
    }

    private record Problem(String cssClass, String message) {
    }

    private record Passage(int begin, int end, String articleHref, String articleIri, String articleLabel,
                           String html) {
    }

    private record PassageScope(String heading, List<Problem> problems, Passage passage) {
    }

    /** The article text with the passage at the node's offsets marked ({@code templates/passage.mustache}). */
    private String quoteInContext(Node node, Node textProperty, String heading) {
        return Templates.render("passage", passage(node, textProperty, heading));
    }

    private PassageScope passage(Node node, Node textProperty, String heading) {
        Optional<Node> article = first(node, DERIVED);
        Optional<Integer> begin = first(node, BEGIN).flatMap(PageRenderer::intValue);
        Optional<Integer> end = first(node, END).flatMap(PageRenderer::intValue);
        if (article.isEmpty() || !article.get().isURI() || begin.isEmpty() || end.isEmpty()) {
            return new PassageScope(heading, List.of(new Problem("muted", "No source article or offsets are recorded.")),
                    null);
        }
        ArticleTexts.Text text = texts.body(article.get().getURI(),
                first(article.get(), SHA).map(Node::getLiteralLexicalForm).orElse(null));
        if (!text.available()) {
            return new PassageScope(heading, List.of(new Problem("warning", "Cannot show the text: " + text.problem()
                    + ".")), null);
        }
        String body = text.body();
        int cpCount = body.codePointCount(0, body.length());
        if (begin.get() < 0 || end.get() < begin.get() || end.get() > cpCount) {
            return new PassageScope(heading, List.of(new Problem("warning", "The offsets " + begin.get() + "-"
                    + end.get() + " lie outside the article text.")), null);
        }
        int b = body.offsetByCodePoints(0, begin.get());
        int e = body.offsetByCodePoints(0, end.get());
        Optional<Node> expected = first(node, textProperty);
        List<Problem> problems = new ArrayList<>();
        if (expected.isPresent() && !expected.get().getLiteralLexicalForm().equals(body.substring(b, e))) {
            problems.add(new Problem("warning", "The text at offsets " + begin.get() + "-" + end.get()
                    + " differs from the recorded words."));
        }
        String html = MarkdownText.render(body,
                List.of(new MarkdownText.Highlight(begin.get(), end.get(), "hl", "quote", null)));
        Node a = article.get();
        return new PassageScope(heading, problems,
                new Passage(begin.get(), end.get(), links.href(a.getURI()), a.getURI(), label(a), html));
    }

    private record ArticleTextScope(String html, String problem) {
    }

    /** The article's claims, then its text with its mentions marked ({@code templates/article-text.mustache}). */
    private String articleSections(Node article) {
        List<Node> claims = new ArrayList<>();
        union.find(Node.ANY, DERIVED, article).forEachRemaining(t -> {
            if (isA(t.getSubject(), CLAIM)) {
                claims.add(t.getSubject());
            }
        });
        Map<Node, Integer> numbers = new LinkedHashMap<>();
        for (Node c : sortClaims(claims)) {
            numbers.put(c, numbers.size() + 1);
        }
        String claimsHtml = claimsSection("Claims taken from this article", "article-claims", numbers,
                "The facts this article supports, in the order of their quotes in the text.");
        ArticleTexts.Text text = texts.body(article.getURI(),
                first(article, SHA).map(Node::getLiteralLexicalForm).orElse(null));
        return claimsHtml + Templates.render("article-text", new ArticleTextScope(
                text.available() ? MarkdownText.render(text.body(), mentionHighlights(article)) : null,
                text.problem()));
    }

    private record SentenceView(String html, String href) {
    }

    private record MentionGroup(TermView article, String count, List<SentenceView> sentences, String more) {
    }

    private record MentionsScope(String cut, List<MentionGroup> articles) {
    }

    /** The sentences that mention the resource, by article ({@code templates/mentions.mustache}). */
    private String mentions(Node resource) {
        Map<Node, List<Node>> byArticle = new LinkedHashMap<>();
        var it = union.find(Node.ANY, MENTION_OF, resource);
        int read = 0;
        while (it.hasNext() && read < MAX_READ) {
            Node m = it.next().getSubject();
            Node article = first(m, DERIVED).orElse(NodeFactory.createURI(Iris.ID + "article/unknown"));
            byArticle.computeIfAbsent(article, k -> new ArrayList<>()).add(m);
            read++;
        }
        boolean cut = it.hasNext();
        it.close();
        if (byArticle.isEmpty()) {
            return "";
        }
        List<MentionGroup> groups = new ArrayList<>();
        for (Node article : sorted(new ArrayList<>(byArticle.keySet()))) {
            List<Node> ms = byArticle.get(article);
            ms.sort(Comparator.comparing(m -> first(m, BEGIN).flatMap(PageRenderer::intValue).orElse(0)));
            Set<String> seen = new LinkedHashSet<>();
            List<SentenceView> sentences = new ArrayList<>();
            for (Node m : ms) {
                String sentence = first(m, SENTENCE).map(Node::getLiteralLexicalForm).orElse("");
                String anchor = first(m, ANCHOR).map(Node::getLiteralLexicalForm).orElse("");
                if (!seen.add(sentence + "\u0000" + anchor) || sentences.size() >= MAX_SENTENCES) {
                    continue;
                }
                sentences.add(new SentenceView(sentenceHtml(m, article, sentence, anchor), links.href(m.getURI())));
            }
            int shown = sentences.size();
            groups.add(new MentionGroup(term(article), ms.size() + (ms.size() == 1 ? " mention" : " mentions"),
                    sentences, seen.size() > shown ? (seen.size() - shown) + " more sentences not shown." : null));
        }
        return Templates.render("mentions", new MentionsScope(
                cut ? "The first " + MAX_READ + " mentions; ask the SPARQL endpoint for all." : null, groups));
    }

    /** The mentions of an article as passages of its text, each titled with the entity it names. */
    private List<MarkdownText.Highlight> mentionHighlights(Node article) {
        List<MarkdownText.Highlight> out = new ArrayList<>();
        union.find(Node.ANY, DERIVED, article).forEachRemaining(t -> {
            Node m = t.getSubject();
            if (!isA(m, MENTION)) {
                return;
            }
            Optional<Integer> b = first(m, BEGIN).flatMap(PageRenderer::intValue);
            Optional<Integer> e = first(m, END).flatMap(PageRenderer::intValue);
            if (b.isPresent() && e.isPresent() && b.get() >= 0 && e.get() > b.get()) {
                String title = first(m, MENTION_OF).map(this::label)
                        .orElse("ambiguous: " + String.join(" or ", sorted(objects(m, AKG.candidate.asNode())).stream()
                                .map(this::label).toList()));
                out.add(new MarkdownText.Highlight(b.get(), e.get(), null, "mention", title));
            }
        });
        return out;
    }

    /**
     * A mention's sentence as inline HTML with the mention marked at its offsets: the sentence is found in the
     * article text around the mention's offsets; when the text is not available (or the sentence is not there), at
     * the first whole-word occurrence of the anchor.
     */
    private String sentenceHtml(Node mention, Node article, String sentence, String anchor) {
        Optional<Integer> begin = first(mention, BEGIN).flatMap(PageRenderer::intValue);
        Optional<Integer> end = first(mention, END).flatMap(PageRenderer::intValue);
        int at = -1;
        if (begin.isPresent() && end.isPresent() && article.isURI()) {
            ArticleTexts.Text text = texts.body(article.getURI(),
                    first(article, SHA).map(Node::getLiteralLexicalForm).orElse(null));
            String body = text.available() ? text.body() : null;
            int cps = body == null ? 0 : body.codePointCount(0, body.length());
            if (body != null && begin.get() >= 0 && end.get() <= cps && begin.get() <= end.get()) {
                int b = body.offsetByCodePoints(0, begin.get());
                int e = body.offsetByCodePoints(0, end.get());
                int start = body.lastIndexOf(sentence, b);
                if (start >= 0 && start + sentence.length() >= e) {
                    at = sentence.codePointCount(0, b - start);
                }
            }
        }
        if (at < 0 && !anchor.isEmpty()) {
            java.util.regex.Matcher word = java.util.regex.Pattern.compile(
                    "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(anchor) + "(?![\\p{L}\\p{N}])").matcher(sentence);
            int c = word.find() ? word.start() : sentence.indexOf(anchor);
            at = c < 0 ? -1 : sentence.codePointCount(0, c);
        }
        List<MarkdownText.Highlight> marks = at < 0 ? List.of()
                : List.of(new MarkdownText.Highlight(at, at + anchor.codePointCount(0, anchor.length()), null, null,
                        null));
        return MarkdownText.renderInline(sentence, marks);
    }

    private record IncomingRow(TermView subject, TermView predicate) {
    }

    private record IncomingScope(int total, List<IncomingRow> rows, String more) {
    }

    private record GraphLink(String href, String label) {
    }

    /** The statements with the resource as object not shown elsewhere ({@code templates/incoming.mustache}). */
    private String incoming(Node resource) {
        List<Triple> in = new ArrayList<>();
        var it = union.find(Node.ANY, Node.ANY, resource);
        int total = 0;
        int scanned = 0;
        // a shared entity is the object of a claim or mention in every article that names it: stop reading at
        // MAX_SCAN (the statements of the graph of facts and the entity graph come first in TDB2's index order)
        while (it.hasNext() && scanned < MAX_SCAN) {
            Triple t = it.next();
            scanned++;
            if (!INCOMING_SHOWN_ELSEWHERE.contains(t.getPredicate())) {
                total++;
                if (in.size() < MAX_READ) {
                    in.add(t);
                }
            }
        }
        boolean cut = it.hasNext();
        it.close();
        if (in.isEmpty() && !cut) {
            return "";
        }
        in.sort(Comparator.comparing((Triple t) -> label(t.getPredicate())).thenComparing(t -> label(t.getSubject())));
        List<IncomingRow> rows = in.subList(0, Math.min(in.size(), MAX_ROWS)).stream()
                .map(t -> new IncomingRow(term(t.getSubject()), term(t.getPredicate()))).toList();
        String more = cut ? "The first " + MAX_SCAN + " statements with this resource as object were read, and "
                + rows.size() + " of them are shown; ask the SPARQL endpoint for all."
                : total > MAX_ROWS ? (total - MAX_ROWS) + " more not shown; ask the SPARQL endpoint." : null;
        return Templates.render("incoming", new IncomingScope(total, rows, more));
    }

    /** The named graphs the resource's statements come from ({@code templates/graphs-of.mustache}). */
    private String graphsOf(Node resource) {
        Set<Node> graphs = new LinkedHashSet<>();
        union.find(resource, Node.ANY, Node.ANY).forEachRemaining(t -> graphs.addAll(describer.graphsOf(t)));
        if (graphs.isEmpty()) {
            return "";
        }
        List<GraphLink> out = sorted(new ArrayList<>(graphs)).stream()
                .map(g -> new GraphLink(links.href(g.getURI()), shortName(g))).toList();
        return Templates.render("graphs-of", Map.of("graphs", out));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Ontology and graph pages
    // ---------------------------------------------------------------------------------------------------------

    /** The page of the whole ontology, one section per akg term with the term's local name as anchor. */
    String ontology(Node ontology, String documentPath) {
        String title = first(ontology, DCTerms.title.asNode()).map(Node::getLiteralLexicalForm)
                .orElse("alliance-kg ontology");
        List<TripleRow> rows = new ArrayList<>();
        union.find(ontology, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (!t.getPredicate().equals(DCTerms.description.asNode())) {
                rows.add(new TripleRow(term(t.getPredicate()), term(t.getObject())));
            }
        });
        List<Node> classes = new ArrayList<>();
        List<Node> properties = new ArrayList<>();
        Set<Node> terms = new LinkedHashSet<>();
        // the terms are typed in the ontology graph (the union holds a type for every claim, mention and sentence)
        Graph ontologyGraph = describer.dataset().getGraph(NodeFactory.createURI(Iris.ONTOLOGY_GRAPH));
        ontologyGraph.find(Node.ANY, TYPE, Node.ANY).forEachRemaining(t -> {
            Node s = t.getSubject();
            if (s.isURI() && s.getURI().startsWith(AKG.NS) && s.getURI().length() > AKG.NS.length()) {
                terms.add(s);
            }
        });
        List<Node> values = new ArrayList<>();
        for (Node t : terms) {
            if (union.contains(t, TYPE, OWL.Class.asNode()) || union.contains(t, TYPE, RDFS.Class.asNode())) {
                classes.add(t);
            } else if (union.contains(t, TYPE, OWL2.NamedIndividual.asNode())) {
                values.add(t);
            } else {
                properties.add(t);
            }
        }
        classes.sort(Comparator.comparing(Node::getURI));
        properties.sort(Comparator.comparing(Node::getURI));
        values.sort(Comparator.comparing(Node::getURI));
        List<TermGroup> groups = List.of(termGroup("classes", "Classes", classes),
                termGroup("properties", "Properties", properties),
                termGroup("values", "Values: modalities, ranks, statuses, units", values));
        String content = Templates.render("ontology", new OntologyScope(title, ontology.getURI(),
                first(ontology, DCTerms.description.asNode()).map(Node::getLiteralLexicalForm).orElse(null),
                formats(documentPath), rows, groups));
        return PageLayout.page(title, links, "/ontology", content);
    }

    private record TripleRow(TermView predicate, TermView object) {
    }

    private record TermRow(TermView predicate, List<TermView> values) {
    }

    private record TermEntry(String local, String label, List<String> comments, List<TermRow> rows, String href) {
    }

    private record TermGroup(String id, String heading, int count, List<TermEntry> terms) {
    }

    private record OntologyScope(String title, String iri, String description, String formats, List<TripleRow> rows,
                                 List<TermGroup> groups) {
    }

    private TermGroup termGroup(String id, String heading, List<Node> terms) {
        return new TermGroup(id, heading, terms.size(), terms.stream().map(this::termEntry).toList());
    }

    /** One akg term of the ontology page: its label, comments, class and property axioms, link to its page. */
    private TermEntry termEntry(Node term) {
        String local = term.getURI().substring(AKG.NS.length());
        List<String> comments = objects(term, COMMENT).stream().map(Node::getLiteralLexicalForm).toList();
        List<TermRow> rows = new ArrayList<>();
        for (Node p : List.of(TYPE, RDFS.subClassOf.asNode(), RDFS.subPropertyOf.asNode(), RDFS.domain.asNode(),
                RDFS.range.asNode(), OWL.equivalentClass.asNode(), OWL.inverseOf.asNode())) {
            List<Node> values = sorted(objects(term, p));
            if (!values.isEmpty()) {
                rows.add(new TermRow(term(p), values.stream().map(this::term).toList()));
            }
        }
        return new TermEntry(local, label(term), comments, rows, links.page("ontology/" + local));
    }

    private record SubjectGroup(TermView subject, List<TripleRow> rows) {
    }

    private record GraphScope(String title, String iri, String formats, TermView article, long size,
                              List<SubjectGroup> subjects, boolean cut) {
    }

    /** The page of a named graph: its triples grouped by subject. */
    String graph(Node graphName, Model content, String documentPath) {
        String title = "Named graph " + shortName(graphName);
        String graphIri = graphName.getURI();
        String articlePrefix = Iris.GRAPH + "article/";
        TermView article = graphIri.startsWith(articlePrefix)
                ? term(NodeFactory.createURI(Iris.ID + "article/" + graphIri.substring(articlePrefix.length())))
                : null;
        Graph g = content.getGraph();
        Map<Node, List<Triple>> bySubject = new LinkedHashMap<>();
        g.find().forEachRemaining(t -> bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t));
        List<Node> subjects = sorted(new ArrayList<>(bySubject.keySet()));
        List<SubjectGroup> groups = new ArrayList<>();
        int rows = 0;
        boolean cut = false;
        for (Node s : subjects) {
            if (rows >= MAX_ROWS * 6) {
                cut = true;
                break;
            }
            List<Triple> ts = bySubject.get(s);
            ts.sort(Comparator.comparing((Triple t) -> label(t.getPredicate())).thenComparing(t -> label(t.getObject())));
            rows += ts.size();
            groups.add(new SubjectGroup(term(s),
                    ts.stream().map(t -> new TripleRow(term(t.getPredicate()), term(t.getObject()))).toList()));
        }
        String html = Templates.render("graph", new GraphScope(title, graphIri, formats(documentPath), article,
                g.size(), groups, cut));
        return PageLayout.page(title, links, null, html);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Terms and labels
    // ---------------------------------------------------------------------------------------------------------

    /** A node for {@code templates/term.mustache}: an IRI as a link with its label, a literal with its datatype or language. */
    private TermView term(Node n) {
        if (n.isURI()) {
            return TermView.link(n.getURI(), links.href(n.getURI()), label(n));
        } else if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            String dt = n.getLiteralDatatypeURI();
            String meta = null;
            if (lang != null && !lang.isEmpty() && !lang.equals("en")) {
                meta = "@" + lang;
            } else if ((lang == null || lang.isEmpty()) && dt != null && !dt.equals(XSDDatatype.XSDstring.getURI())) {
                meta = shortName(NodeFactory.createURI(dt));
            }
            return TermView.literal(n.getLiteralLexicalForm(), meta);
        }
        return TermView.blank("_:" + n.getBlankNodeLabel());
    }

    /** The display name of a node: its English label, any label, title or preferred label, else a short IRI. */
    String label(Node n) {
        if (!n.isURI() && !n.isBlank()) {
            return n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
        }
        String known = labels.get(n);
        if (known == null) {
            // not computeIfAbsent: a fact node's label is made of its terms' labels, which fill the map too
            known = factStatement(n).orElseGet(() -> findLabel(n));
            labels.put(n, known);
        }
        return known;
    }

    /** A fact node ({@code akg:Fact}, unlabelled) read as the statement of its triple, like a claim's title. */
    private Optional<String> factStatement(Node n) {
        if (!Iris.isFact(n)) {
            return Optional.empty();
        }
        Optional<Node> s = first(n, AKG.factSubject.asNode());
        Optional<Node> p = first(n, AKG.factPredicate.asNode());
        Optional<Node> o = first(n, AKG.factObject.asNode());
        if (s.isEmpty() || p.isEmpty() || o.isEmpty() || !p.get().isURI()) {
            return Optional.empty();
        }
        return Optional.of(ClaimSentence.statement(p.get().getURI(), label(s.get()), label(p.get()),
                label(o.get())));
    }

    private String findLabel(Node n) {
        String any = null;
        for (Node p : Describer.LABEL_PROPERTIES) {
            var it = union.find(n, p, Node.ANY);
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (!o.isLiteral()) {
                    continue;
                }
                if ("en".equalsIgnoreCase(o.getLiteralLanguage()) && p.equals(LABEL)) {
                    it.close();
                    return o.getLiteralLexicalForm();
                }
                if (any == null) {
                    any = o.getLiteralLexicalForm();
                }
            }
            if (any != null) {
                return any;
            }
        }
        return n.isURI() ? shortName(n) : "_:" + n.getBlankNodeLabel();
    }

    /** {@code prefix:local} when a project prefix fits, else the IRI. */
    static String shortName(Node n) {
        String iri = n.getURI();
        String qname = Namespaces.PREFIXES.qnameFor(iri);
        if (qname != null) {
            return qname;
        }
        return SiteLinks.isOwn(iri) ? iri.substring(Iris.BASE.length()) : iri;
    }

    private List<Node> sorted(List<Node> nodes) {
        List<Node> copy = new ArrayList<>(nodes);
        copy.sort(Comparator.comparing(this::label).thenComparing((Node n) -> n.toString()));
        return copy;
    }

    private List<Node> objects(Node s, Node p) {
        List<Node> out = new ArrayList<>();
        union.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        return out;
    }

    private Optional<Node> first(Node s, Node p) {
        var it = union.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
        } finally {
            it.close();
        }
    }

    private boolean isA(Node n, Node type) {
        return union.contains(n, TYPE, type);
    }

    /** Claims ordered by source article, then by the position of their quote. */
    private List<Node> sortClaims(List<Node> claims) {
        List<Node> copy = new ArrayList<>(claims);
        copy.sort(Comparator.comparing((Node c) -> first(c, DERIVED).map(n -> n.toString()).orElse(""))
                .thenComparing(c -> first(c, BEGIN).flatMap(PageRenderer::intValue).orElse(0))
                .thenComparing((Node n) -> n.toString()));
        return copy;
    }

    private static String anchor(Node claim) {
        String iri = claim.getURI();
        return "claim-" + iri.substring(iri.lastIndexOf('/') + 1);
    }

    private static Optional<Integer> intValue(Node literal) {
        if (!literal.isLiteral()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(literal.getLiteralLexicalForm().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
