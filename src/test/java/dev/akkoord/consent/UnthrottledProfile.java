package dev.akkoord.consent;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Lifts the per-address rate limit, for tests that post hundreds of decisions from one loopback address. */
public final class UnthrottledProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("akkoord.consent.rate-limit-per-minute", "1000000");
    }
}
