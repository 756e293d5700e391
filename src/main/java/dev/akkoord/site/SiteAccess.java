package dev.akkoord.site;

import java.util.List;
import java.util.UUID;

/** The little the consent path needs to know about a site. */
public record SiteAccess(UUID siteId, List<String> domains, String currentBannerVersion, int retentionDays) {

    public boolean allowsOrigin(String origin) {
        return Domains.allowsOrigin(domains, origin);
    }
}
