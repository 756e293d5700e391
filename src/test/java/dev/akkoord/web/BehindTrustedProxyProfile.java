package dev.akkoord.web;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The tests' own requests come from 127.0.0.1, here a trusted proxy (as is 10.20.0.0/16): the visitor's address and
 * scheme come from X-Forwarded-* headers. The dashboard's sign-in limits are small enough for a test to reach. One
 * profile for the proxy and sign-in tests, so they share one start of the platform.
 */
public final class BehindTrustedProxyProfile implements QuarkusTestProfile {

    public static final int LOGIN_ATTEMPTS_PER_ACCOUNT = 10;
    public static final int LOGIN_BRAKE_AFTER = 5;
    public static final long LOGIN_BRAKE_MILLIS = 1500;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1,10.20.0.0/16",
                "akkoord.dashboard.login-attempts-per-account", String.valueOf(LOGIN_ATTEMPTS_PER_ACCOUNT),
                "akkoord.dashboard.login-brake-after", String.valueOf(LOGIN_BRAKE_AFTER),
                "akkoord.dashboard.login-brake-delay", LOGIN_BRAKE_MILLIS + "ms");
    }
}
