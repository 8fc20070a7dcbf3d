package org.alliancekg.vocab;

/** The status of a decision ({@code akg:status}), as schema.org's ActionStatusType. */
public enum ActionStatus implements Concept {
    ANNOUNCED("announced", "StatusAnnounced"),
    UNDER_WAY("underWay", "StatusUnderWay"),
    DONE("done", "StatusDone"),
    ABANDONED("abandoned", "StatusAbandoned");

    private final String notation;
    private final String localName;

    ActionStatus(String notation, String localName) {
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
