package dev.akkoord.web;

import static dev.akkoord.web.TrustedProxyTest.preLoginCookie;
import static dev.akkoord.web.TrustedProxyTest.storedAddress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Forwarded headers from a client that is not a trusted proxy are ignored: it cannot pass for someone else. */
@QuarkusTest
@TestProfile(UntrustedProxyTest.TrustingAnotherProxy.class)
class UntrustedProxyTest {

    /** Forwarded headers switched on, but the only trusted proxies are elsewhere. */
    public static final class TrustingAnotherProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "10.20.0.0/16");
        }
    }

    @Test
    void forwardedHeadersAreIgnored() {
        assertEquals("127.0.0.0", storedAddress());
        assertFalse(preLoginCookie().contains("Secure"), preLoginCookie());
    }
}
