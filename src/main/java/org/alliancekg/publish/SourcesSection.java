package org.alliancekg.publish;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.alliancekg.serve.Templates;
import org.alliancekg.sources.ArticleAccount;
import org.alliancekg.sources.ClaimAccount;
import org.alliancekg.sources.SourceView;
import org.alliancekg.sources.Term;

/**
 * The section "What the articles say" of an entity's page: one block per article, side by side in date order,
 * each with the article's claims about the entity, its modality as a badge, its rank when not normal, whether it is
 * asserted, the characterization, attribution, dates and the quote; with a link to the same data as JSON
 * ({@code /api/sources?iri=}). Written by {@code templates/sources.mustache}, which escapes everything from the data.
 */
final class SourcesSection {

    /** The section's anchor on the page. */
    static final String ID = "sources";

    private SourcesSection() {
    }

    private record Badge(String css, String title, String label) {
    }

    private record ClaimView(List<Badge> modalities, Badge rank, boolean notAsserted, TermView subject,
                             TermView predicate, TermView object, String characterization, boolean attributed,
                             String attribution, String accordingPrefix, TermView accordingTo, String rankReason,
                             String when, String quote, String characters, String href) {
    }

    private record ArticleView(String id, String href, String title, String meta, List<ClaimView> claims) {
    }

    private record Scope(String intro, String json, boolean hasArticles, List<ArticleView> articles) {
    }

    /** The section's markup ({@code templates/sources.mustache}). */
    static String render(SourceView view, SiteLinks links) {
        String json = links.page("api/sources") + "?iri="
                + URLEncoder.encode(view.entity().iri(), StandardCharsets.UTF_8);
        String intro;
        if (view.articles().isEmpty()) {
            intro = "No article makes a claim about this resource. ";
        } else {
            int n = view.articles().size();
            intro = "Each article's claims about this resource side by side, oldest first (" + n
                    + (n == 1 ? " article, " : " articles, ") + view.claimCount()
                    + (view.claimCount() == 1 ? " claim" : " claims")
                    + "): how the article puts it, its own words and the quote. ";
        }
        List<ArticleView> articles = view.articles().stream().map(a -> article(a, links)).toList();
        return Templates.render("sources", new Scope(intro, json, !articles.isEmpty(), articles));
    }

    private static ArticleView article(ArticleAccount a, SiteLinks links) {
        List<String> meta = new ArrayList<>();
        meta.add(a.date() == null ? "undated" : a.date());
        a.authors().forEach(t -> meta.add(t.label()));
        if (a.publisher() != null) {
            meta.add(a.publisher().label());
        }
        return new ArticleView(a.id(), links.href(a.iri()), a.title(), String.join(" · ", meta),
                a.claims().stream().map(c -> claim(c, links)).toList());
    }

    private static ClaimView claim(ClaimAccount c, SiteLinks links) {
        List<Badge> modalities = c.modalities().stream().map(m -> new Badge(m.localName().toLowerCase(Locale.ROOT),
                c.modalityGiven() ? "modality" : "modality: stated (by default)", m.label())).toList();
        Badge rank = c.rank().localName().equals("NormalRank") ? null
                : new Badge(c.rank().localName().toLowerCase(Locale.ROOT), null, c.rank().label());
        String when = when(c);
        return new ClaimView(modalities, rank, !c.asserted(), term(c.subject(), links), term(c.predicate(), links),
                term(c.object(), links), c.characterization(),
                c.attribution() != null || c.accordingTo() != null, c.attribution(),
                c.attribution() != null ? "; according to " : "According to ",
                c.accordingTo() == null ? null : term(c.accordingTo(), links), c.rankReason(),
                when.isEmpty() ? null : when,
                c.quote() == null ? null : MarkdownText.renderInline(c.quote(), List.of()),
                c.begin() != null && c.end() != null ? "Characters " + c.begin() + "–" + c.end() + ". " : null,
                links.href(c.iri()));
    }

    /** "Holds: 2022-12; from 2014 to 2015; ended", or empty. */
    private static String when(ClaimAccount c) {
        List<String> parts = new ArrayList<>();
        if (c.date() != null) {
            parts.add("Holds: " + c.date());
        }
        if (c.startDate() != null || c.endDate() != null) {
            parts.add((c.startDate() != null ? "from " + c.startDate() : "")
                    + (c.startDate() != null && c.endDate() != null ? " " : "")
                    + (c.endDate() != null ? "until " + c.endDate() : ""));
        }
        if (c.ended()) {
            parts.add("ended");
        }
        return String.join("; ", parts);
    }

    private static TermView term(Term t, SiteLinks links) {
        return t.isLiteral() ? TermView.literal(t.label(), null) : TermView.link(t.iri(), links.href(t.iri()), t.label());
    }
}
