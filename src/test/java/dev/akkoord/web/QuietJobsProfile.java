package dev.akkoord.web;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link DatabaseOutageProfile} with the scheduled jobs ticking every second: the checkpointer, the retention purge,
 * the daily scan cron and the scan worker's poll.
 */
public final class QuietJobsProfile extends DatabaseOutageProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("akkoord.evidence.checkpoint-every", "1s");
        overrides.put("akkoord.consent.purge-cron", "* * * * * ?");
        overrides.put("akkoord.scan.cron", "* * * * * ?");
        overrides.put("akkoord.scan.poll-every", "1s");
        return overrides;
    }
}
