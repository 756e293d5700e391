package dev.akkoord.consent;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * For tests that post hundreds of decisions from one loopback address: no rate limit, and a signed checkpoint every
 * five records (so checkpoints are written while the ledger is busy, not only at the end).
 */
public final class BusyLedgerProfile implements QuarkusTestProfile {

    public static final int CHECKPOINT_RECORDS = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("akkoord.evidence.checkpoint-records", String.valueOf(CHECKPOINT_RECORDS),
                "akkoord.consent.rate-limit-per-minute", "1000000");
    }
}
