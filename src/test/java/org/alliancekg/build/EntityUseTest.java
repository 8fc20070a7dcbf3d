package org.alliancekg.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.Claim;
import org.alliancekg.ingest.ClaimsFile;
import org.alliancekg.ingest.Corpus;
import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.ProjectLayout;
import org.junit.jupiter.api.Test;

/**
 * The project's own catalogue has no idle entities: every entity of {@code data/entities} is the subject, object
 * or {@code accordingTo} of some curated claim, the organization of a post a claim uses, names an article's author
 * or publisher, or is retired (kept only so that its published IRI answers). An entity no claim
 * uses is a fact without evidence (issue 11: "every entity has at least one claim or is removed").
 */
class EntityUseTest {

    @Test
    void everyEntityOfTheCatalogueIsUsedByAClaimOrAnArticle() {
        Corpus corpus = Corpus.read(ProjectLayout.of(Path.of(System.getProperty("akg.projectDir", "."))));
        Set<String> used = new HashSet<>();
        for (ClaimsFile cf : corpus.claims()) {
            for (Claim c : cf.claims()) {
                used.add(c.subject());
                if (c.object() != null) {
                    used.add(c.object());
                }
                if (c.qualifiers().accordingTo() != null) {
                    used.add(c.qualifiers().accordingTo());
                }
            }
        }
        Set<String> names = new HashSet<>();
        for (Article a : corpus.articles()) {
            names.addAll(a.frontMatter().authors());
            if (a.frontMatter().publisher() != null) {
                names.add(a.frontMatter().publisher());
            }
        }
        // A post's organization is part of the post's identity: used when the post is.
        corpus.catalog().entities().stream().filter(e -> e.forActor() != null && used.contains(e.id()))
                .forEach(e -> used.add(e.forActor()));
        List<String> idle = corpus.catalog().entities().stream()
                .filter(e -> !e.isRetired())
                .filter(e -> !used.contains(e.id()) && e.names().stream().noneMatch(names::contains))
                .map(Entity::id).sorted().toList();
        assertTrue(idle.isEmpty(), idle.size() + " entities are in no claim and name no author or publisher: " + idle);
    }
}
