package dev.akkoord.scan;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Requests may outlast a takeover (claim-after stays 1 s): a worker held on a page stays held past the moment another
 * worker takes its scan over, instead of timing out first.
 */
public final class LongRequestsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("akkoord.scan.request-timeout", "30s");
    }
}
