package dev.akkoord.classify;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a cookie came from, reduced to what the database needs to tell same-named entries apart: the registrable
 * domains of its tracker host and Domain attribute, and (worked out only when asked) the platforms known there.
 */
final class Origin {

    private final String trackerHost;
    private final String domain;
    private final Set<String> sites = new LinkedHashSet<>(2);
    private final VendorDirectory vendors;
    private Set<String> platforms;

    Origin(CookieFacts facts, VendorDirectory vendors) {
        this.trackerHost = facts.trackerHost();
        this.domain = facts.domain();
        this.vendors = vendors;
        addSite(trackerHost);
        addSite(domain);
    }

    private void addSite(String host) {
        String site = HostNames.registrable(host);
        if (site != null) {
            sites.add(site);
        }
    }

    boolean hasSite() {
        return !sites.isEmpty();
    }

    /** The hosts to ask the vendor layer about, most telling first. */
    String[] hosts() {
        return new String[] {trackerHost, domain};
    }

    boolean matches(KnownCookie entry) {
        if (sites.isEmpty()) {
            return false;
        }
        for (String host : entry.hosts()) {
            if (sites.contains(HostNames.registrable(host))) {
                return true;
            }
        }
        return !entry.platform().isEmpty() && platforms().contains(entry.platform().toLowerCase(Locale.ROOT));
    }

    private Set<String> platforms() {
        if (platforms == null) {
            platforms = new LinkedHashSet<>();
            if (trackerHost != null) {
                platforms.addAll(vendors.platformsOf(trackerHost));
            }
            if (domain != null) {
                platforms.addAll(vendors.platformsOf(domain));
            }
        }
        return platforms;
    }
}
