package dev.akkoord.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the latest scan (plus the owner's overrides) says about a site's cookies, as the banner lists them.
 *
 * @param cookies      per category key, the cookies to list; unclassified cookies are listed under marketing
 * @param trackerHosts per category key, script hosts the banner blocks until that category is granted
 * @param lastScan     when the site was last scanned, or null
 */
public record BannerCookies(Map<String, List<CookieInfo>> cookies, Map<String, List<String>> trackerHosts,
        Instant lastScan) {

    public static final BannerCookies NONE = new BannerCookies(Map.of(), Map.of(), null);

    /**
     * A name with {@code *} is a pattern ({@code _ga_*}). {@code thirdParty} tells whether the cookie is set by
     * another site than the one it is found on; null when not known (left out of the JSON, so existing banner
     * versions keep their hash). The cookie declaration shows it.
     */
    public record CookieInfo(String name, String provider, String purpose, String lifetime,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean thirdParty) {

        public CookieInfo(String name, String provider, String purpose, String lifetime) {
            this(name, provider, purpose, lifetime, null);
        }
    }
}
