package dev.akkoord.scan.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void shouldReadSiteDomainsAsBrowsersDo() {
        assertEquals(new SiteScope.Domain("127.0.0.1", 8181, false), SiteScope.parseDomain("0177.0.0.1:8181"));
        assertEquals(new SiteScope.Domain("127.0.0.1", 8181, false), SiteScope.parseDomain("127.1:8181"));
        assertEquals(new SiteScope.Domain("::ffff:7f00:1", -1, false), SiteScope.parseDomain("[::ffff:127.0.0.1]"));
        assertEquals(new SiteScope.Domain("example.com", 80, false), SiteScope.parseDomain("Example.COM.:80"));
        assertThrows(IllegalArgumentException.class, () -> SiteScope.parseDomain("1.2.3.4.5"));
        assertTrue(new SiteScope(List.of("0x7f.1:8181")).isPage(URI.create("http://127.0.0.1:8181/")));
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
