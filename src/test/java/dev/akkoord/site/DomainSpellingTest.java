package dev.akkoord.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.akkoord.web.ProblemException;

/**
 * Domains the scanner and browsers would read differently, or that name no host, are refused when a site is saved,
 * with the reason; plain addresses and names pass.
 */
class DomainSpellingTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.2:18401", "127.1", "0177.0.0.1", "2130706433", "1.2.3.4.5", "10.0.0.256", "01.2.3.4",
            "*.10.0.0.1", "shop.example.test:0", "shop.example.test:70000"})
    void shouldRefuseWithTheReason(String domain) {
        ProblemException refused = assertThrows(ProblemException.class, () -> Domains.normalize(List.of(domain)));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("'" + domain + "'") && (refused.getMessage().contains("cannot be "
                + "scanned") || refused.getMessage().contains("does not exist")), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:8181", "203.0.113.7", "0.0.0.0", "255.255.255.255:65535", "shop.example.test:1",
            "*.example.test", "www.3com.test", "a1.b2"})
    void shouldKeepPlainAddressesAndNames(String domain) {
        assertEquals(List.of(domain), Domains.normalize(List.of(domain)));
    }
}
