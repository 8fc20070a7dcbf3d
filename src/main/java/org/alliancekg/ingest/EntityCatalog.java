package org.alliancekg.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entity catalogue: every individual of {@code data/entities}, by id and by name (label or alias).
 * Constructing it refuses duplicate ids and {@code forActor} or {@code country} references to unknown entities.
 */
public final class EntityCatalog {

    private final Map<String, Entity> byId;
    private final Map<String, List<Entity>> byName;

    /** A catalogue of these entities; throws {@link InputException} for duplicates and dangling references. */
    public EntityCatalog(List<Entity> entities) {
        Problems problems = new Problems();
        Map<String, Entity> ids = new LinkedHashMap<>();
        for (Entity e : entities) {
            Entity first = ids.putIfAbsent(e.id(), e);
            if (first != null) {
                problems.add(e.source().problem("id", "duplicate id '" + e.id() + "': already defined at "
                        + first.source().file() + ":" + first.source().line()));
            }
        }
        for (Entity e : ids.values()) {
            if (e.forActor() != null && !ids.containsKey(e.forActor())) {
                problems.add(e.source().problem("forActor", "'" + e.forActor() + "' is not in the catalogue"));
            }
            if (e.isRetired() && e.retirement().replacedBy() != null && !ids.containsKey(e.retirement().replacedBy())) {
                problems.add(e.source().problem("replacedBy", "'" + e.retirement().replacedBy()
                        + "' is not in the catalogue"));
            }
            for (String r : e.related()) {
                if (!ids.containsKey(r)) {
                    problems.add(e.source().problem("related", "'" + r + "' is not in the catalogue"));
                }
            }
            if (e.country() != null && !ids.containsKey(e.country())) {
                problems.add(e.source().problem("country", "'" + e.country() + "' is not in the catalogue"));
            }
        }
        problems.throwIfAny();
        Map<String, List<Entity>> names = new LinkedHashMap<>();
        for (Entity e : ids.values()) {
            if (e.isRetired()) {
                continue;
            }
            for (String n : e.names()) {
                List<Entity> list = names.computeIfAbsent(n, k -> new ArrayList<>());
                if (!list.contains(e)) {
                    list.add(e);
                }
            }
        }
        names.replaceAll((k, v) -> List.copyOf(v));
        this.byId = Collections.unmodifiableMap(ids);
        this.byName = Collections.unmodifiableMap(names);
    }

    /** Every entity, in file order. */
    public List<Entity> entities() {
        return List.copyOf(byId.values());
    }

    /** Number of entities. */
    public int size() {
        return byId.size();
    }

    /** The entity with this id. */
    public Optional<Entity> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Whether the id is in the catalogue. */
    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Entities whose label or an alias is exactly this name (case-sensitive). */
    public List<Entity> byName(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** Every name (label or alias) with the entities it names; retired entities have no names here. */
    public Map<String, List<Entity>> names() {
        return byName;
    }

    /** Names shared by more than one entity. */
    public Map<String, List<Entity>> ambiguousNames() {
        Map<String, List<Entity>> m = new LinkedHashMap<>();
        byName.forEach((n, list) -> {
            if (list.size() > 1) {
                m.put(n, list);
            }
        });
        return m;
    }
}
