package dev.akkoord.site;

import java.time.Duration;
import java.util.UUID;

/**
 * A site's banner has a new version, committed: fired once on the instance that made the change, so copies of the
 * old banner outside the platform (a CDN, a caching proxy) can be dropped.
 */
public record BannerChanged(UUID siteId, String version) {

    /**
     * Every instance serves the new version this long after the event at the latest (each remembers a site's
     * version this long): a cache refetching earlier may get the old one again from another instance.
     */
    public static final Duration SERVED_EVERYWHERE_WITHIN = BannerVersions.MAX_AGE;
}
