package org.alliancekg.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * Splits an article body into sentences with OpenNLP's English sentence model (UD English-EWT), never across
 * a line break, and mends the model's splits after abbreviations ("U.S. Secretary", "Jan. 5", "Lloyd J.
 * Austin"). Spans are in code points.
 *
 * <pre>{@code
 * List<Sentence> sentences = SentenceSplitter.english().split(body);
 * }</pre>
 */
public final class SentenceSplitter {

    /** Classpath resource of the model, from {@code org.apache.opennlp:opennlp-models-sentdetect-en}. */
    public static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

    /** Abbreviations after which the model's split is always wrong (titles, months, initials' kin). */
    private static final Set<String> NEVER_FINAL = Set.of(
            "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Adm.", "Sgt.", "Gov.",
            "Sen.", "Rep.", "Pres.", "Amb.", "St.", "Mt.", "No.", "Nos.", "vs.", "v.", "e.g.", "i.e.", "cf.",
            "approx.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
            "Dec.", "Fig.", "Art.", "Vol.", "pp.", "p.");

    /** Abbreviations that may end a sentence: mended only when the next sentence cannot start one. */
    private static final Set<String> MAYBE_FINAL = Set.of("U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "etc.",
            "Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "Sr.");

    private static final Pattern LAST_TOKEN = Pattern.compile("(\\S+)$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern INITIAL = Pattern.compile("[A-Z]\\.");

    private static volatile SentenceModel model;

    private final SentenceDetectorME detector;

    private SentenceSplitter(SentenceModel m) {
        this.detector = new SentenceDetectorME(m);
    }

    /** A splitter with the English model (loaded once per JVM). Not thread-safe: one per thread. */
    public static SentenceSplitter english() {
        return new SentenceSplitter(model());
    }

    private static SentenceModel model() {
        SentenceModel m = model;
        if (m == null) {
            synchronized (SentenceSplitter.class) {
                if (model == null) {
                    try (InputStream in = SentenceSplitter.class.getResourceAsStream(MODEL_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("sentence model " + MODEL_RESOURCE
                                    + " is not on the classpath (org.apache.opennlp:opennlp-models-sentdetect-en)");
                        }
                        model = new SentenceModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot load sentence model " + MODEL_RESOURCE, e);
                    }
                }
                m = model;
            }
        }
        return m;
    }

    /** The sentences of the text, in order; blank lines and white space between sentences are skipped. */
    public List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            splitLine(text, lineStart, lineEnd, out);
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return List.copyOf(out);
    }

    private void splitLine(String text, int from, int to, List<Sentence> out) {
        String line = text.substring(from, to);
        if (line.isBlank()) {
            return;
        }
        List<int[]> spans = new ArrayList<>();
        for (opennlp.tools.util.Span s : detector.sentPosDetect(line)) {
            int b = s.getStart();
            int e = s.getEnd();
            while (b < e && isSpace(line.charAt(b))) {
                b++;
            }
            while (e > b && isSpace(line.charAt(e - 1))) {
                e--;
            }
            if (b >= e) {
                continue;
            }
            if (!spans.isEmpty() && shouldJoin(line.substring(spans.get(spans.size() - 1)[0],
                    spans.get(spans.size() - 1)[1]), line.substring(b, e))) {
                spans.get(spans.size() - 1)[1] = e;
            } else {
                spans.add(new int[] {b, e});
            }
        }
        for (int[] s : spans) {
            int b = from + s[0];
            int e = from + s[1];
            out.add(new Sentence(Offsets.spanOfUtf16(text, b, e), text.substring(b, e)));
        }
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Whether the model split after an abbreviation that does not end the sentence. */
    static boolean shouldJoin(String previous, String next) {
        Matcher m = LAST_TOKEN.matcher(previous);
        if (!m.find()) {
            return false;
        }
        String last = m.group(1).replaceAll("^[(\\[“\"‘']+", "");
        int firstCp = next.codePointAt(0);
        boolean nextStartsLow = Character.isLowerCase(firstCp) || Character.isDigit(firstCp);
        if (NEVER_FINAL.contains(last)) {
            return true;
        }
        if (INITIAL.matcher(last).matches()) {
            // "Lloyd J. Austin": a single capital with a period is an initial, unless it ends a list ("Plan B.")
            return Character.isUpperCase(firstCp) || nextStartsLow;
        }
        if (MAYBE_FINAL.contains(last)) {
            return nextStartsLow || startsWithNameContinuation(next);
        }
        return nextStartsLow && last.endsWith(".") && last.length() <= 5;
    }

    /** Words that commonly open an English sentence; after "U.S." anything else continues the sentence. */
    private static final Set<String> SENTENCE_STARTERS = Set.of(
            "The", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "As", "But", "And", "Or",
            "However", "Their", "They", "Them", "We", "Our", "He", "She", "His", "Her", "A", "An", "For", "With",
            "While", "When", "Since", "After", "Before", "Although", "Though", "Yet", "So", "Such", "Moreover",
            "Meanwhile", "Furthermore", "Nevertheless", "Still", "Also", "There", "Here", "If", "By", "To", "From",
            "What", "Why", "How", "Who", "Which", "Both", "Each", "Many", "Most", "Some", "Nor", "Not", "Indeed",
            "Instead", "Thus", "Therefore", "Then", "Now", "I", "You", "Another", "Other", "One", "All");

    /** Whether the next piece does not start like a sentence of its own ("U.S. Perspectives", "U.S. forces"). */
    private static boolean startsWithNameContinuation(String next) {
        String first = next.split("[\\s\\u00A0,;:]", 2)[0].replaceAll("[’'].*$", "");
        return !SENTENCE_STARTERS.contains(first);
    }
}
