package org.alliancekg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Choosing a format by {@code Accept}: specificity, quality values, ties, malformed parts. */
class AcceptHeaderTest {

    static Optional<Format> choose(String accept) {
        return AcceptHeader.parse(accept).choose(Format.all());
    }

    @Test
    void mostSpecificRangeGivesTheQuality() {
        AcceptHeader h = AcceptHeader.parse("text/*;q=0.3, text/html;q=0.7, */*;q=0.1");
        assertEquals(0.7, h.quality("text/html"));
        assertEquals(0.3, h.quality("text/turtle"));
        assertEquals(0.1, h.quality("application/ld+json"));
        assertEquals(0.0, AcceptHeader.parse("text/html").quality("text/turtle"));
    }

    @Test
    void formatsByQualityThenServerPreference() {
        assertEquals(Optional.of(Format.TURTLE), choose(null));
        assertEquals(Optional.of(Format.TURTLE), choose(""));
        assertEquals(Optional.of(Format.TURTLE), choose("*/*"));
        assertEquals(Optional.of(Format.HTML), choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertEquals(Optional.of(Format.HTML), choose("application/xhtml+xml"));
        assertEquals(Optional.of(Format.JSONLD), choose("application/ld+json, text/turtle;q=0.9"));
        assertEquals(Optional.of(Format.NTRIPLES), choose("application/n-triples"));
        assertEquals(Optional.of(Format.TURTLE), choose("application/x-turtle"), "an alias named exactly");
        assertEquals(Optional.of(Format.NTRIPLES), choose("application/n-triples;q=1.0, text/turtle;q=0.9;x=y"));
        assertEquals(Optional.of(Format.TURTLE), choose("application/n-triples, text/turtle"), "tie: server order");
        assertEquals(Optional.of(Format.RDFXML), choose("APPLICATION/RDF+XML"), "media types are case-insensitive");
    }

    @Test
    void zeroQualityExcludesAndNothingAcceptableIsEmpty() {
        assertEquals(Optional.empty(), choose("text/turtle;q=0"));
        assertEquals(Optional.empty(), choose("image/png, application/json"));
        assertEquals(Optional.of(Format.HTML), choose("text/turtle;q=0, text/*"));
        assertEquals(Optional.of(Format.NTRIPLES), choose("*/*;q=0.5, text/*;q=0"));
    }

    @Test
    void malformedPartsAreSkipped() {
        assertEquals(Optional.of(Format.JSONLD), choose("garbage, text/turtle;q=abc, application/ld+json;q=0.4"));
        assertEquals(Optional.empty(), choose("text/turtle;q=2"));
        assertEquals(Optional.empty(), choose("/, text/"));
    }

    @Test
    void offeredListLimitsTheChoice() {
        assertEquals(Optional.of(Format.TURTLE), AcceptHeader.parse("text/html, */*;q=0.1").choose(Format.rdfOnly()));
        assertEquals(Optional.empty(), AcceptHeader.parse("text/html").choose(List.of(Format.TURTLE)));
    }
}
