package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.alliancekg.cli.ExtractCommand;
import org.alliancekg.extract.ArticleExtractor;
import org.alliancekg.extract.Extraction;
import org.alliancekg.extract.ExtractionReport;
import org.alliancekg.extract.SuggestedClaim;
import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.ArticleReader;
import org.alliancekg.ingest.EntityCatalogReader;
import org.alliancekg.ingest.ProjectLayout;
import org.alliancekg.vocab.Iris;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * The review loop: {@code extract} reports an unseen article's suggestions with the YAML that accepts each; pasting
 * that YAML into the article's claims file and rebuilding turns the suggestions into curated claims. Also runs the
 * {@code extract} command, text and {@code --json} ({@code evaluate} is a tool: tested in the tools module).
 */
class ReviewLoopTest {

    private static final String ID = ProjectCopy.UNSEEN;

    @TempDir
    Path dir;

    @Test
    void acceptedSuggestionsBecomeCuratedClaimsAfterARebuild() throws Exception {
        ProjectLayout layout = ProjectCopy.of(dir);
        Path file = layout.articlesDir().resolve(ID + ".md");
        Files.copy(ProjectCopy.unseenArticle(), file);
        Article article = new ArticleReader(layout).read(file);
        Extraction x = new ArticleExtractor(new EntityCatalogReader(layout).readAll()).extract(article);
        assertFalse(x.suggestions().isEmpty());

        StringBuilder yaml = new StringBuilder("article: " + ID + "\nclaims:\n");
        for (SuggestedClaim s : x.suggestions()) {
            ExtractionReport.acceptance(x, s).lines().forEach(l -> yaml.append("  ").append(l).append('\n'));
        }
        Files.writeString(layout.claimsDir().resolve(ID + ".yaml"), yaml.toString());
        GraphBuilder.Result r = new GraphBuilder(layout).build();

        Set<Quad> graph = ProjectCopy.quads(layout, g -> g.equals(Iris.articleGraph(ID)));
        Set<String> asserted = ProjectCopy.quads(layout, g -> g.equals(Iris.FACTS_GRAPH)).stream().filter(q -> q.getPredicate().getURI().startsWith(Iris.ONTOLOGY))
                .map(q -> q.getSubject() + " " + q.getPredicate().getLocalName() + " " + q.getObject())
                .collect(Collectors.toSet());
        for (SuggestedClaim s : x.suggestions()) {
            String object = s.object() != null ? s.object().iri() : null;
            assertTrue(asserted.stream().anyMatch(t -> t.startsWith(s.subject().iri() + " " + s.predicate().name()
                    + " ") && (object == null || t.endsWith(object))), "accepted and asserted: " + s.triple());
        }
        long claims = graph.stream().filter(q -> q.getObject().isURI()
                && q.getObject().getURI().equals(Iris.ONTOLOGY + "Claim")).count();
        assertEquals(x.suggestions().size(), claims, "one curated claim per accepted suggestion");
        assertTrue(r.counts().get("claims") > 205);
    }

    @Test
    void extractPrintsJsonAndText() throws Exception {
        ProjectLayout layout = ProjectLayout.detect();
        StringWriter out = new StringWriter();
        int rc = new CommandLine(new ExtractCommand()).setOut(new PrintWriter(out, true))
                .execute("--json", "--project", layout.root().toString(), ProjectCopy.unseenArticle().toString());
        assertEquals(0, rc);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(ID, json.path("article").path("id").asText());
        assertTrue(json.path("mentions").size() > 20);
        assertTrue(json.path("dates").size() >= 4);
        assertTrue(json.path("candidates").size() >= 5);
        assertTrue(json.path("suggestions").size() >= 1);
        String body = new ArticleReader(layout).read(ProjectCopy.unseenArticle()).body();
        for (JsonNode m : json.path("mentions")) {
            assertEquals(m.path("anchorText").asText(), body.substring(body.offsetByCodePoints(0,
                    m.path("begin").asInt()), body.offsetByCodePoints(0, m.path("end").asInt())));
        }

        StringWriter text = new StringWriter();
        assertEquals(0, new CommandLine(new ExtractCommand()).setOut(new PrintWriter(text, true))
                .execute("--project", layout.root().toString(), ProjectCopy.unseenArticle().toString()));
        assertTrue(text.toString().contains("Candidate entities"), text.toString());
        assertTrue(text.toString().contains("\"Pete Hegseth\""), text.toString());
        assertTrue(text.toString().contains("- subject: "), "with the YAML that accepts a suggestion");
    }
}
