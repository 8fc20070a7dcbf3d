package org.alliancekg.publish;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.alliancekg.sources.ArticleAccount;
import org.alliancekg.sources.ClaimAccount;
import org.alliancekg.sources.SourceView;
import org.alliancekg.sources.Term;

/**
 * The section "What the articles say" of an entity's page: one block per article, side by side in date order,
 * each with the article's claims about the entity, its modality as a badge, its rank when not normal, whether it is
 * asserted, the characterization, attribution, dates and the quote; with a link to the same data as JSON
 * ({@code /api/sources?iri=}). Everything from the data goes through {@link Html#text} or {@link Html#attr}.
 */
final class SourcesSection {

    /** The section's anchor on the page. */
    static final String ID = "sources";

    private SourcesSection() {
    }

    static void render(Html h, SourceView view, SiteLinks links) {
        String json = links.page("api/sources") + "?iri="
                + URLEncoder.encode(view.entity().iri(), StandardCharsets.UTF_8);
        h.raw("<h2 id=\"" + ID + "\">What the articles say</h2>\n<p class=\"muted\">");
        if (view.articles().isEmpty()) {
            h.text("No article makes a claim about this resource. ");
        } else {
            int n = view.articles().size();
            h.text("Each article's claims about this resource side by side, oldest first (" + n
                    + (n == 1 ? " article, " : " articles, ") + view.claimCount()
                    + (view.claimCount() == 1 ? " claim" : " claims")
                    + "): how the article puts it, its own words and the quote. ");
        }
        h.raw("<a id=\"sources-json\" href=\"").attr(json).raw("\" type=\"application/json\">As JSON</a></p>\n");
        if (view.articles().isEmpty()) {
            return;
        }
        h.raw("<div class=\"sources\">\n");
        for (ArticleAccount a : view.articles()) {
            article(h, a, links);
        }
        h.raw("</div>\n");
    }

    private static void article(Html h, ArticleAccount a, SiteLinks links) {
        h.raw("<section class=\"source-article\" id=\"source-").attr(a.id()).raw("\">\n<h3>")
                .link(links.href(a.iri()), a.title()).raw("</h3>\n<p class=\"source-meta\">");
        List<String> meta = new ArrayList<>();
        meta.add(a.date() == null ? "undated" : a.date());
        a.authors().forEach(t -> meta.add(t.label()));
        if (a.publisher() != null) {
            meta.add(a.publisher().label());
        }
        h.text(String.join(" · ", meta)).raw("</p>\n");
        for (ClaimAccount c : a.claims()) {
            claim(h, c, links);
        }
        h.raw("</section>\n");
    }

    private static void claim(Html h, ClaimAccount c, SiteLinks links) {
        h.raw("<div class=\"source-claim\">\n<div class=\"badges\">");
        for (Term m : c.modalities()) {
            h.raw("<span class=\"badge modality modality-").attr(m.localName().toLowerCase(Locale.ROOT))
                    .raw("\" title=\"").attr(c.modalityGiven() ? "modality" : "modality: stated (by default)")
                    .raw("\">").text(m.label()).raw("</span> ");
        }
        if (!c.rank().localName().equals("NormalRank")) {
            h.raw("<span class=\"badge rank rank-").attr(c.rank().localName().toLowerCase(Locale.ROOT)).raw("\">")
                    .text(c.rank().label()).raw("</span> ");
        }
        if (!c.asserted()) {
            h.raw("<span class=\"badge not-asserted\" title=\"the graph does not assert this triple\">not asserted")
                    .raw("</span>");
        }
        h.raw("</div>\n<div class=\"statement\">");
        term(h, c.subject(), links);
        h.raw(" — ");
        term(h, c.predicate(), links);
        h.raw(" — ");
        term(h, c.object(), links);
        h.raw("</div>\n");
        if (c.characterization() != null) {
            h.raw("<p class=\"characterization\">Characterized as “").text(c.characterization()).raw("”</p>\n");
        }
        if (c.attribution() != null || c.accordingTo() != null) {
            h.raw("<p class=\"attribution\">");
            if (c.attribution() != null) {
                h.raw("Attributed: “").text(c.attribution()).raw("”");
            }
            if (c.accordingTo() != null) {
                h.raw(c.attribution() != null ? "; according to " : "According to ");
                term(h, c.accordingTo(), links);
            }
            h.raw("</p>\n");
        }
        if (c.rankReason() != null) {
            h.raw("<p class=\"rank-reason\">Rank: ").text(c.rankReason()).raw("</p>\n");
        }
        String when = when(c);
        if (!when.isEmpty()) {
            h.raw("<p class=\"when\">").text(when).raw("</p>\n");
        }
        if (c.quote() != null) {
            h.raw("<blockquote class=\"quote\">").raw(MarkdownText.renderInline(c.quote(), List.of()))
                    .raw("</blockquote>\n");
        }
        h.raw("<div class=\"source\">");
        if (c.begin() != null && c.end() != null) {
            h.text("Characters " + c.begin() + "–" + c.end() + ". ");
        }
        h.link(links.href(c.iri()), "claim page").raw("</div>\n</div>\n");
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

    private static void term(Html h, Term t, SiteLinks links) {
        if (t.isLiteral()) {
            h.raw("<span class=\"literal\">").text(t.label()).raw("</span>");
        } else {
            h.raw("<a href=\"").attr(links.href(t.iri())).raw("\" title=\"").attr(t.iri()).raw("\">").text(t.label())
                    .raw("</a>");
        }
    }
}
