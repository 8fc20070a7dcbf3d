package org.alliancekg.extract;

/**
 * The cue phrases of the suggestion rules, one constant per signal. Word stems end in {@code \p{L}*} so that
 * "revis" matches "revise", "revised" and "revision".
 */
public final class CueLexicon {

    private static final String W = "\\p{L}*";

    /** A meeting took place or a person took part in it. */
    public static final Cue MEET = Cue.of("met", "met|meet" + W + "|talks|summit|held|took place|convened|attend" + W
            + "|participat" + W + "|took part|joined|counterparts?|during the (?:meeting|talks|summit|conference"
            + "|dialogue)");
    /** An actor hosted a meeting. */
    public static final Cue HOST = Cue.of("hosted", "host(?:ed|s|ing)?");
    /** An actor visited another. */
    public static final Cue VISIT = Cue.of("visited", "visit(?:ed|s|ing)?");
    /** A meeting held without travel. */
    public static final Cue VIRTUAL = Cue.of("virtual", "virtual(?:ly)?|online|video ?conference|by video");
    /** Where a meeting was. */
    public static final Cue LOCATION = Cue.of("location", "location|held in|took place in|venue");
    /** A document was issued, published or established. */
    public static final Cue ISSUE = Cue.of("issued", "issu" + W + "|publish" + W + "|publication|releas" + W
            + "|adopt" + W + "|establish" + W + "|announc" + W + "|complet" + W + "|draft" + W + "|promot" + W
            + "|unveil" + W + "|approv" + W + "|put forth|produc" + W + "|set out");
    /** A threat or challenge is named. */
    public static final Cue THREAT = Cue.of("threat", "threat" + W + "|challeng" + W + "|identif" + W
            + "|nam(?:e|es|ed|ing)|mention" + W + "|reference|acknowledg" + W + "|concern" + W + "|danger" + W
            + "|risk" + W + "|menace|pos(?:e|es|ed|ing)|cit(?:e|es|ed|ing)|describ" + W + "|provocation" + W
            + "|aggression|invasion");
    /** A threat is posed by someone. */
    public static final Cue POSE = Cue.of("pose", "pos(?:e|es|ed|ing)");
    /** Two lists paired in order. */
    public static final Cue RESPECTIVELY = Cue.of("respectively", "respectively");
    /** An actor seeks a capability. */
    public static final Cue PURSUE = Cue.of("acquire", "acquir" + W + "|acquisition|develop" + W + "|pursu" + W
            + "|seek" + W + "|sought|call" + W + " for|call for|intention|intend" + W + "|ambition|strengthen" + W
            + "|build" + W + "|possess" + W + "|introduc" + W + "|obtain" + W + "|enhanc" + W + "|deploy" + W
            + "|procur" + W + "|field" + W + "|expand" + W + "|bolster" + W + "|invest" + W);
    /** An actor gave a capability up. */
    public static final Cue ABANDON = Cue.of("abandon", "abandon" + W + "|gave up|give up|giving up|scrap" + W
            + "|cancel" + W + "|suspend" + W + "|halt" + W);
    /** A document or meeting deals with a capability (also "agreed to", "welcomed", "resolved to enhance"). */
    public static final Cue CONCERN = Cue.of("co-production", "co-?production|co-?develop" + W + "|capabilit" + W
            + "|develop" + W + "|acquir" + W + "|mention" + W + "|intention|propos" + W + "|call" + W + " for"
            + "|enhanc" + W + "|moderni[sz]" + W + "|announc" + W + "|welcom" + W + "|resolv" + W + "|decision"
            + "|decid" + W + "|agre" + W + "|discuss" + W + "|address" + W + "|strengthen" + W + "|put forth");
    /** A document revises another. */
    public static final Cue REVISE = Cue.of("revis", "revis" + W + "|replac" + W + "|renew" + W + "|updat" + W
            + "|supersed" + W + "|amend" + W + "|overhaul" + W);
    /** An actor belongs to an alliance. */
    public static final Cue MEMBER = Cue.of("member of", "member" + W + "|compris" + W + "|consist" + W + " of"
            + "|alongside|join" + W + "|part of");
    /** Two actors cooperate. */
    public static final Cue COOPERATE = Cue.of("cooperation", "co-?operat" + W + "|collaborat" + W + "|partner" + W
            + "|ties|relations" + W + "|coordinat" + W + "|work" + W + " (?:together|with)|allies|friends");
    /** A person held a post. */
    public static final Cue SERVED_AS = Cue.of("served as", "(?:served|serves|serving|appointed|named) as"
            + "|became|was appointed");
    /** A person is described by a post. */
    public static final Cue IS_A = Cue.of("is a", "(?:is|was|are|were) (?:a|an|the)|served as|serves as");

    private CueLexicon() {
    }
}
