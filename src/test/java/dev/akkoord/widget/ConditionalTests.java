package dev.akkoord.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConditionalTests {

    private static final String ETAG = "W/\"0123456789abcdef\"";

    @Test
    void shouldMatchWeakStrongListedAndStarTags() {
        assertTrue(Conditional.matches(ETAG, ETAG));
        assertTrue(Conditional.matches("\"0123456789abcdef\"", ETAG));
        assertTrue(Conditional.matches("\"other\", W/\"0123456789abcdef\"", ETAG));
        assertTrue(Conditional.matches("*", ETAG));
    }

    @Test
    void shouldNotMatchOtherOrMissingTags() {
        assertFalse(Conditional.matches(null, ETAG));
        assertFalse(Conditional.matches("", ETAG));
        assertFalse(Conditional.matches("\"0123456789abcdee\"", ETAG));
    }

    @Test
    void shouldPreferBrotliWhereTheClientLikesItAsMuchAsGzip() {
        assertEquals(List.of("br", "gzip"), Conditional.acceptableCodings("gzip, deflate, br"));
        assertEquals(List.of("br", "gzip"), Conditional.acceptableCodings("br;q=1.0, GZIP;q=0.5"));
        assertEquals(List.of("br", "gzip"), Conditional.acceptableCodings("*"));
        assertEquals(List.of("br"), Conditional.acceptableCodings("br"));
    }

    @Test
    void shouldFollowTheClientsQualities() {
        assertEquals(List.of("gzip", "br"), Conditional.acceptableCodings("br;q=0.4, gzip;q=0.8"));
        assertEquals(List.of("gzip"), Conditional.acceptableCodings("gzip, deflate"));
        assertEquals(List.of("gzip"), Conditional.acceptableCodings("x-gzip"));
        assertEquals(List.of("gzip"), Conditional.acceptableCodings("br;q=0, *"));
        assertEquals(List.of("br"), Conditional.acceptableCodings("*;q=0.5, gzip;q=0"));
    }

    @Test
    void shouldFallBackToThePlainBody() {
        assertEquals(List.of(), Conditional.acceptableCodings(null));
        assertEquals(List.of(), Conditional.acceptableCodings("identity"));
        assertEquals(List.of(), Conditional.acceptableCodings("gzip;q=0, br;q=0"));
        assertEquals(List.of(), Conditional.acceptableCodings("gzip;q=zero"));
    }
}
