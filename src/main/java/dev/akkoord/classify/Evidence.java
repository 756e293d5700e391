package dev.akkoord.classify;

import java.net.URI;
import java.util.List;

/**
 * Who stands behind a cookie, as far as its hosts and its setter tell: the vendor-table rows of the vendor whose host
 * or script set it, or else the third-party entity of its host. Worked out once per classification.
 */
final class Evidence {

    /** The rows of the vendor behind the cookie; empty when no host or script names one. */
    final List<Vendor> vendorRows;
    /** What pointed at that vendor: a host, or a script's URL. */
    final String vendorSeenAt;
    /** The third-party entity of the setting host or the cookie's domain, when it has a category. */
    final ThirdPartyHosts.Entity entity;
    final String entityHost;

    Evidence(CookieFacts facts, VendorTable table, ThirdPartyHosts thirdParties) {
        String setterHost = hostOf(facts.setterUrl());
        String[] hosts = {facts.trackerHost(), setterHost, facts.domain()};
        List<Vendor> rows = List.of();
        String seenAt = null;
        for (String host : hosts) {
            if (host != null && rows.isEmpty()) {
                rows = table.byHost(host);
                seenAt = host;
            }
        }
        if (rows.isEmpty()) {
            rows = table.byScript(facts.setterUrl());
            seenAt = facts.setterUrl();
        }
        this.vendorRows = rows;
        this.vendorSeenAt = rows.isEmpty() ? null : seenAt;
        ThirdPartyHosts.Entity found = null;
        String foundAt = null;
        for (String host : hosts) {
            ThirdPartyHosts.Entity e = host == null ? null : thirdParties.of(host);
            if (e != null && e.category() != null) {
                found = e;
                foundAt = host;
                break;
            }
        }
        this.entity = found;
        this.entityHost = foundAt;
    }

    boolean names(Vendor vendor) {
        for (Vendor row : vendorRows) {
            if (row.name().equals(vendor.name())) {
                return true;
            }
        }
        return false;
    }

    private static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
