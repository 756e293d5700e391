package dev.akkoord.scan.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void shouldCanonicaliseUrlsWithTheHostBrowsersRead() {
        assertEquals(URI.create("http://127.0.0.2:8080/x"), Urls.canonical("http://0177.0.0.2:8080/x"));
        assertEquals(URI.create("http://127.0.0.1:8080/"), Urls.canonical("http://127.1:8080"));
        assertEquals(URI.create("http://127.0.0.1/a?b"), Urls.canonical("HTTP://user:pw@0x7f.1:80/a?b#c"));
        assertEquals(URI.create("https://127.0.0.2/"), Urls.canonical("https://2130706434:0443"));
        assertEquals(URI.create("http://127.0.0.2/"), Urls.canonical("http://127.0.0.2./"));
        assertEquals(URI.create("http://[::ffff:7f00:2]:81/"), Urls.canonical("http://[::ffff:127.0.0.2]:81/"));
        assertEquals(URI.create("http://example.com./"), Urls.canonical("http://Example.COM./"), "names as before");
        assertEquals(URI.create("http://127.0.0.2:9/x"),
                Urls.resolve(URI.create("http://example.com/"), "//017700000002:9/x"));
        assertNull(Urls.canonical("http://1.2.3.4.5/"));
        assertNull(Urls.canonical("http://0x100000000/"));
        assertNull(Urls.canonical("http://127.1:65536/"));
        assertNull(Urls.resolve(URI.create("http://example.com/"), "http://256.1.1.1.1/"));
    }

    @Test
    void shouldStillLeaveOutNamesThatUriCannotHold() {
        assertNull(Urls.canonical("http://a_b.example/"));
        assertNull(Urls.canonical("http://b\u00fccher.de/"));
        assertNull(Urls.canonical("http://127.0.0.1../"), "a name to browsers, with an empty label");
    }
}
