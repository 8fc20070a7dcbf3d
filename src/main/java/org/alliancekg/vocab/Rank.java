package org.alliancekg.vocab;

/** The rank of a claim ({@code akg:rank}), as Wikidata ranks statements. */
public enum Rank implements Concept {
    PREFERRED("preferred", "PreferredRank"),
    NORMAL("normal", "NormalRank"),
    DEPRECATED("deprecated", "DeprecatedRank");

    private final Id id;

    Rank(String notation, String localName) {
        this.id = new Id(notation, localName);
    }

    @Override
    public Id id() {
        return id;
    }
}
