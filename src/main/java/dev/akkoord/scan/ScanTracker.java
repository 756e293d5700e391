package dev.akkoord.scan;

import java.util.List;

/**
 * A tracker a scan saw on the site.
 *
 * @param tracker   the catalogue key (for example {@code meta-pixel}), or {@code host:<host>} for a vendor host the
 *                  classifier knows
 * @param category  {@code analytical} or {@code marketing}
 * @param accountId the account or property id captured from the page, or null
 * @param via       {@code script}, {@code frame}, {@code pixel} or {@code snippet}
 * @param hosts     the hosts a banner blocks until the category is granted
 */
public record ScanTracker(String tracker, String vendor, String category, String accountId, String page, String via,
        String evidence, List<String> hosts) {

    public ScanTracker {
        hosts = List.copyOf(hosts);
    }
}
