package org.alliancekg.vocab;

/** The rank of a claim ({@code akg:rank}), as Wikidata ranks statements. */
public enum Rank implements Concept {
    PREFERRED("preferred", "PreferredRank"),
    NORMAL("normal", "NormalRank"),
    DEPRECATED("deprecated", "DeprecatedRank");

    private final String notation;
    private final String localName;

    Rank(String notation, String localName) {
        this.notation = notation;
        this.localName = localName;
    }

    @Override
    public String notation() {
        return notation;
    }

    @Override
    public String localName() {
        return localName;
    }
}
