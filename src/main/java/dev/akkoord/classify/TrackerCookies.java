package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The knowledge base's cookies by platform and by setting site, to say which cookies a tracker found on a page
 * would write: scripts set cookies a static crawl never sees in a response.
 */
final class TrackerCookies {

    private final Map<String, List<KnownCookie>> byPlatform = new HashMap<>();
    private final Map<String, List<KnownCookie>> bySite = new HashMap<>();
    private final VendorDirectory vendors;

    TrackerCookies(List<KnownCookie> cookies, VendorDirectory vendors) {
        this.vendors = vendors;
        for (KnownCookie cookie : cookies) {
            byPlatform.computeIfAbsent(cookie.platform().toLowerCase(Locale.ROOT), p -> new ArrayList<>()).add(cookie);
            for (String host : cookie.hosts()) {
                bySite.computeIfAbsent(HostNames.registrable(host), s -> new ArrayList<>()).add(cookie);
            }
        }
    }

    /** A platform name ("Hotjar") or a host (its platforms, and the entries that name its site); one entry per name. */
    List<KnownCookie> of(String hostOrPlatform) {
        if (hostOrPlatform == null || hostOrPlatform.isBlank()) {
            return List.of();
        }
        String key = hostOrPlatform.strip().toLowerCase(Locale.ROOT);
        Map<String, KnownCookie> found = new LinkedHashMap<>();
        addByName(found, byPlatform.get(key));
        if (key.indexOf('.') > 0 && key.indexOf(' ') < 0) {
            for (String platform : vendors.platformsOf(key)) {
                addByName(found, byPlatform.get(platform));
            }
            addByName(found, bySite.get(HostNames.registrable(key)));
        }
        return List.copyOf(found.values());
    }

    private static void addByName(Map<String, KnownCookie> found, List<KnownCookie> cookies) {
        if (cookies != null) {
            cookies.forEach(c -> found.putIfAbsent((c.wildcard() ? "*" : "=") + c.name(), c));
        }
    }
}
