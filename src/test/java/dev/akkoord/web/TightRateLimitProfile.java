package dev.akkoord.web;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Three consents per minute per address and site, so a test reaches the limit in four posts. */
public final class TightRateLimitProfile implements QuarkusTestProfile {

    static final int LIMIT = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("akkoord.consent.rate-limit-per-minute", Integer.toString(LIMIT));
    }
}
