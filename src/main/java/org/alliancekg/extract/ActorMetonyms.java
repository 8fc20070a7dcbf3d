package org.alliancekg.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.vocab.EntityKind;

/**
 * Words that stand for a state without naming it: capitals used for their governments ("Tokyo is a member of
 * the Quad") and demonyms ("their Japanese counterparts"). Only pairs whose state (and, for a capital, whose
 * place) is in the catalogue are used; the suggester gives such references a lower weight.
 */
final class ActorMetonyms {

    /** Capital (label of a catalogue place) to state id. */
    private static final Map<String, String> CAPITALS = Map.ofEntries(
            Map.entry("Tokyo", "state/japan"), Map.entry("Washington", "state/united-states"),
            Map.entry("Washington, D.C.", "state/united-states"), Map.entry("Beijing", "state/china"),
            Map.entry("Moscow", "state/russia"), Map.entry("Pyongyang", "state/north-korea"),
            Map.entry("Seoul", "state/south-korea"), Map.entry("Canberra", "state/australia"),
            Map.entry("New Delhi", "state/india"), Map.entry("Manila", "state/philippines"),
            Map.entry("Hanoi", "state/vietnam"), Map.entry("Kyiv", "state/ukraine"),
            Map.entry("London", "state/united-kingdom"));

    /** Demonym to state id. */
    private static final Map<String, String> DEMONYMS = Map.ofEntries(
            Map.entry("Japanese", "state/japan"), Map.entry("American", "state/united-states"),
            Map.entry("Chinese", "state/china"), Map.entry("Russian", "state/russia"),
            Map.entry("North Korean", "state/north-korea"), Map.entry("South Korean", "state/south-korea"),
            Map.entry("Australian", "state/australia"), Map.entry("Indian", "state/india"),
            Map.entry("British", "state/united-kingdom"), Map.entry("Filipino", "state/philippines"),
            Map.entry("Philippine", "state/philippines"), Map.entry("Vietnamese", "state/vietnam"),
            Map.entry("Ukrainian", "state/ukraine"));

    private final EntityCatalog catalog;

    ActorMetonyms(EntityCatalog catalog) {
        this.catalog = catalog;
    }

    /** The state a place stands for when it is a capital, if both are in the catalogue. */
    Optional<Entity> stateOfCapital(Entity place) {
        if (place.kind() != EntityKind.PLACE) {
            return Optional.empty();
        }
        String state = CAPITALS.get(place.label());
        if (state == null) {
            for (String alias : place.aliases()) {
                state = state != null ? state : CAPITALS.get(alias);
            }
        }
        return state == null ? Optional.empty() : catalog.get(state);
    }

    /** Demonyms whose state is in the catalogue, to the state. */
    Map<String, Entity> demonyms() {
        Map<String, Entity> out = new HashMap<>();
        DEMONYMS.forEach((word, id) -> catalog.get(id).ifPresent(e -> out.put(word, e)));
        return out;
    }
}
