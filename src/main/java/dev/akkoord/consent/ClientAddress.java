package dev.akkoord.consent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Consent records keep only a truncated address (IPv4 /24, IPv6 /48): enough to spot abuse patterns, not enough to
 * single out a visitor.
 */
final class ClientAddress {

    private static final Pattern NUMERIC = Pattern.compile(
            "\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9a-fA-F.]*:[0-9a-fA-F:.]*\\]?");

    private ClientAddress() {
    }

    static String truncate(String address) {
        // Only numeric addresses: InetAddress would resolve a host name through DNS.
        if (address == null || !NUMERIC.matcher(address).matches()) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(stripBrackets(address)).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            String truncated = InetAddress.getByAddress(bytes).getHostAddress();
            return bytes.length == 4 ? truncated : truncated + "/48";
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String stripBrackets(String address) {
        return address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
    }
}
