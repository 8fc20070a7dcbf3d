package org.alliancekg.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancekg.ingest.EntityCatalog;

/**
 * Finds names in a text that match no label or alias of the catalogue — candidates for new entities, with counts,
 * offsets and a guess at their kind — by a capitalised-phrase rule with a stop list.
 *
 * <p>A phrase is a run of capitalised words, possibly joined by "of", "for", "on", "the" (after "of"/"for"), "de",
 * "von", "van" or "&amp;", within one line and without punctuation between the words; a possessive ("Japan’s")
 * ends it. Leading titles ("President", "Prime Minister"), demonyms ("Japanese"), sentence openers ("The",
 * "However") and months are stripped, and so is a known post before a name ("U.S. Secretary of Defense Pete
 * Hegseth" gives "Pete Hegseth", a person). A phrase is dropped when every remaining word lies inside a known mention
 * (so "U.S. Indo-Pacific Command" stays, "U.S. Secretary of Defense Lloyd J. Austin III" goes), when it is itself a
 * known name (ignoring case), or — for a single word — when the text also uses it in lower case (a common noun),
 * or when it opens its sentence and never appears capitalised elsewhere ("Reportedly", "Changes"). Headings (lines of mostly capitalised
 * words without a full stop), short captions and menus (lines under four words without a full stop), and
 * {@code **field labels**} are skipped.
 *
 * <pre>{@code
 * List<Candidate> c = new CandidateEntityFinder(catalog).find(body, sentences, mentions);
 * }</pre>
 */
