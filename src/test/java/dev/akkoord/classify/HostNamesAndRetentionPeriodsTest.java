package dev.akkoord.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class HostNamesAndRetentionPeriodsTest {

    @Test
    void shouldReduceHostsToTheirRegistrableDomain() {
        assertEquals("example.com", HostNames.registrable("a.b.example.com"));
        assertEquals("example.com", HostNames.registrable(".Example.COM."));
        assertEquals("example.co.uk", HostNames.registrable("www.example.co.uk"));
        assertEquals("example.com", HostNames.registrable("https://www.example.com:8443/path"));
        assertEquals("127.0.0.1", HostNames.registrable("127.0.0.1:8181"));
        assertNull(HostNames.registrable("  "));
    }

    @Test
    void shouldFindHostsInFreeText() {
        assertEquals(List.of("bing.com", "microsoft.com"),
                HostNames.hostsIn(".bing.com (3rd party) or .microsoft.com (3rd party)"));
        assertEquals(List.of("adhese.com"), HostNames.hostsIn("ads-[account].adhese.com"));
        assertEquals(List.of(), HostNames.hostsIn(""));
    }

    @Test
    void shouldReadRetentionPeriods() {
        assertEquals(2 * 365 * 86_400L, RetentionPeriods.parseRetention("2 years"));
        assertEquals(1800L, RetentionPeriods.parseRetention("30 minutes"));
        assertEquals(13 * 30 * 86_400L, RetentionPeriods.parseRetention("13 Months"));
        assertEquals(CookieFacts.SESSION, RetentionPeriods.parseRetention("End of session (browser)"));
        assertEquals(CookieFacts.SESSION, RetentionPeriods.parseRetention("Session"));
        assertEquals(100 * 365 * 86_400L, RetentionPeriods.parseRetention("forever"));
        assertNull(RetentionPeriods.parseRetention("Varies"));
    }

    @Test
    void shouldBucketLifetimes() {
        assertEquals("unknown", RetentionPeriods.bucket(null));
        assertEquals("session", RetentionPeriods.bucket(CookieFacts.SESSION));
        assertEquals("minutes", RetentionPeriods.bucket(1800L));
        assertEquals("year", RetentionPeriods.bucket(365 * 86_400L));
        assertEquals("years", RetentionPeriods.bucket(2 * 365 * 86_400L));
    }
}
