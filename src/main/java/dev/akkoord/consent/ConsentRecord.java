package dev.akkoord.consent;

import java.time.Instant;
import java.util.UUID;

/** One stored decision, as the visitor and the site owner may read it back. */
public record ConsentRecord(
        long recordId,
        UUID siteId,
        long seq,
        String consentId,
        Instant recordedAt,
        String action,
        boolean analytical,
        boolean marketing,
        String bannerVersion,
        String language,
        String pageUrl,
        boolean gpc,
        String ipTruncated,
        String userAgent,
        String prevHash,
        String hash) {
}
