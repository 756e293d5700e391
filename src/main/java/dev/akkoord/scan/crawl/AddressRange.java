package dev.akkoord.scan.crawl;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.Objects;

/** A CIDR block such as {@code 10.0.0.0/8} or {@code fe80::/10}; a bare address is a block of one. */
record AddressRange(byte[] network, int prefix) {

    AddressRange {
        Objects.requireNonNull(network, "network");
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix must be within 0.." + network.length * 8 + ", got " + prefix);
        }
    }

    /** Parses {@code address} or {@code address/prefix}; throws IllegalArgumentException with the offending text. */
    static AddressRange parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = addressPart(t);
        if (!InetAddresses.isInetAddress(address)) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
        }
        byte[] bytes = InetAddresses.forString(address).getAddress();
        if (bytes.length == 4 && address.contains(":")) { // ::ffff:a.b.c.d is handed back as IPv4; keep it IPv6
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in CIDR range: " + text);
            }
        }
        return new AddressRange(bytes, prefix);
    }

    /** Whether the text looks like an address or range rather than a host name. */
    static boolean looksLikeRange(String text) {
        return InetAddresses.isInetAddress(addressPart(text.strip()));
    }

    /** The address of {@code address/prefix}, without IPv6 brackets. */
    private static String addressPart(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        return address;
    }

    boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    boolean contains(byte[] candidate) {
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }
}
