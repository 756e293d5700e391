package dev.akkoord.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.akkoord.web.ProblemException;

/** What of a page address is kept in a consent record: never what can carry personal data. */
class PageUrlTest {

    @Test
    void queryFragmentAndUserInfoAreDropped() {
        assertEquals("https://www.example.test/shop",
                ConsentService.pageWithoutQuery("https://www.example.test/shop?email=a@b.test#top"));
        assertEquals("https://www.example.test/account",
                ConsentService.pageWithoutQuery("https://jan:secret@www.example.test/account"));
        assertEquals("https://www.example.test", ConsentService.pageWithoutQuery(" https://www.example.test?x=1 "));
    }

    @Test
    void portsAddressesAndEncodedPathsAreKept() {
        assertEquals("http://shop.example.test:8080/a%20b/caf%C3%A9",
                ConsentService.pageWithoutQuery("http://shop.example.test:8080/a%20b/caf%C3%A9?q=1"));
        assertEquals("http://[2001:db8::1]:8443/", ConsentService.pageWithoutQuery("http://[2001:db8::1]:8443/#x"));
        assertEquals("http://127.0.0.1/p", ConsentService.pageWithoutQuery("http://127.0.0.1/p"));
    }

    @Test
    void nothingGivenIsNothingKept() {
        assertNull(ConsentService.pageWithoutQuery(null));
        assertNull(ConsentService.pageWithoutQuery("  "));
    }

    @Test
    void onlyAbsoluteHttpAddressesAreTaken() {
        for (String bad : new String[] { "/relative/page", "ftp://www.example.test/", "javascript:alert(1)",
                "https://", "https://www.example.test/a b", "mailto:jan@example.test" }) {
            ProblemException refused = assertThrows(ProblemException.class, () -> ConsentService.pageWithoutQuery(bad),
                    bad);
            assertEquals(400, refused.status(), bad);
        }
    }
}
