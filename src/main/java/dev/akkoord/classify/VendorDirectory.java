package dev.akkoord.classify;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Layer 3: what the host that set a cookie tells about it. Two sources:
 * the knowledge base's own entries, grouped by the registrable domain they name (if that site's cookies are nearly all
 * of one category, an unknown cookie from it probably is too), and, for sites the knowledge base has no entries for,
 * our hand-written vendor table.
 */
final class VendorDirectory {

    /** How a host decided a cookie: category, who runs the host, and how sure we are. */
    record Verdict(Category category, String vendor, double confidence, String reason) {
    }

    /** Share of a site's known cookies that must agree before its category is used for its unknown cookies. */
    static final double MIN_PURITY = 0.8;
    /** Least confidence for a site's statistics to decide: with one category throughout, at least two entries. */
    static final double MIN_CONFIDENCE = 0.6;
    /** Confidence given to our vendor table, where the knowledge base has nothing for the site. */
    static final double HAND_CONFIDENCE = 0.8;

    private final Map<String, VendorHost> handByHost = new HashMap<>();
    private final Map<String, SiteStats> sites = new HashMap<>();
    private final Map<String, Category> trackerHosts;

    VendorDirectory(List<KnownCookie> cookies, List<VendorHost> handWritten) {
        for (VendorHost host : handWritten) {
            handByHost.put(host.host(), host);
        }
        for (KnownCookie cookie : cookies) {
            Set<String> seen = new LinkedHashSet<>();
            for (String host : cookie.hosts()) {
                String site = HostNames.registrable(host);
                if (seen.add(site)) {
                    sites.computeIfAbsent(site, s -> new SiteStats()).add(cookie);
                }
            }
        }
        this.trackerHosts = buildTrackerHosts();
    }

    /** The category a cookie set by this host probably has, if the host says enough. */
    Optional<Verdict> verdict(String host) {
        String site = HostNames.registrable(host);
        if (site == null) {
            return Optional.empty();
        }
        SiteStats stats = sites.get(site);
        if (stats != null) {
            return stats.verdict(site);
        }
        VendorHost hand = handEntry(host);
        return hand == null ? Optional.empty() : Optional.of(new Verdict(hand.category(), hand.vendor(), HAND_CONFIDENCE,
                "Set by " + hand.host() + " (" + hand.vendor() + "), a " + hand.category().label() + " vendor"));
    }

    /** Lower-case platform names known for the host, from both sources. */
    Set<String> platformsOf(String host) {
        Set<String> platforms = new LinkedHashSet<>();
        VendorHost hand = handEntry(host);
        if (hand != null) {
            hand.platforms().forEach(p -> platforms.add(p.toLowerCase(Locale.ROOT)));
        }
        SiteStats stats = sites.get(HostNames.registrable(host));
        if (stats != null) {
            platforms.addAll(stats.platforms.keySet());
        }
        return platforms;
    }

    /** Host → category for hosts whose scripts are analytical or marketing trackers; sorted, unmodifiable. */
    Map<String, Category> trackerHosts() {
        return trackerHosts;
    }

    private Map<String, Category> buildTrackerHosts() {
        Map<String, Category> hosts = new TreeMap<>();
        sites.forEach((site, stats) -> stats.verdict(site)
                .filter(v -> v.category() != Category.FUNCTIONAL)
                .ifPresent(v -> hosts.put(site, v.category())));
        // Our table is curated for exactly this purpose, so it has the last word.
        handByHost.values().forEach(h -> {
            if (h.category() == Category.FUNCTIONAL) {
                hosts.remove(h.host());
            } else {
                hosts.put(h.host(), h.category());
            }
        });
        return Collections.unmodifiableMap(hosts);
    }

    /** The most specific table entry for the host: a.b.example.com, then b.example.com, then example.com. */
    private VendorHost handEntry(String host) {
        return HostNames.nearest(host, handByHost::get);
    }

    /** Category counts and platforms of the knowledge-base entries that name one site. */
    private static final class SiteStats {
        private final Map<Category, Integer> counts = new EnumMap<>(Category.class);
        private final Map<String, String> platforms = new HashMap<>(); // lower case → as written
        private int total;

        void add(KnownCookie cookie) {
            counts.merge(cookie.category(), 1, Integer::sum);
            total++;
            if (!cookie.platform().isEmpty()) {
                platforms.putIfAbsent(cookie.platform().toLowerCase(Locale.ROOT), cookie.platform());
            }
        }

        Optional<Verdict> verdict(String site) {
            Map.Entry<Category, Integer> top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            double purity = (double) top.getValue() / total;
            // Laplace-smoothed share: one entry of one category is weak evidence, a hundred are strong.
            double confidence = (top.getValue() + 1.0) / (total + 3.0);
            if (purity < MIN_PURITY || confidence < MIN_CONFIDENCE) {
                return Optional.empty();
            }
            String vendor = platforms.size() == 1 ? platforms.values().iterator().next() : site;
            return Optional.of(new Verdict(top.getKey(), vendor, confidence, "Set by " + site + ", whose " + total
                    + " known cookie" + (total == 1 ? " is " : "s are mostly ") + top.getKey().label()));
        }
    }
}
