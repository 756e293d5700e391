package dev.akkoord.classify;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the knowledge base: an Open Cookie Database row, possibly corrected by our overlay, or an overlay row.
 *
 * @param id        the Open Cookie Database entry id, or {@code overlay:<n>} for our own rows
 * @param name      the cookie name; the stable prefix when {@code wildcard}
 * @param wildcard  whether {@code name} is a prefix that real cookie names extend
 * @param category  mapped onto ours (never {@code UNCLASSIFIED})
 * @param platform  the service that sets it, for example "Google Analytics"; may be empty
 * @param hosts     the setting hosts named by the entry (lower case, no leading dot); empty means first party or unknown
 * @param purpose   the documented purpose
 * @param retention the documented retention period, free text
 * @param controller the data controller, may be empty
 */
public record KnownCookie(String id, String name, boolean wildcard, Category category, String platform,
        List<String> hosts, String purpose, String retention, String controller) {

    public KnownCookie {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        if (category == Category.UNCLASSIFIED) {
            throw new IllegalArgumentException("a known cookie needs a category: " + id);
        }
        hosts = List.copyOf(hosts);
    }

    /** What a scan would observe for this entry: its name, its first host, its lifetime, third party if it names a host. */
    public CookieFacts asObserved() {
        return new CookieFacts(name, hosts.isEmpty() ? null : hosts.get(0), RetentionPeriods.parseRetention(retention), null,
                null, !hosts.isEmpty(), null);
    }
}
