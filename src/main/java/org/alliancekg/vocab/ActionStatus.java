package org.alliancekg.vocab;

/** The status of a decision ({@code akg:status}), as schema.org's ActionStatusType. */
public enum ActionStatus implements Concept {
    ANNOUNCED("announced", "StatusAnnounced"),
    UNDER_WAY("underWay", "StatusUnderWay"),
    DONE("done", "StatusDone"),
    ABANDONED("abandoned", "StatusAbandoned");

    private final Id id;

    ActionStatus(String notation, String localName) {
        this.id = new Id(notation, localName);
    }

    @Override
    public Id id() {
        return id;
    }
}
