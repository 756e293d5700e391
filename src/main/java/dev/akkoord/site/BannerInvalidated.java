package dev.akkoord.site;

import java.util.UUID;

/**
 * Fired (synchronously) on every instance when a site's banner may have changed, on the instance that changed it as
 * soon as it committed and on the others as soon as Redis brings them the word ({@link BannerInvalidations}): whatever
 * an instance keeps of the site's banner in memory must go.
 */
public record BannerInvalidated(UUID siteId) {
}
