package dev.akkoord.scan.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteScopeTest {

    @Test
    void shouldUseThePublicSuffixListForRegistrableDomains() {
        assertEquals("example.co.uk", SiteScope.registrableDomain("shop.example.co.uk"));
        assertEquals("example.com", SiteScope.registrableDomain("a.b.example.com."));
        assertEquals("alice.github.io", SiteScope.registrableDomain("www.alice.github.io"),
                "github.io is a (private) public suffix");
        assertEquals("127.0.0.1", SiteScope.registrableDomain("127.0.0.1"));
        assertEquals("localhost", SiteScope.registrableDomain("localhost"));
        assertEquals("shop.test", SiteScope.registrableDomain("a.www.shop.test"), "an unlisted TLD is a suffix");
        assertEquals("co.uk", SiteScope.registrableDomain("co.uk"));
    }

    @Test
    void shouldCrawlOnlyTheSitesHostsOnTheirPorts() {
        SiteScope scope = new SiteScope(List.of("example.com", "127.0.0.1:8181", "*.shop.test"));
        assertTrue(scope.isPage(URI.create("https://example.com/a")));
        assertTrue(scope.isPage(URI.create("http://www.example.com/a")));
        assertFalse(scope.isPage(URI.create("https://blog.example.com/")), "not a configured host");
        assertFalse(scope.isPage(URI.create("https://example.com:8443/")), "not the configured port");
        assertTrue(scope.isPage(URI.create("http://127.0.0.1:8181/")));
        assertFalse(scope.isPage(URI.create("http://127.0.0.1:9999/")));
        assertTrue(scope.isPage(URI.create("https://eu.shop.test/")), "a wildcard domain covers subdomains");
    }

    @Test
    void shouldTreatTheWholeRegistrableDomainAsTheSite() {
        SiteScope scope = new SiteScope(List.of("www.example.co.uk"));
        assertTrue(scope.isSiteHost("cdn.example.co.uk"));
        assertFalse(scope.isSiteHost("other.co.uk"));
        assertFalse(scope.isSiteHost("google-analytics.com"));
    }

    @Test
    void shouldAllowCookieDomainsTheHostMaySet() {
        assertTrue(SiteScope.mayHostSet("shop.example.com", "example.com"));
        assertTrue(SiteScope.mayHostSet("example.com", "example.com"));
        assertFalse(SiteScope.mayHostSet("example.com", "other.com"));
        assertFalse(SiteScope.mayHostSet("shop.example.co.uk", "co.uk"), "a public suffix is refused");
        assertFalse(SiteScope.mayHostSet("127.0.0.1", "0.0.1"));
    }
}
