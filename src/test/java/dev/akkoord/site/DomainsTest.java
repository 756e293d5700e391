package dev.akkoord.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which browser origins a site's domains admit: scheme, host and port, with default ports for port-less domains. */
class DomainsTest {

    private static final List<String> DOMAINS = List.of("www.example.test", "*.shop.test", "127.0.0.1:8181",
            "*.dev.test:8443");

    @ParameterizedTest
    @CsvSource({
            "https://www.example.test, true",
            "http://www.example.test, true",
            "HTTPS://WWW.EXAMPLE.TEST, true",
            "https://www.example.test:443, true",
            "http://www.example.test:80, true",
            "https://www.example.test:80, false",
            "http://www.example.test:443, false",
            "https://www.example.test:8443, false",
            "file://www.example.test, false",
            "ftp://www.example.test, false",
            "ws://www.example.test, false",
            "chrome-extension://www.example.test, false",
            "//www.example.test, false",
            "www.example.test, false",
            "null, false",
            "https://a.shop.test, true",
            "https://shop.test, true",
            "https://a.shop.test:444, false",
            "http://127.0.0.1:8181, true",
            "https://127.0.0.1:8181, true",
            "http://127.0.0.1, false",
            "http://127.0.0.1:8182, false",
            "https://app.dev.test:8443, true",
            "https://app.dev.test, false",
            "https://evil.test, false" })
    void shouldAdmitOnlyTheListedSchemeHostAndPort(String origin, boolean allowed) {
        assertEquals(allowed, Domains.allowsOrigin(DOMAINS, origin), origin);
    }
}
