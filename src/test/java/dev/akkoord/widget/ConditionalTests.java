package dev.akkoord.widget;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void shouldAcceptGzipOnlyWithPositiveQuality() {
        assertTrue(Conditional.acceptsGzip("gzip, deflate, br"));
        assertTrue(Conditional.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(Conditional.acceptsGzip("*"));
        assertFalse(Conditional.acceptsGzip(null));
        assertFalse(Conditional.acceptsGzip("identity"));
        assertFalse(Conditional.acceptsGzip("gzip;q=0"));
        assertFalse(Conditional.acceptsGzip("*;q=0.5, gzip;q=0"));
        assertFalse(Conditional.acceptsGzip("br"));
    }
}
