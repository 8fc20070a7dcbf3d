package org.alliancekg.bench;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.ingest.PartialDate;

/**
 * The sentence shapes of the synthetic corpus: a clause per claim predicate (the clause is the claim's quote),
 * sentence openers and tails around it, and filler sentences that name catalogue entities (for mentions), in
 * the register of the five seed articles (news analysis of alliance meetings, strategy documents and threats).
 */
final class SentenceShapes {

    private final Map<String, List<Entity>> byKind = new HashMap<>();

    SentenceShapes(EntityCatalog catalog) {
        for (Entity e : catalog.entities()) {
            byKind.computeIfAbsent(e.kind().segment(), k -> new ArrayList<>()).add(e);
        }
    }

    /** Openers before a claim clause; the empty one only when the clause starts with a capital. */
    private static final List<String> OPENERS = List.of("", "", "", "In short, ", "Officials confirmed that ",
            "As the record shows, ", "Meanwhile, ", "By most accounts, ", "It is worth recalling that ",
            "Put simply, ");

    /** Tails after a claim clause, before the full stop. */
    private static final List<String> TAILS = List.of("", "", "", ", according to officials",
            ", a point the text makes plainly", ", as the statement puts it", ", which few observers expected",
            ", in line with earlier reporting", ", and the allies took note");

    /**
     * Filler sentences; {@code {kind}} slots are filled with a name of a random entity of that kind (segment of
     * the entity id: state, person, organization, alliance, document, capability, meeting, series, threat, place).
     */
    private static final List<String> FILLERS = List.of(
            "Analysts in {place} expect {state} to keep a close watch on {threat}.",
            "{person} has argued that {capability} matters for {alliance}.",
            "Debate over {document} continued in {place} and beyond.",
            "Diplomats from {state} and {state} met on the sidelines to discuss {threat}.",
            "Discussion among {organization} researchers focused on {capability} and the waters around {place}.",
            "Few expect {threat} to fade soon, and {state} is adjusting its posture accordingly.",
            "Commentators compared {document} with earlier plans, noting how much the tone has changed.",
            "Some observers in {state} see {alliance} as the main pillar of regional order.",
            "{person} and {person} have both spoken about the balance of power in {place}.",
            "The record of {meeting} remains a reference point for planners on both sides.",
            "Budget debates in {state} will shape how quickly {capability} can be fielded.",
            "Trade, technology and energy also feature on the agenda, alongside {threat}.",
            "Nothing in the text suggests a change of course by {state} this year.",
            "Readers who follow {series} will recognise the pattern.",
            "Questions remain about how {state} would respond to a crisis near {place}.",
            "The language on {threat} is sharper than in any earlier statement, according to {person}.",
            "Planners at {organization} have studied {document} closely since its release.",
            "Cooperation with {state} is expected to deepen as {alliance} adapts to new pressures.",
            "Much depends on whether {state} can sustain the effort over the coming decade.",
            "Exercises near {place} have become larger and more frequent in recent years.");

    /** A claim clause for a fact, with entity names chosen by {@code name}; the clause is the claim's quote. */
    String clause(Fact f, Function<String, String> name, String articleTitleRef) {
        String s = f.aboutArticle() ? articleTitleRef : name.apply(f.subject());
        String o = f.object() != null ? name.apply(f.object()) : null;
        String clause = switch (f.predicate()) {
            case namesThreat -> s + " named " + o + " as a concern";
            case posedBy -> s + " comes from " + o;
            case participant -> o + " took part in " + s;
            case partOfSeries -> s + " belongs to " + o;
            case location -> s + " was held in " + o;
            case produced -> s + " produced " + o;
            case issuedBy -> s + " was issued by " + o;
            case concernsCapability -> s + " addressed " + o;
            case pursuesCapability -> s + " is pursuing " + o;
            case abandonedCapability -> s + " abandoned " + o;
            case revises -> s + " revises " + o;
            case memberOf -> s + " is a member of " + o;
            case cooperatesWith -> s + " works closely with " + o;
            case holdsPosition -> s + " serves as " + o;
            case host -> s + " was hosted by " + o;
            case date -> s + " is dated " + spell(f.value());
            case endDate -> s + " ran until " + spell(f.value());
            case localDate -> s + " fell on " + spell(f.value()) + " local time";
            case format -> s + " took place in " + f.value() + " format";
            case threatens -> s + " threatens " + o;
            case expressesConcern -> s + " voiced concern about " + o;
            case madeTo -> s + " was promised to " + o;
            case motivatedBy -> s + " was prompted by " + o;
            case hasCapability -> s + " already has " + o;
            case informedBy -> s + " drew on " + o;
            case follows -> s + " follows the line of " + o;
            case promotes -> s + " promotes " + o;
            case tradesWith -> s + " trades heavily with " + o;
            case decidedBy -> s + " was decided by " + o;
            case decidedAt -> s + " was decided at " + o;
            case concerns -> s + " concerns " + o;
            case result -> s + " results in " + o;
            case hasQuantity -> s + " comes to " + o;
            case status -> s + " is " + f.value();
            case duration -> s + " runs for " + f.value();
            case startDate -> s + " began in " + spell(f.value());
        };
        if (f.characterization() != null) {
            clause += ", described as “" + f.characterization() + "”";
        }
        return clause;
    }

    /** A full sentence around a claim clause. */
    String sentence(String clause, SplittableRandom rnd) {
        String opener = pick(OPENERS, rnd);
        if (opener.isEmpty() && !Character.isUpperCase(clause.codePointAt(0))) {
            opener = "Put simply, ";
        }
        return opener + clause + pick(TAILS, rnd) + ".";
    }

    /** A filler sentence naming random entities. */
    String filler(SplittableRandom rnd, Function<String, String> name) {
        String t = pick(FILLERS, rnd);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            int open = t.indexOf('{', i);
            if (open < 0) {
                sb.append(t, i, t.length());
                break;
            }
            int close = t.indexOf('}', open);
            sb.append(t, i, open);
            String kind = t.substring(open + 1, close);
            sb.append(name.apply(randomOf(kind, rnd).id()));
            i = close + 1;
        }
        String s = sb.toString();
        return Character.isUpperCase(s.codePointAt(0)) ? s : "Put simply, " + s;
    }

    private Entity randomOf(String segment, SplittableRandom rnd) {
        List<Entity> of = byKind.get(segment);
        if (of == null) {
            throw new IllegalStateException("the catalogue has no entity of kind " + segment);
        }
        return of.get(rnd.nextInt(of.size()));
    }

    /** A date as an English text: {@code January 6, 2022}, {@code December 2022} or {@code 2022}. */
    static String spell(String lexical) {
        PartialDate d = PartialDate.parse(lexical);
        return switch (d.precision()) {
            case DAY -> {
                LocalDate ld = LocalDate.parse(lexical);
                yield month(ld.getMonth()) + " " + ld.getDayOfMonth() + ", " + ld.getYear();
            }
            case MONTH -> month(Month.of(Integer.parseInt(lexical.substring(5, 7)))) + " " + lexical.substring(0, 4);
            case YEAR -> lexical;
        };
    }

    private static String month(Month m) {
        return m.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    static <T> T pick(List<T> list, SplittableRandom rnd) {
        return list.get(rnd.nextInt(list.size()));
    }
}
