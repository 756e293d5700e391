package dev.akkoord.scan;

import java.util.List;
import java.util.UUID;

/**
 * Fired once a scan's end is stored (done, partial or failed), on the instance that ran it; what it found is read
 * through {@link ScanService#scan}. Observers must not block: this is the event loop.
 */
public record ScanFinished(UUID siteId, UUID scanId, List<String> domains) {

    public ScanFinished {
        domains = List.copyOf(domains);
    }
}
