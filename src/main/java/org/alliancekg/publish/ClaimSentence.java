package org.alliancekg.publish;

import java.util.List;
import java.util.Map;

import org.alliancekg.vocab.AKG;

/**
 * A claim as the sentence it makes, for the claim page's title: "Japan pursues counterstrike capability (planned),
 * according to 001 (Asia Times, 2023)". The verb of each akg property is written here; a property without one reads
 * "subject — property label — object".
 *
 * <pre>{@code
 * ClaimSentence.statement(AKG.NS + "pursuesCapability", "Japan", "pursues capability", "counterstrike capability");
 * // "Japan pursues counterstrike capability"
 * }</pre>
 */
final class ClaimSentence {

    /** The sentence of each akg property, {@code {s}} and {@code {o}} standing for the subject and object labels. */
    private static final Map<String, String> VERBS = Map.ofEntries(
            Map.entry("namesThreat", "{s} names the threat of {o}"),
            Map.entry("expressesConcern", "{s} expresses concern about {o}"),
            Map.entry("posedBy", "{s} is posed by {o}"),
            Map.entry("threatens", "{s} threatens {o}"),
            Map.entry("participant", "{o} takes part in {s}"),
            Map.entry("partOfSeries", "{s} is part of {o}"),
            Map.entry("location", "{s} takes place in {o}"),
            Map.entry("produced", "{s} produces {o}"),
            Map.entry("issuedBy", "{s} is issued by {o}"),
            Map.entry("concernsCapability", "{s} concerns {o}"),
            Map.entry("pursuesCapability", "{s} pursues {o}"),
            Map.entry("hasCapability", "{s} has {o}"),
            Map.entry("abandonedCapability", "{s} abandoned {o}"),
            Map.entry("revises", "{s} revises {o}"),
            Map.entry("informedBy", "{s} is informed by {o}"),
            Map.entry("follows", "{s} follows {o}"),
            Map.entry("promotes", "{s} promotes {o}"),
            Map.entry("memberOf", "{s} is a member of {o}"),
            Map.entry("cooperatesWith", "{s} cooperates with {o}"),
            Map.entry("tradesWith", "{s} trades with {o}"),
            Map.entry("holdsPosition", "{s} holds the post of {o}"),
            Map.entry("host", "{o} hosts {s}"),
            Map.entry("decidedBy", "{s} is decided by {o}"),
            Map.entry("decidedAt", "{s} is decided at {o}"),
            Map.entry("madeTo", "{s} is made to {o}"),
            Map.entry("motivatedBy", "{s} is motivated by {o}"),
            Map.entry("concerns", "{s} concerns {o}"),
            Map.entry("result", "{s} results in {o}"),
            Map.entry("hasQuantity", "{s} amounts to {o}"),
            Map.entry("status", "{s} is {o}"),
            Map.entry("duration", "{s} lasts {o}"),
            Map.entry("date", "{s} is dated {o}"),
            Map.entry("startDate", "{s} starts in {o}"),
            Map.entry("endDate", "{s} ends in {o}"),
            Map.entry("localDate", "{s} takes place on {o} (local date)"),
            Map.entry("format", "{s} is held in the format {o}"),
            Map.entry("mentions", "{s} mentions {o}"));

    private ClaimSentence() {
    }

    /** The statement: the property's sentence with the labels, or "s — property — o". */
    static String statement(String predicateIri, String subject, String predicateLabel, String object) {
        String pattern = predicateIri.startsWith(AKG.NS) ? VERBS.get(predicateIri.substring(AKG.NS.length())) : null;
        if (pattern == null) {
            return subject + " — " + predicateLabel + " — " + object;
        }
        return pattern.replace("{s}", subject).replace("{o}", object);
    }

    /**
     * The whole title.
     *
     * @param statement   {@link #statement}
     * @param modalities  the labels of the claim's modalities other than "stated"
     * @param accordingTo the party the article attributes the claim to, or null
     * @param source      the article as "003 (PacNet, 2020)", or null
     * @param deprecated  whether the claim's rank is deprecated
     */
    static String title(String statement, List<String> modalities, String accordingTo, String source,
                        boolean deprecated) {
        StringBuilder t = new StringBuilder();
        if (deprecated) {
            t.append("Deprecated: ");
        }
        t.append(statement);
        if (!modalities.isEmpty()) {
            t.append(" (").append(String.join(", ", modalities)).append(')');
        }
        if (accordingTo != null && source != null) {
            t.append(", according to ").append(accordingTo).append(" in ").append(source);
        } else if (accordingTo != null || source != null) {
            t.append(", according to ").append(accordingTo != null ? accordingTo : source);
        }
        return t.toString();
    }

    /** "003 (PacNet, 2020)": the article's number (the start of its id), else its title; publisher and year. */
    static String source(String articleId, String title, String publisher, String date) {
        String name = articleId != null && articleId.matches("\\d+-.*") ? articleId.substring(0, articleId.indexOf('-'))
                : title;
        String year = date != null && date.length() >= 4 ? date.substring(0, 4) : null;
        String in = publisher == null ? year : year == null ? publisher : publisher + ", " + year;
        return in == null ? name : name + " (" + in + ")";
    }
}
