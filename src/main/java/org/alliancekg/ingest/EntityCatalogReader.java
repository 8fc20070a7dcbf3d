package org.alliancekg.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.alliancekg.vocab.Concept;
import org.alliancekg.vocab.EntityKind;
import org.alliancekg.vocab.Unit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the entity catalogue: every {@code *.yaml}, {@code *.yml} or {@code *.json} file of
 * {@code data/entities}, each a mapping {@code entities: [...]}. Unknown fields are refused with line and column;
 * the id's kind must match the type; ids must be unique across files.
 *
 * <pre>{@code
 * EntityCatalog catalog = new EntityCatalogReader(layout).readAll();
 * }</pre>
 */
public final class EntityCatalogReader {

    private final ProjectLayout layout;
    private final BiConsumer<Path, byte[]> onRead;

    /** A reader for the catalogue of this project. */
    public EntityCatalogReader(ProjectLayout layout) {
        this(layout, TextFiles.NOTHING);
    }

    /**
     * A reader for the catalogue of this project that gives {@code onRead} the bytes of each file it reads (so that
     * a build can fingerprint its inputs without reading them twice).
     */
    public EntityCatalogReader(ProjectLayout layout, BiConsumer<Path, byte[]> onRead) {
        this.layout = layout;
        this.onRead = onRead;
    }

    /** Reads every catalogue file; all problems of all files are reported together. */
    public EntityCatalog readAll() {
        Problems problems = new Problems();
        List<Entity> all = new ArrayList<>();
        for (Path file : files()) {
            List<Entity> es = problems.collect(() -> read(file));
            if (es != null) {
                all.addAll(es);
            }
        }
        problems.throwIfAny();
        return new EntityCatalog(all);
    }

    /** The catalogue files, sorted. */
    public List<Path> files() {
        Path dir = layout.entitiesDir();
        if (!Files.isDirectory(dir)) {
            throw new InputException(new Problem(layout.display(dir), 0, null, ProjectLayout.MISSING_DIRECTORY));
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && StructuredInput.forFile(p) != null).sorted().toList();
        } catch (IOException e) {
            throw new InputException(new Problem(layout.display(dir), 0, null, "cannot list: " + e), e);
        }
    }

    /** Reads one catalogue file. */
    public List<Entity> read(Path file) {
        String shown = layout.display(file);
        ObjectMapper mapper = StructuredInput.forFile(file);
        if (mapper == null) {
            throw new InputException(new Problem(shown, 0, null, "not a .yaml, .yml or .json file"));
        }
        String text = TextFiles.readUtf8(file, shown, onRead);
        StructuredInput.scan(mapper, text, shown, 0);
        Problems problems = new Problems();
        List<Entity> entities = new ArrayList<>();
        StructuredInput.readListDocument(mapper, text, shown, "entities", Set.of(), (p, at) -> {
            java.util.Map<String, Integer> lines = new java.util.HashMap<>();
            EntityFields f = StructuredInput.bindElement(mapper, p, EntityFields.class, at, 0, problems, lines);
            Source src = at.withFieldLines(lines);
            if (f == null) {
                if (p.currentToken() != null && p.currentToken().isScalarValue()) {
                    problems.add(src.problem(null, "must be a mapping with id, type, label"));
                }
                return;
            }
            EntityKind kind = null;
            if (f.type() != null) {
                kind = EntityKind.fromClassName(f.type()).orElse(null);
                if (kind == null) {
                    problems.add(src.problem("type", "unknown type '" + f.type() + "'; known: "
                            + String.join(", ", Stream.of(EntityKind.values()).map(EntityKind::className).toList())));
                    return;
                }
            }
            EntityKind k = kind;
            Entity.Measure measure = measure(f, src, problems);
            if (measure == null && (f.value != null || f.unit != null || f.measures != null)) {
                return;
            }
            PartialDate issued = null;
            if (f.issued() != null) {
                try {
                    issued = PartialDate.parse(f.issued());
                } catch (InputException bad) {
                    bad.problems().forEach(pr -> problems.add(src.problem("issued", pr.rule())));
                    return;
                }
            }
            PartialDate when = issued;
            Entity e = problems.collect(() -> new Entity(src, f.id(), k, f.label(), f.aliases(), f.wikidata(),
                    f.comment(), f.forActor(), f.country(), when, measure,
                    f.retired == null && f.replacedBy == null ? null : new Entity.Retirement(f.retired, f.replacedBy),
                    f.related));
            if (e != null) {
                entities.add(e);
            }
        }, problems);
        problems.throwIfAny();
        return List.copyOf(entities);
    }

    /** The value, unit and measures of a Quantity as written; null (with problems added) when absent or faulty. */
    private static Entity.Measure measure(EntityFields f, Source src, Problems problems) {
        if (f.value == null && f.unit == null && f.measures == null) {
            return null;
        }
        int before = problems.size();
        java.math.BigDecimal value = null;
        if (f.value == null) {
            problems.add(src.problem("value", "required with unit and measures: a decimal number"));
        } else {
            try {
                value = new java.math.BigDecimal(f.value.strip());
            } catch (NumberFormatException e) {
                problems.add(src.problem("value", "'" + f.value + "' is not a decimal number"));
            }
        }
        Unit unit = null;
        if (f.unit == null) {
            problems.add(src.problem("unit", "required with value; one of " + Concept.notations(Unit.class)));
        } else {
            unit = Concept.fromNotation(Unit.class, f.unit).orElse(null);
            if (unit == null) {
                problems.add(src.problem("unit", "unknown unit '" + f.unit + "'; one of "
                        + Concept.notations(Unit.class)));
            }
        }
        if (f.measures == null || f.measures.isBlank()) {
            problems.add(src.problem("measures", "required with value: what the quantity measures, in words"));
        }
        return problems.size() > before ? null : new Entity.Measure(value, unit, f.measures.strip());
    }

    /** One entity as written. */
    /** As written; public fields bound by Jackson (a plain bean, so unknown fields are reported where they stand). */
    static final class EntityFields {
        @JsonProperty("id")
        String id;

        @JsonProperty("type")
        String type;

        @JsonProperty("label")
        String label;

        @JsonProperty("aliases")
        List<String> aliases;

        @JsonProperty("wikidata")
        String wikidata;

        @JsonProperty("comment")
        String comment;

        @JsonProperty("forActor")
        String forActor;

        @JsonProperty("value")
        String value;

        @JsonProperty("unit")
        String unit;

        @JsonProperty("measures")
        String measures;

        @JsonProperty("related")
        List<String> related;

        @JsonProperty("retired")
        String retired;

        @JsonProperty("replacedBy")
        String replacedBy;

        @JsonProperty("country")
        String country;

        @JsonProperty("issued")
        String issued;

        String id() {
            return id;
        }

        String type() {
            return type;
        }

        String label() {
            return label;
        }

        List<String> aliases() {
            return aliases;
        }

        String wikidata() {
            return wikidata;
        }

        String comment() {
            return comment;
        }

        String forActor() {
            return forActor;
        }

        String country() {
            return country;
        }

        String issued() {
            return issued;
        }
    }
}
