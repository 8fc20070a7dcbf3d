package org.alliancekg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What a typed query becomes, and which queries are refused with which message. */
class SearchQueryTest {

    @Test
    void plainWordsAreAllRequiredAndBoostedAsAPhrase() {
        assertEquals("+Kishida +Fumio \"Kishida Fumio\"^2", SearchQuery.of("  Kishida   Fumio ").lucene());
        assertEquals("+counterstrike", SearchQuery.of("counterstrike").lucene());
        assertEquals("+U.S.\\-Japan", SearchQuery.of("U.S.-Japan").lucene(), "a hyphen inside a word is a word");
    }

    @Test
    void luceneSyntaxIsKept() {
        for (String q : List.of("counter*", "\"missile defense\"", "Japan AND (China OR Korea)", "-China Japan")) {
            assertEquals(q, SearchQuery.of(q).lucene());
        }
    }

    @Test
    void emptyLongAndMalformedQueriesAreRefused() {
        assertTrue(assertThrows(SearchException.class, () -> SearchQuery.of(null)).getMessage().contains("empty"));
        assertTrue(assertThrows(SearchException.class, () -> SearchQuery.of(" \t")).getMessage().contains("empty"));
        assertTrue(assertThrows(SearchException.class, () -> SearchQuery.of("a".repeat(501))).getMessage()
                .contains("at most 500"));
        for (String q : List.of("japan AND (china", "*apan", "\"open", "x:[a TO", "a^^")) {
            SearchException e = assertThrows(SearchException.class, () -> SearchQuery.of(q), q);
            assertTrue(e.getMessage().startsWith("the query is not valid Lucene syntax: "), e.getMessage());
        }
    }

    @Test
    void wordsFoldCaseAndAccentsAndSplitAtPunctuation() {
        assertEquals(List.of("agustin", "maciel", "padilla"), SearchQuery.words("Agustín Maciel-Padilla"));
        assertEquals(List.of("people", "s", "republic"), SearchQuery.words("People’s Republic"));
        assertEquals(List.of(), SearchQuery.words("—"));
    }
}
