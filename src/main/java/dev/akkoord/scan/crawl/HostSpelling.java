package dev.akkoord.scan.crawl;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the host of an http(s) URL as browsers do (WHATWG URL Standard, "host parsing"). To a browser
 * {@code 0177.0.0.1}, {@code 127.1}, {@code 0x7f.1}, {@code 2130706433} and {@code 127.0.0.1.} are all 127.0.0.1,
 * while Java reads the first as 177.0.0.1 and the others as names to look up. A host that ends in a number but is no
 * valid IPv4 address ({@code 1.2.3.4.5}, {@code 0x100000000}) makes the whole URL invalid: browsers never look it up.
 */
final class HostSpelling {

    /** What browsers refuse in a host once it is percent-decoded, besides controls ("forbidden domain code points"). */
    private static final String FORBIDDEN = " #%/:<>?@[\\]^|";

    private static final BigInteger BYTE_VALUES = BigInteger.valueOf(256);

    private HostSpelling() {
    }

    /**
     * The host as a browser's address bar shows it: dotted decimal for every IPv4 spelling, the compressed IPv6
     * address in brackets, a name lower-cased (a trailing dot stays, as browsers keep it). Empty when browsers refuse
     * the host. A name with characters outside ASCII (an IDN) is left as written, only lower-cased.
     */
    static Optional<String> urlForm(String host) {
        if (host.startsWith("[")) {
            if (host.length() < 2 || !host.endsWith("]")) {
                return Optional.empty();
            }
            return Ipv6Literal.compressed(host.substring(1, host.length() - 1)).map(address -> "[" + address + "]");
        }
        String domain = percentDecoded(host);
        if (domain == null) {
            return Optional.empty();
        }
        String mapped = folded(domain);
        if (mapped.isEmpty() || mapped.chars().anyMatch(HostSpelling::isForbidden)) {
            return Optional.empty();
        }
        if (endsInANumber(mapped)) {
            return ipv4(mapped).map(HostSpelling::ipv4Text);
        }
        return Optional.of(mapped.chars().allMatch(c -> c < 0x80) ? mapped : domain.toLowerCase(Locale.ROOT));
    }

    /**
     * The host as the crawler compares and vets it, in the form {@link AddressPolicy#normalizeHost} gives: as
     * {@link #urlForm}, but IPv6 without brackets and a name without trailing dots. A bare IPv6 address is read too,
     * since {@code normalizeHost} hands them on that way; no name can contain a colon.
     */
    static Optional<String> canonical(String host) {
        if (host.contains(":") && !host.startsWith("[")) {
            return Ipv6Literal.compressed(host);
        }
        return urlForm(host).flatMap(form -> {
            if (form.startsWith("[")) {
                return Optional.of(form.substring(1, form.length() - 1));
            }
            String name = form;
            while (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
            }
            // "1.2.3.4.." is a name to a browser (one that no DNS can answer); without its dots it would pass
            // for an address, so it is refused instead.
            return !name.equals(form) && endsInANumber(name) ? Optional.empty() : Optional.of(name);
        });
    }

    // ---- names ----

    /** Percent-decoded and read as UTF-8, or null when the bytes are not UTF-8. */
    private static String percentDecoded(String host) {
        if (host.indexOf('%') < 0) {
            return host;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = host.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hexValue(raw[i + 1]) >= 0 && hexValue(raw[i + 2]) >= 0) {
                bytes.write(hexValue(raw[i + 1]) * 16 + hexValue(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]); // a lone '%' stays, and is then refused as a forbidden code point
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Lower-cased, with compatibility forms folded (NFKC) and ideographic full stops read as dots: the part of the
     * browsers' IDNA mapping by which full-width {@code １２７．０．０．１} is 127.0.0.1. Other non-ASCII text is kept;
     * the crawler does not convert IDNs to punycode.
     */
    private static String folded(String domain) {
        if (domain.chars().allMatch(c -> c < 0x80)) {
            return domain.toLowerCase(Locale.ROOT);
        }
        return Normalizer.normalize(domain, Normalizer.Form.NFKC).replace('\u3002', '.').toLowerCase(Locale.ROOT);
    }

    private static boolean isForbidden(int c) {
        return c <= 0x1f || c == 0x7f || FORBIDDEN.indexOf(c) >= 0;
    }

    // ---- IPv4 ----

    /** The standard's "ends in a number" check: such a host must be an IPv4 address, or the URL is invalid. */
    private static boolean endsInANumber(String domain) {
        List<String> parts = parts(domain);
        String last = parts.get(parts.size() - 1);
        return !last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9') || ipv4Number(last) != null;
    }

    /** The address as a 32-bit value, or empty: up to four parts, the last one filling the bytes the others leave. */
    private static Optional<Long> ipv4(String domain) {
        List<String> parts = parts(domain);
        if (parts.size() > 4) {
            return Optional.empty();
        }
        List<BigInteger> numbers = new ArrayList<>();
        for (String part : parts) {
            BigInteger number = ipv4Number(part);
            if (number == null) {
                return Optional.empty();
            }
            numbers.add(number);
        }
        int last = numbers.size() - 1;
        for (int i = 0; i < last; i++) {
            if (numbers.get(i).compareTo(BYTE_VALUES) >= 0) {
                return Optional.empty();
            }
        }
        if (numbers.get(last).compareTo(BYTE_VALUES.pow(4 - last)) >= 0) {
            return Optional.empty();
        }
        long address = numbers.get(last).longValue();
        for (int i = 0; i < last; i++) {
            address += numbers.get(i).longValue() << (8 * (3 - i));
        }
        return Optional.of(address);
    }

    /** Dot-separated parts, without the empty one a trailing dot leaves. */
    private static List<String> parts(String domain) {
        List<String> parts = new ArrayList<>(Arrays.asList(domain.split("\\.", -1)));
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    /** One part: {@code 0x} hexadecimal, leading-zero octal, else decimal ({@code 0x} alone is 0); null if none. */
    private static BigInteger ipv4Number(String part) {
        if (part.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return BigInteger.ZERO;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c >= 0x80 || Character.digit(c, radix) < 0) { // Character.digit alone takes non-ASCII digits too
                return null;
            }
        }
        return new BigInteger(digits, radix);
    }

    private static String ipv4Text(long address) {
        return (address >> 24 & 0xff) + "." + (address >> 16 & 0xff) + "." + (address >> 8 & 0xff) + "."
                + (address & 0xff);
    }

    /** The value of an ASCII hex digit, or -1. */
    private static int hexValue(int c) {
        return c >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
