package org.alliancekg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancekg.extract.Reference.How;
import org.alliancekg.extract.SentenceView.CueMatch;
import org.alliancekg.ingest.Entity;
import org.alliancekg.ingest.EntityCatalog;
import org.alliancekg.vocab.ClaimPredicate;
import org.alliancekg.vocab.EntityKind;

/**
 * {@code holdsPosition}: a post right before a name ("U.S. Secretary of Defense Lloyd J. Austin III", "former Prime
 * Minister Shinzo Abe"), a post in apposition ("Lloyd Austin, the U.S. Secretary of Defense"), "served as" a post,
 * and a role at an organization whose post the catalogue has ("is a visiting professor and senior fellow at the
 * National Graduate Institute for Policy Studies" for the posts "Visiting Professor, National Graduate Institute
 * for Policy Studies" and "Senior Fellow, ...").
 */
final class PositionRule implements SuggestionRule {

    private static final Pattern TITLE_GAP = Pattern.compile("\\s*");
    private static final Pattern APPOSITION = Pattern.compile(",\\s+(?:the |a |an )?(?:former |then-)?");

    /** A post described by a role at its actor: "senior fellow" at the Stimson Center. */
    private record Role(Entity position, Entity actor, String words) {
    }

    private final List<Role> roles = new ArrayList<>();

    PositionRule(EntityCatalog catalog) {
        for (Entity p : catalog.entities()) {
            int comma = p.label().indexOf(", ");
            if (p.kind() != EntityKind.POSITION || p.forActor() == null || comma < 0) {
                continue;
            }
            Optional<Entity> actor = catalog.get(p.forActor());
            if (actor.isEmpty()) {
                continue;
            }
            String role = p.label().substring(0, comma);
            for (String n : actor.get().names()) {
                role = role.replace(" of the " + n, "").replace(" of " + n, "").replace(n, "");
            }
            role = role.strip().toLowerCase(Locale.ROOT);
            if (!role.isEmpty()) {
                roles.add(new Role(p, actor.get(), role));
            }
        }
    }

    @Override
    public void apply(SentenceView v, Suggestions out) {
        List<Reference> persons = v.refs(EntityKind.PERSON);
        List<Reference> positions = v.refs(EntityKind.POSITION);
        for (Reference pos : positions) {
            boolean titled = persons.stream().anyMatch(p -> v.gap(pos.span(), p.span(), TITLE_GAP));
            for (Reference person : persons) {
                if (v.gap(pos.span(), person.span(), TITLE_GAP)) {
                    out.add(v, person, ClaimPredicate.holdsPosition, pos, null, "holdsPosition:title", 0.9);
                } else if (!titled && v.gap(person.span(), pos.span(), APPOSITION)) {
                    out.add(v, person, ClaimPredicate.holdsPosition, pos, null, "holdsPosition:apposition", 0.8);
                }
            }
        }
        for (CueMatch cue : v.find(CueLexicon.SERVED_AS)) {
            Optional<Reference> person = SentenceView.lastBefore(persons, cue.span().begin());
            Optional<Reference> pos = positions.stream().filter(p -> p.span().begin() >= cue.span().end())
                    .findFirst();
            if (person.isPresent() && pos.isPresent()) {
                out.add(v, person.get(), ClaimPredicate.holdsPosition, pos.get(), cue, "holdsPosition:served-as",
                        0.75);
            }
        }
        Optional<CueMatch> isA = v.first(CueLexicon.IS_A);
        if (isA.isEmpty()) {
            return;
        }
        Optional<Reference> person = SentenceView.lastBefore(persons, isA.get().span().begin());
        if (person.isEmpty()) {
            return;
        }
        String lower = v.text().toLowerCase(Locale.ROOT);
        for (Role role : roles) {
            boolean actorNamed = v.refs().stream().anyMatch(r -> r.id().equals(role.actor().id()));
            Matcher m = Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(role.words()) + "(?!\\p{L})").matcher(lower);
            if (actorNamed && m.find()) {
                int b = v.sentence().span().begin() + lower.codePointCount(0, m.start());
                Span span = new Span(b, b + lower.codePointCount(m.start(), m.end()));
                Reference post = new Reference(role.position(), span, Offsets.slice(v.body(), span), How.MENTION,
                        null);
                out.add(v, person.get(), ClaimPredicate.holdsPosition, post, isA.get(), "holdsPosition:role", 0.7);
            }
        }
    }
}
