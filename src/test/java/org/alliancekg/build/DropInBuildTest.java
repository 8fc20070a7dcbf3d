package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.alliancekg.extract.Candidate;
import org.alliancekg.extract.Extraction;
import org.alliancekg.extract.ArticleExtractor;
import org.alliancekg.extract.Offsets;
import org.alliancekg.extract.Span;
import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.ArticleReader;
import org.alliancekg.ingest.EntityCatalogReader;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.store.Store;
import org.alliancekg.vocab.Iris;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drop-in: an article file the project has never seen, put into {@code data/articles/} of a copy of the project
 * with no other change, is picked up by {@code build}: its metadata, its mentions with offsets that slice the body
 * to the anchor text, its suggested claims (not asserted), and candidate entities for the names the catalogue lacks.
 */
class DropInBuildTest {

    private static final String ID = ProjectCopy.UNSEEN;
    private static final String PREFIXES = """
            PREFIX akg: <https://w3id.org/alliance-kg/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX schema: <https://schema.org/>
            """;

    @TempDir
    Path dir;

    @Test
    void aNewArticleFileIsPickedUpByTheBuild() throws Exception {
        ProjectLayout layout = ProjectCopy.of(dir);
        Files.copy(ProjectCopy.unseenArticle(), layout.articlesDir().resolve(ID + ".md"));
        GraphBuilder.Result result = new GraphBuilder(layout).build();
        assertEquals(6L, result.counts().get("articles"));

        Article article = new ArticleReader(layout).read(layout.articlesDir().resolve(ID + ".md"));
        String body = article.body();
        String graph = Iris.articleGraph(ID);
        Dataset ds = new Store(layout).openCurrent();
        try {
            Txn.executeRead(ds, () -> {
                List<QuerySolution> meta = select(ds, PREFIXES + "SELECT ?title ?date ?creatorName ?publisherName "
                        + "?url ?sha WHERE { GRAPH <" + graph + "> { <" + Iris.article(ID) + "> a akg:Article ; "
                        + "dcterms:title ?title ; akg:date ?date ; dcterms:creator ?c ; dcterms:publisher ?p ; "
                        + "schema:url ?url ; akg:textSha256 ?sha } "
                        + "GRAPH ?cg { ?c rdfs:label ?creatorName } GRAPH ?pg { ?p rdfs:label ?publisherName } }");
                assertEquals(1, meta.size(), meta.toString());
                QuerySolution m = meta.get(0);
                assertEquals("Hegseth and Nakatani Pledge Faster Integration of U.S. and Japanese Forces",
                        m.getLiteral("title").getString());
                assertEquals("2025-04", m.getLiteral("date").getLexicalForm());
                assertEquals("http://www.w3.org/2001/XMLSchema#gYearMonth", m.getLiteral("date").getDatatypeURI());
                assertEquals("Mariko Sato", m.getLiteral("creatorName").getString());
                assertEquals("Pacific Security Review", m.getLiteral("publisherName").getString());
                assertEquals(article.textSha256(), m.getLiteral("sha").getString());

                List<QuerySolution> mentions = select(ds, PREFIXES + "SELECT ?entity ?anchor ?b ?e WHERE { GRAPH <"
                        + graph + "> { ?m a akg:Mention ; akg:mentionOf ?entity ; akg:anchorText ?anchor ; "
                        + "akg:beginIndex ?b ; akg:endIndex ?e } }");
                Set<String> entities = new HashSet<>();
                for (QuerySolution s : mentions) {
                    Span span = new Span(s.getLiteral("b").getInt(), s.getLiteral("e").getInt());
                    assertEquals(s.getLiteral("anchor").getString(), Offsets.slice(body, span),
                            "the offsets slice the body to the anchor text");
                    entities.add(Iris.entityId(s.getResource("entity").getURI()));
                }
                assertTrue(entities.containsAll(Set.of("state/japan", "state/united-states", "state/china",
                        "state/north-korea", "state/russia", "person/fumio-kishida",
                        "position/us-secretary-of-defense", "position/jp-minister-of-defense", "series/us-japan-scc",
                        "alliance/quad", "capability/amraam", "capability/pac-3-mse", "capability/counterstrike",
                        "organization/jjoc", "organization/usfj", "place/tokyo", "place/taiwan-strait",
                        "document/jp-nss-2022")), "known states, leaders, forums, capabilities: " + entities);

                String suggested = Iris.suggestedGraph(ID);
                List<QuerySolution> suggestions = select(ds, PREFIXES + "SELECT ?s ?p ?o ?quote ?b ?e WHERE { GRAPH <"
                        + suggested + "> { ?x a akg:SuggestedClaim ; rdf:subject ?s ; rdf:predicate ?p ; "
                        + "rdf:object ?o ; akg:quote ?quote ; akg:beginIndex ?b ; akg:endIndex ?e ; "
                        + "akg:confidence ?c } }");
                assertFalse(suggestions.isEmpty(), "suggested claims land in the article's graph of suggestions");
                for (QuerySolution s : suggestions) {
                    Span span = new Span(s.getLiteral("b").getInt(), s.getLiteral("e").getInt());
                    assertEquals(s.getLiteral("quote").getString(), Offsets.slice(body, span));
                    boolean asserted = ask(ds, "ASK { GRAPH ?g { <" + s.getResource("s").getURI() + "> <"
                            + s.getResource("p").getURI() + "> " + term(s) + " } FILTER (?g != <" + suggested
                            + ">) FILTER (CONTAINS(STR(?g), \"" + ID + "\")) }");
                    assertFalse(asserted, "a suggestion is not asserted: " + s);
                }
            });
        } finally {
            Store.close(ds);
        }

        Extraction x = new ArticleExtractor(new EntityCatalogReader(layout).readAll()).extract(article);
        Set<String> candidates = new HashSet<>(x.candidates().stream().map(Candidate::name).toList());
        assertTrue(candidates.containsAll(Set.of("Pete Hegseth", "Gen Nakatani", "Shigeru Ishiba", "Donald Trump",
                "Yokota Air Base")), "names the catalogue lacks: " + candidates);
        for (Candidate c : x.candidates()) {
            c.spans().forEach(s -> assertEquals(c.name(), Offsets.slice(body, s)));
        }
    }

    private static String term(QuerySolution s) {
        var o = s.get("o");
        return o.isResource() ? "<" + o.asResource().getURI() + ">"
                : "\"" + o.asLiteral().getLexicalForm() + "\"^^<" + o.asLiteral().getDatatypeURI() + ">";
    }

    private static List<QuerySolution> select(Dataset ds, String query) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
            List<QuerySolution> out = new java.util.ArrayList<>();
            qe.execSelect().forEachRemaining(out::add);
            return out;
        }
    }

    private static boolean ask(Dataset ds, String query) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
            return qe.execAsk();
        }
    }
}