public final class CandidateEntityFinder {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}’'.&-]*");
    private static final Pattern BOLD = Pattern.compile("\\*\\*[^*\\n]+\\*\\*");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}’'-]*");

    private static final Set<String> CONNECTORS = Set.of("of", "for", "on", "de", "von", "van", "da", "del", "&");
    private static final Set<String> TITLES = Set.of("President", "Prime", "Minister", "Ministers", "Secretary",
            "Secretaries", "General", "Ambassador", "Mr.", "Ms.", "Mrs.", "Dr.", "Professor", "Prof.", "Senator",
            "Governor", "Chancellor", "Admiral", "Commander", "Chairman", "Chairwoman", "Chair", "King", "Queen",
            "Emperor", "Premier", "Vice", "Deputy", "Former", "Director", "Chief",
            "Lt.", "Gen.", "Adm.", "Col.", "Capt.", "Sen.", "Rep.");
    /** Words that make a title of the title after them ("Defense Minister"). */
    private static final Set<String> TITLE_MODIFIERS = Set.of("Defense", "Defence", "Foreign", "Finance", "Trade",
            "Home", "Interior", "State", "Army", "Navy", "Air", "Chief", "Executive", "Senior", "Special");
    private static final Set<String> DEMONYMS = Set.of("Japanese", "American", "Chinese", "Korean", "Russian",
            "Australian", "Indian", "British", "European", "Asian", "Filipino", "Philippine", "Vietnamese",
            "Ukrainian", "Taiwanese", "French", "German", "Western", "Eastern", "Northern", "Southern", "Pacific",
            "Atlantic", "Allied", "Democratic", "Republican", "Soviet");
    private static final Set<String> STOP = Set.of("The", "A", "An", "This", "That", "These", "Those", "It", "Its",
            "In", "On", "At", "As", "But", "And", "Or", "Nor", "However", "Moreover", "Furthermore", "Meanwhile",
            "Nevertheless", "Although", "Though", "While", "When", "Where", "Since", "After", "Before", "If", "By",
            "To", "From", "For", "With", "Without", "What", "Why", "How", "Who", "Which", "Both", "Each", "Many",
            "Most", "Some", "Such", "Several", "Other", "Another", "One", "Two", "Three", "Four", "First", "Second",
            "Third", "Finally", "Also", "Yet", "So", "Thus", "Therefore", "Then", "Now", "Today", "Here", "There",
            "I", "We", "You", "He", "She", "They", "Our", "His", "Her", "Their", "Not", "No", "Yes", "All", "Any",
            "Even", "Just", "Only", "Still", "Indeed", "Instead", "According", "Additionally", "Reportedly",
            "Recently", "Initially", "Over", "Under", "During", "Given", "Alongside", "Beyond", "Having",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December", "GDP", "Click", "Subscribe", "Read", "Share", "Keywords", "Abstract",
            "Authors", "Author");
    private static final Set<String> ORGANIZATION_WORDS = Set.of("Ministry", "Agency", "Department", "Institute",
            "Center", "Centre", "Council", "Command", "Forces", "Force", "Guard", "University", "Program",
            "Programme", "Foundation", "Corporation", "Company", "Bank", "Times", "Post", "News", "Office",
            "Committee", "Commission", "Party", "Navy", "Army", "Headquarters", "Association", "Administration",
            "Government", "Group", "Fund", "Organization", "Organisation", "Union", "Parliament", "Diet", "Cabinet",
            "Service", "Corps", "School", "College", "Society", "Network", "Industries", "Inc.", "Ltd.", "Bureau",
            "Secretariat", "Staff", "Fleet", "Wing", "Brigade", "Division", "Academy", "Forum", "Initiative");
    private static final Set<String> PLACE_WORDS = Set.of("Sea", "Strait", "Island", "Islands", "Peninsula",
            "Province", "Prefecture", "City", "Bay", "Ocean", "River", "Mountains", "Gulf", "Channel", "Base",
            "Region", "Airport", "Port", "Harbor", "Harbour", "Straits", "Archipelago");
    private static final Set<String> SYSTEM_WORDS = Set.of("Missile", "Missiles", "System", "Systems", "Radar",
            "Aegis", "Tomahawk", "Fighter", "Fighters", "Destroyer", "Destroyers", "Submarine", "Submarines",
            "Carrier", "Satellite", "Satellites", "Drone", "Drones", "Jet", "Jets", "Interceptor", "Interceptors");
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "to", "from", "near", "at", "across", "on");

    private final Set<String> knownNames;

    /** A finder that leaves out every label and alias of the catalogue. */
    public CandidateEntityFinder(EntityCatalog catalog) {
        Set<String> names = new HashSet<>();
        catalog.names().keySet().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
        this.knownNames = Set.copyOf(names);
    }

    private record Token(String text, int begin, int end, boolean possessive) {
        boolean capitalised() {
            return Character.isUpperCase(text.codePointAt(0));
        }
    }

    private record Phrase(List<Token> tokens, boolean sentenceInitial, boolean titled, String before) {
    }

    /**
     * The candidates, most frequent first (then by first occurrence).
     *
     * @param text      the article body
     * @param sentences its sentences (to tell sentence-initial words)
     * @param mentions  the known mentions (their words are not candidates)
     */
    public List<Candidate> find(String text, List<Sentence> sentences, List<Mention> mentions) {
        boolean[] covered = new boolean[text.length()];
        boolean[] posts = new boolean[text.length()];
        for (Mention m : mentions) {
            int b = Offsets.toUtf16(text, m.span().begin());
            int e = Offsets.toUtf16(text, m.span().end());
            mark(covered, b, e);
            if (m.resolved() && m.entity().kind() == org.alliancekg.vocab.EntityKind.POSITION) {
                mark(posts, b, e);
            }
        }
        boolean[] skipped = new boolean[text.length()];
        Matcher bold = BOLD.matcher(text);
        while (bold.find()) {
            mark(skipped, bold.start(), bold.end());
        }
        Set<Integer> sentenceStarts = new HashSet<>();
        for (Sentence s : sentences) {
            sentenceStarts.add(firstWordStart(text, Offsets.toUtf16(text, s.span().begin())));
        }
        Set<String> lowerWords = new HashSet<>();
        Set<String> capitalisedInside = new HashSet<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            String word = w.group();
            if (Character.isLowerCase(word.codePointAt(0))) {
                lowerWords.add(word);
            } else if (!sentenceStarts.contains(w.start())) {
                capitalisedInside.add(stripPossessive(word));
            }
        }

        Map<String, List<Span>> spans = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            if (!isHeadingOrCaption(text.substring(lineStart, lineEnd))) {
                for (Phrase p : phrases(text, lineStart, lineEnd, skipped, sentenceStarts)) {
                    Phrase kept = keep(withoutLeadingPost(p, posts), covered, text, lowerWords, capitalisedInside);
                    if (kept != null) {
                        Token first = kept.tokens.get(0);
                        Token last = kept.tokens.get(kept.tokens.size() - 1);
                        String name = text.substring(first.begin, last.end);
                        spans.computeIfAbsent(name, k -> new ArrayList<>())
                                .add(Offsets.spanOfUtf16(text, first.begin, last.end));
                        kinds.putIfAbsent(name, kindHint(kept));
                    }
                }
            }
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        List<Candidate> out = new ArrayList<>();
        spans.forEach((name, list) -> out.add(new Candidate(name, kinds.get(name), list)));
        out.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count())
                : Integer.compare(a.spans().get(0).begin(), b.spans().get(0).begin()));
        return List.copyOf(out);
    }

    private static void mark(boolean[] flags, int begin, int end) {
        for (int i = Math.max(begin, 0); i < Math.min(end, flags.length); i++) {
            flags[i] = true;
        }
    }

    private static int firstWordStart(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Headings (mostly capitalised words, no full stop) and short captions or menu lines. */
    static boolean isHeadingOrCaption(String line) {
        String t = line.strip();
        if (t.isEmpty()) {
            return true;
        }
        boolean sentenceEnd = t.matches(".*[.?!:;”\"*)]$");
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(t);
        while (m.find()) {
            words.add(m.group());
        }
        if (!sentenceEnd && words.size() < 4) {
            return true;
        }
        List<String> content = words.stream().filter(x -> !isFunctionWord(x)).toList();
        long capitalised = content.stream().filter(x -> Character.isUpperCase(x.codePointAt(0))).count();
        return !t.endsWith(".") && content.size() >= 3 && capitalised * 4 >= content.size() * 3;
    }

    private static boolean isFunctionWord(String w) {
        return Set.of("of", "the", "and", "for", "to", "a", "an", "in", "on", "at", "amid", "with", "by", "or")
                .contains(w.toLowerCase(Locale.ROOT));
    }

    private List<Phrase> phrases(String text, int from, int to, boolean[] skipped, Set<Integer> sentenceStarts) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text).region(from, to);
        while (m.find()) {
            if (skipped[m.start()]) {
                continue;
            }
            tokens.add(token(m.group(), m.start()));
        }
        List<Phrase> out = new ArrayList<>();
        List<Token> run = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean joined = !run.isEmpty() && adjacent(text, run.get(run.size() - 1), t)
                    && !run.get(run.size() - 1).possessive();
            if (!joined) {
                flush(run, out, text, sentenceStarts);
                run = new ArrayList<>();
            }
            if (t.capitalised() || (!run.isEmpty() && isConnector(t, run))) {
                run.add(t);
            } else {
                flush(run, out, text, sentenceStarts);
                run = new ArrayList<>();
            }
        }
        flush(run, out, text, sentenceStarts);
        return out;
    }

    private static boolean isConnector(Token t, List<Token> run) {
        if (CONNECTORS.contains(t.text())) {
            return true;
        }
        String previous = run.get(run.size() - 1).text();
        return t.text().equals("the") && (previous.equals("of") || previous.equals("for") || previous.equals("on"));
    }

    private static boolean adjacent(String text, Token a, Token b) {
        String gap = text.substring(a.end, b.begin);
        return gap.equals(" ") || gap.equals("\u00A0");
    }

    private static Token token(String raw, int begin) {
        String t = raw;
        boolean possessive = false;
        if (t.endsWith("’s") || t.endsWith("'s")) {
            t = t.substring(0, t.length() - 2);
            possessive = true;
        } else if (t.endsWith("’") || t.endsWith("'")) {
            t = t.substring(0, t.length() - 1);
            possessive = true;
        }
        while (t.endsWith("-") || (t.endsWith(".") && !isAbbreviation(t))) {
            t = t.substring(0, t.length() - 1);
        }
        return new Token(t, begin, begin + t.length(), possessive);
    }

    /** "U.S.", "J.", "Inc." keep their final period. */
    private static boolean isAbbreviation(String t) {
        String body = t.substring(0, t.length() - 1);
        return body.contains(".") || (body.length() == 1 && Character.isUpperCase(body.charAt(0)))
                || TITLES.contains(t) || ORGANIZATION_WORDS.contains(t);
    }

    private static void flush(List<Token> run, List<Phrase> out, String text, Set<Integer> sentenceStarts) {
        while (!run.isEmpty() && !run.get(run.size() - 1).capitalised()) {
            run.remove(run.size() - 1);
        }
        if (run.isEmpty()) {
            return;
        }
        boolean initial = sentenceStarts.contains(run.get(0).begin);
        boolean titled = false;
        int start = 0;
        while (start < run.size()) {
            String t = run.get(start).text();
            if (TITLES.contains(t) || (TITLE_MODIFIERS.contains(t) && start + 1 < run.size()
                    && TITLES.contains(run.get(start + 1).text()))) {
                titled = true;
            } else if (!(STOP.contains(t) || DEMONYMS.contains(t) || CONNECTORS.contains(t) || t.equals("the"))) {
                break;
            }
            start++;
        }
        if (start < run.size()) {
            List<Token> kept = new ArrayList<>(run.subList(start, run.size()));
            String before = previousWord(text, kept.get(0).begin);
            out.add(new Phrase(kept, initial && start == 0, titled, before));
        }
    }

    private static String previousWord(String text, int begin) {
        int i = begin - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        int end = i + 1;
        while (i >= 0 && Character.isLetter(text.charAt(i))) {
            i--;
        }
        return text.substring(i + 1, end);
    }

    /** "U.S. Secretary of Defense Pete Hegseth": a known post before a name is a title. */
    private static Phrase withoutLeadingPost(Phrase p, boolean[] posts) {
        int start = 0;
        while (start < p.tokens.size() && posts[p.tokens.get(start).begin]) {
            start++;
        }
        if (start == 0 || start == p.tokens.size()) {
            return p;
        }
        while (start < p.tokens.size() && !p.tokens.get(start).capitalised()) {
            start++;
        }
        return start == p.tokens.size() ? p : new Phrase(List.copyOf(p.tokens.subList(start, p.tokens.size())),
                false, true, p.before);
    }

    private Phrase keep(Phrase p, boolean[] covered, String text, Set<String> lowerWords,
                        Set<String> capitalisedInside) {
        List<Token> content = p.tokens.stream().filter(t -> t.capitalised()).toList();
        boolean uncovered = content.stream().anyMatch(t -> !covered[t.begin] && !STOP.contains(t.text())
                && !TITLES.contains(t.text()) && !DEMONYMS.contains(t.text()));
        if (!uncovered) {
            return null;
        }
        Token first = p.tokens.get(0);
        Token last = p.tokens.get(p.tokens.size() - 1);
        String name = text.substring(first.begin, last.end);
        if (knownNames.contains(name.toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (p.tokens.size() == 1) {
            String word = first.text();
            if (STOP.contains(word) || TITLES.contains(word) || DEMONYMS.contains(word)) {
                return null;
            }
            if (p.sentenceInitial && !capitalisedInside.contains(word)) {
                return null;
            }
            if (lowerWords.contains(word.toLowerCase(Locale.ROOT)) && !isAcronym(word)) {
                return null;
            }
        }
        return p;
    }

    private static boolean isAcronym(String w) {
        return w.length() >= 2 && w.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    private static String kindHint(Phrase p) {
        List<String> words = p.tokens.stream().map(Token::text).toList();
        if (words.stream().anyMatch(ORGANIZATION_WORDS::contains)) {
            return "organization";
        }
        if (words.stream().anyMatch(SYSTEM_WORDS::contains) || words.stream().anyMatch(w -> w.matches(".*\\d.*"))) {
            return "system";
        }
        if (words.stream().anyMatch(PLACE_WORDS::contains)) {
            return "place";
        }
        if (p.titled || words.stream().anyMatch(w -> w.matches("\\p{Lu}\\.")) || p.before.equals("By")
                || p.before.equals("by")) {
            return "person";
        }
        if (PLACE_PREPOSITIONS.contains(p.before) && words.size() <= 2) {
            return "place";
        }
        return "unknown";
    }

    private static String stripPossessive(String w) {
        return w.endsWith("’s") || w.endsWith("'s") ? w.substring(0, w.length() - 2) : w;
    }
}
