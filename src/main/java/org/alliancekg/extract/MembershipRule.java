package org.alliancekg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancekg.extract.Reference.How;
import org.alliancekg.extract.SentenceView.CueMatch;
import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.EntityKind;

/**
 * Relations between actors. {@code memberOf}: the states of a sentence with an alliance and a membership cue ("The
 * Quad comprising the U.S., Japan, India and Australia", "Tokyo is a member of the Quadrilateral Security
 * Dialogue"), and the states an alliance's name is made of ("US-Japan alliance"). {@code cooperatesWith}: the actor
 * before a cooperation cue with each state after a following "with" ("Japan has also increased security cooperation
 * with Australia, the United Kingdom and India"), states joined by "and" before the cue ("Washington and Tokyo are
 * strengthening their intelligence sharing", exactly two states), and, weakly, the states of a bilateral alliance's
 * name. A state right after "with" is an object, never the subject of a later cue.
 */
final class MembershipRule implements SuggestionRule {

    private static final Pattern WITH = Pattern.compile("\\bwith\\b");

    private static final Pattern AFTER_WITH = Pattern.compile("(?s).*\\bwith\\s+(?:the\\s+)?$");

    private final MentionFinder states;
    private final Map<String, List<Entity>> namedStates = new ConcurrentHashMap<>();

    MembershipRule(EntityCatalog catalog) {
        this.states = new MentionFinder(new EntityCatalog(catalog.entities().stream()
                .filter(e -> e.kind() == EntityKind.STATE).toList()));
    }

    @Override
    public void apply(SentenceView v, Suggestions out) {
        List<Reference> states = v.refs(EntityKind.STATE);
        List<Reference> alliances = v.refs(EntityKind.ALLIANCE);
        Optional<CueMatch> member = v.first(CueLexicon.MEMBER);
        for (Reference al : alliances) {
            if (member.isPresent()) {
                for (Reference s : states) {
                    if (!al.span().overlaps(s.span())) {
                        out.add(v, s, ClaimPredicate.memberOf, al, member.get(), "memberOf:cue", 0.7);
                    }
                }
            }
            if (al.how() == How.MENTION) {
                List<Entity> named = statesNamedIn(al.text());
                for (Entity s : named) {
                    out.add(v, new Reference(s, al.span(), al.text(), How.MENTION, null), ClaimPredicate.memberOf, al,
                            null, "memberOf:name", 0.5);
                }
                if (named.size() == 2) {
                    out.add(v, new Reference(named.get(0), al.span(), al.text(), How.MENTION, null),
                            ClaimPredicate.cooperatesWith,
                            new Reference(named.get(1), al.span(), al.text(), How.MENTION, null), null,
                            "cooperatesWith:alliance-name", 0.4);
                }
            }
        }
        for (CueMatch cue : v.find(CueLexicon.COOPERATE)) {
            cooperation(v, states, cue, out);
        }
    }

    private void cooperation(SentenceView v, List<Reference> states, CueMatch cue, Suggestions out) {
        List<Reference> subjects = states.stream()
                .filter(s -> !AFTER_WITH.matcher(v.before(s.span().begin())).matches()).toList();
        Optional<Reference> subject = SentenceView.lastBefore(subjects, cue.span().begin());
        if (subject.isEmpty()) {
            return;
        }
        String text = v.text();
        Matcher m = WITH.matcher(text);
        int cueEnd = cue.span().end() - v.sentence().span().begin();
        int withAt = -1;
        while (m.find()) {
            int cp = text.codePointCount(0, m.start());
            if (cp >= cueEnd && cp - cueEnd <= 40) {
                withAt = v.sentence().span().begin() + cp;
                break;
            }
        }
        if (withAt >= 0) {
            int from = withAt;
            List<Reference> objects = states.stream().filter(s -> s.span().begin() > from).toList();
            for (Reference o : objects) {
                out.add(v, subject.get(), ClaimPredicate.cooperatesWith, o, cue, "cooperatesWith:with", 0.7);
            }
            return;
        }
        List<Reference> before = new ArrayList<>();
        for (Reference s : states) {
            if (s.span().end() <= cue.span().begin()) {
                before.add(s);
            }
        }
        if (before.size() == 2 && v.between(before.get(0).span(), before.get(1).span()).strip().equals("and")) {
            out.add(v, before.get(0), ClaimPredicate.cooperatesWith, before.get(1), cue, "cooperatesWith:and", 0.55);
        }
    }

    private List<Entity> statesNamedIn(String name) {
        return namedStates.computeIfAbsent(name, n -> states.find(n, List.of()).stream().map(Mention::entity)
                .filter(e -> e.kind() == EntityKind.STATE).distinct().toList());
    }
}
