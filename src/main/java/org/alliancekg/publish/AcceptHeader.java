package org.alliancekg.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP {@code Accept} header (RFC 9110, section 12.5.1) and the choice of a {@link Format} by it.
 *
 * <p>Each offered format gets the quality of the most specific media range that matches one of its media types
 * ({@code text/turtle} before {@code text/*} before {@code *}{@code /*}); the format with the highest quality above 0
 * wins, ties going to the earlier format of the offered list. A missing or blank header accepts everything.
 * Malformed ranges and quality values are skipped, as if absent.
 *
 * <p>Why not Jena's {@code AcceptList.match}: in Jena 5.6 it chooses {@code text/turtle} for
 * {@code text/turtle;q=0}, for {@code text/turtle;q=2} and for {@code *}{@code /*;q=0.5, text/*;q=0} (RFC 9110: q=0
 * means "not acceptable", so these must be 406 or another format), and matches {@code APPLICATION/RDF+XML} to
 * nothing (media types are case-insensitive). The 406 answers the linked-data pages give would change.
 *
 * <pre>{@code
 * AcceptHeader.parse("text/html,application/xhtml+xml;q=0.9,*\/*;q=0.8").choose(Format.all()); // HTML
 * AcceptHeader.parse("image/png").choose(Format.all());                                        // empty: 406
 * }</pre>
 */
public final class AcceptHeader {

    /** One media range of the header with its quality. */
    record Range(String type, String subtype, double quality) {

        /** How well the range matches a media type: 3 exact, 2 type wildcard, 1 full wildcard, 0 none. */
        int specificity(String mediaType) {
            int slash = mediaType.indexOf('/');
            String t = mediaType.substring(0, slash);
            String s = mediaType.substring(slash + 1);
            if (type.equals("*") && subtype.equals("*")) {
                return 1;
            }
            if (type.equals(t) && subtype.equals("*")) {
                return 2;
            }
            return type.equals(t) && subtype.equals(s) ? 3 : 0;
        }
    }

    private final List<Range> ranges;

    private AcceptHeader(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Parses a header value; null or blank means {@code *}{@code /*}. */
    public static AcceptHeader parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header == null || header.isBlank()) {
            ranges.add(new Range("*", "*", 1.0));
            return new AcceptHeader(ranges);
        }
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String mediaRange = pieces[0].trim().toLowerCase(Locale.ROOT);
            int slash = mediaRange.indexOf('/');
            if (slash <= 0 || slash == mediaRange.length() - 1) {
                continue;
            }
            double q = 1.0;
            boolean valid = true;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                int eq = param.indexOf('=');
                if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("q")) {
                    try {
                        q = Double.parseDouble(param.substring(eq + 1).trim());
                    } catch (NumberFormatException e) {
                        valid = false;
                    }
                    if (q < 0 || q > 1) {
                        valid = false;
                    }
                }
            }
            if (valid) {
                ranges.add(new Range(mediaRange.substring(0, slash), mediaRange.substring(slash + 1), q));
            }
        }
        return new AcceptHeader(ranges);
    }

    /** The quality this header gives a media type: that of its most specific matching range, 0 if none. */
    public double quality(String mediaType) {
        int best = 0;
        double q = 0;
        for (Range r : ranges) {
            int spec = r.specificity(mediaType);
            if (spec > best || (spec == best && spec > 0 && r.quality() > q)) {
                best = spec;
                q = r.quality();
            }
        }
        return q;
    }

    /**
     * The quality of a format: that of its media type, or of an alias ({@code application/x-turtle}) the header
     * names exactly, whichever is higher. Wildcards count for the media type only, so that {@code text/*;q=0} is not
     * circumvented by an alias under another type.
     */
    public double quality(Format format) {
        double q = quality(format.mediaType());
        for (String alias : format.acceptedTypes()) {
            for (Range r : ranges) {
                if (!alias.equals(format.mediaType()) && r.specificity(alias) == 3) {
                    q = Math.max(q, r.quality());
                }
            }
        }
        return q;
    }

    /** The acceptable format of {@code offered} with the highest quality (ties: the earlier one), or empty. */
    public Optional<Format> choose(List<Format> offered) {
        Format best = null;
        double bestQ = 0;
        for (Format f : offered) {
            double q = quality(f);
            if (q > bestQ) {
                best = f;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }
}
