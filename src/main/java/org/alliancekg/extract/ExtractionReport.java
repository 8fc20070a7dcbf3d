package org.alliancekg.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.alliancekg.ingest.Article;
import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.FrontMatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The review report of one article's extraction, as readable text or as JSON: its mentions (grouped by entity, with
 * offsets), dates, candidate entities and suggested claims. Each suggestion comes with the YAML to paste into
 * {@code data/claims/{articleId}.yaml} to accept it (quote and, when the quote occurs more than once, occurrence).
 *
 * <pre>{@code
 * String text = ExtractionReport.text(extraction);
 * String json = ExtractionReport.json(extraction);
 * }</pre>
 */
public final class ExtractionReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ExtractionReport() {
    }

    /** The report as text. */
    public static String text(Extraction x) {
        Article a = x.article();
        FrontMatter fm = a.frontMatter();
        StringBuilder sb = new StringBuilder();
        sb.append("Article ").append(a.id()).append(" (").append(a.file()).append(")\n");
        sb.append("  title: ").append(fm.title()).append('\n');
        if (!fm.authors().isEmpty()) {
            sb.append("  authors: ").append(String.join(", ", fm.authors())).append('\n');
        }
        if (fm.publisher() != null) {
            sb.append("  publisher: ").append(fm.publisher()).append('\n');
        }
        if (fm.date() != null) {
            sb.append("  date: ").append(fm.date()).append(fm.dateInferred() != null ? " (inferred)" : "")
                    .append('\n');
        }
        sb.append("  body: ").append(a.bodyLength()).append(" code points, ").append(x.sentences().size())
                .append(" sentences\n");

        Map<String, List<Mention>> byEntity = new LinkedHashMap<>();
        x.mentions().forEach(m -> byEntity.computeIfAbsent(m.resolved() ? m.entity().id()
                : "one of " + String.join(" | ", m.candidates().stream().map(Entity::id).toList()),
                k -> new ArrayList<>()).add(m));
        List<Mention> resolved = Mention.resolvedOnly(x.mentions());
        sb.append("\nMentions of known entities: ").append(resolved.size()).append(" of ")
                .append(resolved.stream().map(Mention::entity).distinct().count()).append(" entities");
        if (resolved.size() < x.mentions().size()) {
            sb.append(", and ").append(x.mentions().size() - resolved.size())
                    .append(" that context leaves between candidates (\"one of\")");
        }
        sb.append('\n');
        byEntity.forEach((id, list) -> {
            sb.append(String.format(Locale.ROOT, "  %-48s %3d×  ", id, list.size()));
            sb.append(String.join(", ", list.stream().map(m -> "\"" + m.anchorText() + "\" " + span(m.span()))
                    .toList()));
            sb.append('\n');
        });

        sb.append("\nDates: ").append(x.dates().size()).append('\n');
        for (ResolvedDate d : x.dates()) {
            sb.append(String.format(Locale.ROOT, "  %-12s %-22s %s%s (%s, %s)%s%n", span(d.span()),
                    "\"" + d.text() + "\"", d.value(), d.end() != null ? ".." + d.end() : "",
                    d.value().datatype().getURI().replace("http://www.w3.org/2001/XMLSchema#", "xsd:"),
                    d.kind().name().toLowerCase(Locale.ROOT), d.local() ? " local time" : ""));
        }

        sb.append("\nCandidate entities (names the catalogue lacks; add them to data/entities if they are "
                + "entities): ").append(x.candidates().size()).append('\n');
        for (Candidate c : x.candidates()) {
            sb.append(String.format(Locale.ROOT, "  %3d×  %-40s %-13s %s%n", c.count(), "\"" + c.name() + "\"",
                    "[" + c.kindHint() + "]", String.join(", ", c.spans().stream().map(ExtractionReport::span)
                            .toList())));
        }

        sb.append("\nSuggested claims (not asserted; to accept one, copy its YAML into data/claims/")
                .append(a.id()).append(".yaml and rebuild): ").append(x.suggestions().size()).append('\n');
        for (SuggestedClaim s : x.suggestions()) {
            sb.append(String.format(Locale.ROOT, "  %.2f  %s%n", s.confidence(), s.triple()));
            sb.append("        rule ").append(s.rule()).append(s.cue() != null ? ", cue \"" + s.cue() + "\"" : "")
                    .append(", quote ").append(span(s.quoteSpan())).append('\n');
            for (String line : acceptance(x, s).split("\n")) {
                sb.append("        ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** The report as JSON. */
    public static String json(Extraction x) {
        Article a = x.article();
        FrontMatter fm = a.frontMatter();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode art = root.putObject("article");
        art.put("id", a.id());
        art.put("file", a.file());
        art.put("title", fm.title());
        ArrayNode authors = art.putArray("authors");
        fm.authors().forEach(authors::add);
        art.put("publisher", fm.publisher());
        art.put("date", fm.date() == null ? null : fm.date().lexical());
        art.put("bodyLength", a.bodyLength());
        art.put("sentences", x.sentences().size());
        ArrayNode mentions = root.putArray("mentions");
        for (Mention m : x.mentions()) {
            ObjectNode n = mentions.addObject();
            n.put("entity", m.resolved() ? m.entity().id() : null);
            if (!m.resolved()) {
                ArrayNode candidates = n.putArray("candidates");
                m.candidates().forEach(c -> candidates.add(c.id()));
            }
            n.put("anchorText", m.anchorText());
            n.put("begin", m.span().begin());
            n.put("end", m.span().end());
        }
        ArrayNode dates = root.putArray("dates");
        for (ResolvedDate d : x.dates()) {
            ObjectNode n = dates.addObject();
            n.put("text", d.text());
            n.put("begin", d.span().begin());
            n.put("end", d.span().end());
            n.put("value", d.value().lexical());
            n.put("datatype", d.value().datatype().getURI());
            if (d.end() != null) {
                n.put("endValue", d.end().lexical());
            }
            n.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
            n.put("local", d.local());
        }
        ArrayNode candidates = root.putArray("candidates");
        for (Candidate c : x.candidates()) {
            ObjectNode n = candidates.addObject();
            n.put("name", c.name());
            n.put("kindHint", c.kindHint());
            n.put("count", c.count());
            ArrayNode spans = n.putArray("spans");
            c.spans().forEach(s -> spans.addArray().add(s.begin()).add(s.end()));
        }
        ArrayNode suggestions = root.putArray("suggestions");
        for (SuggestedClaim s : x.suggestions()) {
            ObjectNode n = suggestions.addObject();
            n.put("subject", s.subject().id());
            n.put("predicate", s.predicate().name());
            if (s.object() != null) {
                n.put("object", s.object().id());
            } else {
                n.put("value", s.value());
            }
            n.put("confidence", s.confidence());
            n.put("rule", s.rule());
            n.put("cue", s.cue());
            n.put("quote", s.quote());
            n.put("begin", s.quoteSpan().begin());
            n.put("end", s.quoteSpan().end());
            n.put("occurrence", occurrence(a.body(), s));
            n.put("sentence", s.sentence().text());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    /**
     * The claims-file entry that accepts a suggestion: a one-element YAML list with subject, predicate, object or
     * value, quote and (when the quote occurs more than once in the body) occurrence, to paste under
     * {@code claims:} in {@code data/claims/{articleId}.yaml}.
     */
    public static String acceptance(Extraction x, SuggestedClaim s) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("subject", s.subject().id());
        claim.put("predicate", s.predicate().name());
        if (s.object() != null) {
            claim.put("object", s.object().id());
        } else {
            claim.put("value", s.value());
        }
        claim.put("quote", s.quote());
        int occurrence = occurrence(x.article().body(), s);
        if (occurrence > 1) {
            claim.put("occurrence", occurrence);
        }
        try {
            return YAML.writeValueAsString(List.of(claim)).stripTrailing();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    /** Which occurrence (1-based) of its quote in the body the suggestion's quote is. */
    static int occurrence(String body, SuggestedClaim s) {
        int at = Offsets.toUtf16(body, s.quoteSpan().begin());
        int n = 0;
        for (int i = body.indexOf(s.quote()); i >= 0 && i <= at; i = body.indexOf(s.quote(), i + 1)) {
            n++;
        }
        return Math.max(n, 1);
    }

    private static String span(Span s) {
        return s.begin() + "-" + s.end();
    }
}
