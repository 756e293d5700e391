package dev.akkoord.dashboard;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Addresses as an owner reads them: a page or script of the site by its path ({@code /lib/posthog.js}), anything else
 * by host (with a port that is not the scheme's) and path ({@code connect.facebook.net/en_US/fbevents.js}). Queries
 * are left out; the full address stays available for a title.
 */
final class SiteUrls {

    private final Set<String> siteAuthorities;

    /** @param origins the scan's origins ({@code https://shop.example}), whose hosts and ports are the site's */
    SiteUrls(List<String> origins) {
        this.siteAuthorities = origins.stream().map(SiteUrls::authorityOf).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    String shorten(String url) {
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return url; // not ours to repair: shown as stored
        }
        String authority = authorityOf(uri);
        if (authority == null) {
            return url;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return siteAuthorities.contains(authority) ? path : authority + path;
    }

    private static String authorityOf(String origin) {
        try {
            return authorityOf(new URI(origin));
        } catch (Exception e) {
            return null;
        }
    }

    /** {@code host} or {@code host:port}, the port only where it is not the scheme's own. */
    private static String authorityOf(URI uri) {
        if (uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 && "http".equalsIgnoreCase(uri.getScheme())
                || port == 443 && "https".equalsIgnoreCase(uri.getScheme());
        return defaultPort ? host : host + ":" + port;
    }
}
