package dev.akkoord.consent;

import java.util.UUID;

/** A validated decision waiting for its place in the site's chain. */
record PendingConsent(
        UUID siteId,
        String consentId,
        ConsentAction action,
        boolean analytical,
        boolean marketing,
        String bannerVersion,
        String language,
        String pageUrl,
        boolean gpc,
        String ipTruncated,
        String userAgent) {
}
