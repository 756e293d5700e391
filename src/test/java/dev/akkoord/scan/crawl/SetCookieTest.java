package dev.akkoord.scan.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SetCookieTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldReadEveryAttribute() {
        SetCookie c = SetCookie.parse("_ga=GA1.2.3; Domain=.Example.COM; Path=/; Expires=Fri, 01 Jan 2027 00:00:00 GMT;"
                + " Secure; HttpOnly; SameSite=lax; Partitioned");
        assertEquals("_ga", c.name());
        assertEquals("example.com", c.domain());
        assertEquals("/", c.path());
        assertTrue(c.secure());
        assertTrue(c.httpOnly());
        assertEquals("Lax", c.sameSite());
        assertTrue(c.partitioned());
        assertEquals(365L * 24 * 3600, c.lifetimeSeconds(NOW));
    }

    @Test
    void shouldPreferMaxAgeOverExpires() {
        SetCookie c = SetCookie.parse("a=1; Expires=Fri, 01 Jan 2027 00:00:00 GMT; Max-Age=60");
        assertEquals(60L, c.lifetimeSeconds(NOW));
    }

    @Test
    void shouldTreatAMissingExpiryAsASessionCookie() {
        SetCookie c = SetCookie.parse("sid=x");
        assertNull(c.lifetimeSeconds(NOW));
        assertNull(c.domain());
        assertFalse(c.secure());
    }

    @Test
    void shouldReadOldDateFormatsAndDeletions() {
        assertEquals(3600L, SetCookie.parse("a=1; expires=Thursday, 01-Jan-26 01:00:00 GMT").lifetimeSeconds(NOW));
        assertTrue(SetCookie.parse("a=; Max-Age=0").lifetimeSeconds(NOW) <= 0);
        assertTrue(SetCookie.parse("a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT").lifetimeSeconds(NOW) < 0);
    }

    @Test
    void shouldRefuseHeadersWithoutAName() {
        assertNull(SetCookie.parse("=value"));
        assertNull(SetCookie.parse("novalue"));
        assertNull(SetCookie.parse(""));
    }

    @Test
    void shouldIgnoreUnparsableAttributes() {
        SetCookie c = SetCookie.parse("a=1; Max-Age=soon; SameSite=sometimes; Path=relative");
        assertNull(c.maxAge());
        assertNull(c.sameSite());
        assertNull(c.path());
    }
}
