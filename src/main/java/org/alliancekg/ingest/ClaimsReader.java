package org.alliancekg.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import java.util.Optional;

import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.Concept;
import org.alliancekg.vocab.Modality;
import org.alliancekg.vocab.Rank;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads {@code data/claims/{articleId}.yaml}: {@code article: <id>} (must equal the file's id) and
 * {@code claims: [...]}. Each claim becomes a {@link Claim}; every problem of a file is reported at once, e.g.
 * {@code data/claims/002-x.yaml:14: claims[3].predicate: unknown predicate 'foo'}.
 *
 * <pre>{@code
 * List<ClaimsFile> claims = new ClaimsReader(layout).readAll();
 * }</pre>
 */
public final class ClaimsReader {

    private final ProjectLayout layout;
    private final BiConsumer<Path, byte[]> onRead;

    /** A reader for the claims of this project. */
    public ClaimsReader(ProjectLayout layout) {
        this(layout, TextFiles.NOTHING);
    }

    /**
     * A reader for the claims of this project that gives {@code onRead} the bytes of each file it reads (so that
     * a build can fingerprint its inputs without reading them twice).
     */
    public ClaimsReader(ProjectLayout layout, BiConsumer<Path, byte[]> onRead) {
        this.layout = layout;
        this.onRead = onRead;
    }

    /** Every claims file ({@code .yaml}, {@code .yml}, {@code .json}), sorted; problems reported together. */
    public List<ClaimsFile> readAll() {
        Path dir = layout.claimsDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> Files.isRegularFile(p) && StructuredInput.forFile(p) != null).sorted().toList();
        } catch (IOException e) {
            throw new InputException(new Problem(layout.display(dir), 0, null, "cannot list: " + e), e);
        }
        Problems problems = new Problems();
        List<ClaimsFile> out = new ArrayList<>();
        for (Path f : files) {
            ClaimsFile cf = problems.collect(() -> read(f));
            if (cf != null) {
                out.add(cf);
            }
        }
        problems.throwIfAny();
        return List.copyOf(out);
    }

    /** Reads one claims file. */
    public ClaimsFile read(Path file) {
        String shown = layout.display(file);
        ObjectMapper mapper = StructuredInput.forFile(file);
        if (mapper == null) {
            throw new InputException(new Problem(shown, 0, null, "not a .yaml, .yml or .json file"));
        }
        String name = file.getFileName().toString();
        String fileId = name.substring(0, name.lastIndexOf('.'));
        String text = TextFiles.readUtf8(file, shown, onRead);
        StructuredInput.scan(mapper, text, shown, 0);
        Problems problems = new Problems();
        List<ClaimFields> fields = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        Map<String, String> scalars = StructuredInput.readListDocument(mapper, text, shown, "claims",
                Set.of("article"), (p, at) -> {
                    java.util.Map<String, Integer> lines = new java.util.HashMap<>();
                    ClaimFields f = StructuredInput.bindElement(mapper, p, ClaimFields.class, at, 0, problems, lines);
                    Source src = at.withFieldLines(lines);
                    if (f != null) {
                        fields.add(f);
                        sources.add(src);
                    } else if (p.currentToken() != null && p.currentToken().isScalarValue()) {
                        problems.add(src.problem(null, "must be a mapping with subject, predicate, object or value, quote"));
                    }
                }, problems);
        String article = scalars.get("article");
        if (article == null) {
            if (!scalars.containsKey("article") && problems.isEmpty()) {
                problems.add(new Problem(shown, 1, "article", "required: the article id '" + fileId + "'"));
            }
            article = fileId;
        } else if (!article.equals(fileId)) {
            problems.add(new Problem(shown, 1, "article", "'" + article + "' does not match the file name '"
                    + fileId + "'"));
        }
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Claim c = toClaim(fields.get(i), sources.get(i), article, problems);
            if (c != null) {
                claims.add(c);
            }
        }
        problems.throwIfAny();
        return new ClaimsFile(shown, article, claims);
    }

    private static Claim toClaim(ClaimFields f, Source src, String article, Problems problems) {
        ClaimPredicate predicate = null;
        boolean ok = true;
        if (f.predicate() != null) {
            predicate = ClaimPredicate.fromName(f.predicate()).orElse(null);
            if (predicate == null) {
                String hint = ClaimPredicate.fromName(lowerFirst(f.predicate())).isPresent()
                        ? " (did you mean '" + lowerFirst(f.predicate()) + "'?)" : "";
                problems.add(src.problem("predicate", "unknown predicate '" + f.predicate() + "'" + hint
                        + "; known: " + ClaimPredicate.names()));
                ok = false;
            }
        }
        PartialDate date = null;
        if (f.date() != null) {
            try {
                date = PartialDate.parse(f.date());
            } catch (InputException e) {
                problems.add(src.problem("date", e.problems().get(0).rule()));
                ok = false;
            }
        }
        Claim.Qualifiers q = qualifiers(f, src, problems);
        if (!ok || q == null) {
            return null;
        }
        ClaimPredicate p = predicate;
        PartialDate d = date;
        return problems.collect(() -> new Claim(src, article, f.subject(), p, f.object(), f.value(), f.quote(),
                f.occurrence() == null ? 1 : f.occurrence(), f.characterization(), d, q));
    }

    /** The vocabulary-2 qualifiers as written; null (with problems added) when one is faulty. */
    private static Claim.Qualifiers qualifiers(ClaimFields f, Source src, Problems problems) {
        int before = problems.size();
        List<Modality> modalities = new ArrayList<>();
        List<String> written = f.modality == null ? List.of() : f.modality;
        for (int i = 0; i < written.size(); i++) {
            String m = written.get(i);
            Optional<Modality> found = m == null ? Optional.empty() : Concept.fromNotation(Modality.class, m);
            if (found.isEmpty()) {
                problems.add(src.problem("modality", "unknown modality '" + m + "'; one of "
                        + Concept.notations(Modality.class)));
            } else if (modalities.contains(found.get())) {
                problems.add(src.problem("modality", "'" + m + "' is given twice"));
            } else {
                modalities.add(found.get());
            }
        }
        Rank rank = Rank.NORMAL;
        if (f.rank != null) {
            rank = Concept.fromNotation(Rank.class, f.rank).orElse(null);
            if (rank == null) {
                problems.add(src.problem("rank", "unknown rank '" + f.rank + "'; one of " + Concept.notations(Rank.class)));
            }
        }
        PartialDate start = date(f.startDate, "startDate", src, problems);
        PartialDate end = date(f.endDate, "endDate", src, problems);
        if (problems.size() > before) {
            return null;
        }
        return new Claim.Qualifiers(modalities, f.accordingTo, f.attribution, start, end,
                Boolean.TRUE.equals(f.ended), rank, f.rankReason);
    }

    private static PartialDate date(String text, String field, Source src, Problems problems) {
        if (text == null) {
            return null;
        }
        try {
            return PartialDate.parse(text);
        } catch (InputException e) {
            problems.add(src.problem(field, e.problems().get(0).rule()));
            return null;
        }
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    /** One claim as written. */
    /** As written; public fields bound by Jackson (a plain bean, so unknown fields are reported where they stand). */
    static final class ClaimFields {
        @JsonProperty("subject")
        String subject;

        @JsonProperty("predicate")
        String predicate;

        @JsonProperty("object")
        String object;

        @JsonProperty("value")
        String value;

        @JsonProperty("quote")
        String quote;

        @JsonProperty("occurrence")
        Integer occurrence;

        @JsonProperty("characterization")
        String characterization;

        @JsonProperty("date")
        String date;

        @JsonProperty("startDate")
        String startDate;

        @JsonProperty("endDate")
        String endDate;

        @JsonProperty("ended")
        Boolean ended;

        @JsonProperty("modality")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> modality;

        @JsonProperty("accordingTo")
        String accordingTo;

        @JsonProperty("attribution")
        String attribution;

        @JsonProperty("rank")
        String rank;

        @JsonProperty("rankReason")
        String rankReason;

        String subject() {
            return subject;
        }

        String predicate() {
            return predicate;
        }

        String object() {
            return object;
        }

        String value() {
            return value;
        }

        String quote() {
            return quote;
        }

        Integer occurrence() {
            return occurrence;
        }

        String characterization() {
            return characterization;
        }

        String date() {
            return date;
        }
    }
}
