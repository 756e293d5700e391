package dev.akkoord.testsupport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One Quarkus boot for the tests that need a setting the default profile must not have, where these settings leave
 * each other's tests alone (each boot of a profile costs the suite several seconds):
 * <ul>
 * <li>hundreds of decisions from one loopback address: no consent rate limit, and a signed checkpoint every
 * {@value #CHECKPOINT_RECORDS} records, so checkpoints are written while the ledger is busy;</li>
 * <li>the demo shop switched on (the default profile checks that it is off by default);</li>
 * <li>a head deadline of {@value #HEAD_TIMEOUT_MILLIS} ms, so a trickled head is cut off within a test's patience;</li>
 * <li>scan requests that may outlast a takeover (30 s; claim-after stays 1 s).</li>
 * </ul>
 */
public final class TunedSettingsProfile implements QuarkusTestProfile {

    public static final int CHECKPOINT_RECORDS = 5;
    public static final int HEAD_TIMEOUT_MILLIS = 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("akkoord.evidence.checkpoint-records", String.valueOf(CHECKPOINT_RECORDS),
                "akkoord.consent.rate-limit-per-minute", "1000000",
                "akkoord.demo.enabled", "true",
                "akkoord.http.header-timeout", HEAD_TIMEOUT_MILLIS + "ms",
                "akkoord.scan.request-timeout", "30s");
    }
}
