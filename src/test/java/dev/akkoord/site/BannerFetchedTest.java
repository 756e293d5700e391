package dev.akkoord.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BannerFetchedTest {

    @ParameterizedTest
    @CsvSource({
            "https://www.example.test/products/42?x=1, https://www.example.test",
            "https://www.example.test, https://www.example.test",
            "http://127.0.0.1:8181/page#top, http://127.0.0.1:8181",
            "https://user:secret@shop.example.test/, https://shop.example.test",
            "https://[::1]:8443/a, https://[::1]:8443",
            "https://shop.example.test?q=1, https://shop.example.test",
            "HTTPS://Shop.Example.Test/, HTTPS://Shop.Example.Test"})
    void takesTheOriginOfAReferer(String referer, String origin) {
        assertEquals(origin, BannerFetched.from(UUID.randomUUID(), null, referer).origin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a url", "/relative/page", "://no.scheme/", "1http://digit.first/", "https:///path",
            "https://evil.test<script>/", "https://host name/", "https://ex\u00e4mple.test/", "https://user@/"})
    void refusesWhatIsNotAnAbsoluteUrlWithAPlainHost(String referer) {
        assertNull(BannerFetched.from(UUID.randomUUID(), null, referer).origin());
    }

    @Test
    void prefersTheOriginHeader() {
        assertEquals("https://a.test", BannerFetched.from(UUID.randomUUID(), "https://a.test", "https://b.test/").origin());
    }
}
