package dev.akkoord.scan.crawl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses a scan may connect to. A scan fetches what strangers typed into a form, so it must not become a
 * way into the operator's own network: every address that is not plainly public is refused unless the operator
 * allowed it ({@code akkoord.scan.allow-hosts}: host names, addresses or CIDR ranges).
 */
public final class AddressPolicy {

    /** Loopback, private, shared (CGNAT), link-local (cloud metadata lives there), reserved and multicast space. */
    private static final List<AddressRange> NOT_PUBLIC = List.of(
            AddressRange.parse("0.0.0.0/8"), // "this network", includes the unspecified address
            AddressRange.parse("10.0.0.0/8"),
            AddressRange.parse("100.64.0.0/10"), // carrier-grade NAT, also Alibaba's metadata address
            AddressRange.parse("127.0.0.0/8"),
            AddressRange.parse("169.254.0.0/16"), // link-local, 169.254.169.254 metadata
            AddressRange.parse("172.16.0.0/12"),
            AddressRange.parse("192.0.0.0/24"),
            AddressRange.parse("192.0.2.0/24"),
            AddressRange.parse("192.88.99.0/24"),
            AddressRange.parse("192.168.0.0/16"),
            AddressRange.parse("198.18.0.0/15"),
            AddressRange.parse("198.51.100.0/24"),
            AddressRange.parse("203.0.113.0/24"),
            AddressRange.parse("224.0.0.0/4"), // multicast
            AddressRange.parse("240.0.0.0/4"), // reserved, includes broadcast
            AddressRange.parse("::/128"),
            AddressRange.parse("::1/128"),
            AddressRange.parse("100::/64"),
            AddressRange.parse("2001::/32"), // Teredo tunnels reach IPv4 space
            AddressRange.parse("2001:db8::/32"),
            AddressRange.parse("fc00::/7"), // unique local, includes fd00:ec2::254 metadata
            AddressRange.parse("fe80::/10"),
            AddressRange.parse("fec0::/10"),
            AddressRange.parse("ff00::/8"));

    /** IPv6 prefixes that carry an IPv4 address in their last 32 bits (mapped, compatible, NAT64). */
    private static final List<AddressRange> EMBEDS_IPV4_AT_END = List.of(
            AddressRange.parse("::ffff:0:0/96"),
            AddressRange.parse("::/96"),
            AddressRange.parse("64:ff9b::/96"),
            AddressRange.parse("64:ff9b:1::/48"));

    /** 6to4 carries the IPv4 address in bits 16..47. */
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

    private final Set<String> allowedHosts;
    private final List<AddressRange> allowedRanges;
    private final boolean onlyAllowed;

    private AddressPolicy(Set<String> allowedHosts, List<AddressRange> allowedRanges, boolean onlyAllowed) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.allowedRanges = List.copyOf(allowedRanges);
        this.onlyAllowed = onlyAllowed;
    }

    /** Only public addresses. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(Set.of(), List.of(), false);
    }

    /** Nothing but the allow-list: public addresses are refused too, and other names are never resolved. */
    public AddressPolicy onlyAllowed() {
        return new AddressPolicy(allowedHosts, allowedRanges, true);
    }

    /** Whether a host name may be resolved at all. */
    boolean mayResolve(String host) {
        return !onlyAllowed || allowsHost(host);
    }

    /**
     * Public addresses plus the given exceptions. Each entry is a host name, an address or a CIDR range; entries may
     * themselves be comma-separated (the environment variable form).
     */
    public static AddressPolicy allowing(Collection<String> entries) {
        Set<String> hosts = new HashSet<>();
        List<AddressRange> ranges = new ArrayList<>();
        for (String entry : entries) {
            for (String part : entry.split(",")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                if (AddressRange.looksLikeRange(p)) {
                    ranges.add(AddressRange.parse(p));
                } else {
                    hosts.add(normalizeHost(p));
                }
            }
        }
        return new AddressPolicy(hosts, ranges, false);
    }

    /** Whether the operator allowed this host name outright, whatever it resolves to. */
    boolean allowsHost(String host) {
        return allowedHosts.contains(normalizeHost(host));
    }

    /** Whether a connection to this address is permitted. */
    public boolean permits(InetAddress address) {
        for (AddressRange range : allowedRanges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return !onlyAllowed && isPublic(address);
    }

    /** Whether the address is globally routable unicast space, looking through IPv6 forms that embed IPv4. */
    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            for (AddressRange embedding : EMBEDS_IPV4_AT_END) {
                if (embedding.contains(bytes)) {
                    return isPublic(ipv4(bytes, 12));
                }
            }
            if (SIX_TO_FOUR.contains(bytes)) {
                return isPublic(ipv4(bytes, 2));
            }
        }
        for (AddressRange range : NOT_PUBLIC) {
            if (range.contains(bytes)) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes, int offset) {
        byte[] v4 = new byte[4];
        System.arraycopy(bytes, offset, v4, 0, 4);
        try {
            return InetAddress.getByAddress(v4);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    static String normalizeHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }
}
