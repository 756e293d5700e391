package dev.akkoord.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class DomainsAndLifetimesTest {

    @Test
    void shouldReduceHostsToTheirRegistrableDomain() {
        assertEquals("example.com", Domains.registrable("a.b.example.com"));
        assertEquals("example.com", Domains.registrable(".Example.COM."));
        assertEquals("example.co.uk", Domains.registrable("www.example.co.uk"));
        assertEquals("example.com", Domains.registrable("https://www.example.com:8443/path"));
        assertEquals("127.0.0.1", Domains.registrable("127.0.0.1:8181"));
        assertNull(Domains.registrable("  "));
    }

    @Test
    void shouldFindHostsInFreeText() {
        assertEquals(List.of("bing.com", "microsoft.com"),
                Domains.hostsIn(".bing.com (3rd party) or .microsoft.com (3rd party)"));
        assertEquals(List.of("adhese.com"), Domains.hostsIn("ads-[account].adhese.com"));
        assertEquals(List.of(), Domains.hostsIn(""));
    }

    @Test
    void shouldReadRetentionPeriods() {
        assertEquals(2 * 365 * 86_400L, Lifetimes.parseRetention("2 years"));
        assertEquals(1800L, Lifetimes.parseRetention("30 minutes"));
        assertEquals(13 * 30 * 86_400L, Lifetimes.parseRetention("13 Months"));
        assertEquals(CookieFacts.SESSION, Lifetimes.parseRetention("End of session (browser)"));
        assertEquals(CookieFacts.SESSION, Lifetimes.parseRetention("Session"));
        assertEquals(100 * 365 * 86_400L, Lifetimes.parseRetention("forever"));
        assertNull(Lifetimes.parseRetention("Varies"));
    }

    @Test
    void shouldBucketLifetimes() {
        assertEquals("unknown", Lifetimes.bucket(null));
        assertEquals("session", Lifetimes.bucket(CookieFacts.SESSION));
        assertEquals("minutes", Lifetimes.bucket(1800L));
        assertEquals("year", Lifetimes.bucket(365 * 86_400L));
        assertEquals("years", Lifetimes.bucket(2 * 365 * 86_400L));
    }
}
