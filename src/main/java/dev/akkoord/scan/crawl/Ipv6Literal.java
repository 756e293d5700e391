package dev.akkoord.scan.crawl;

import java.util.Optional;

/**
 * An IPv6 address as written between the brackets of a URL, read and written again as browsers do (WHATWG URL
 * Standard, "IPv6 parser" and "IPv6 serializer"): {@code ::ffff:127.0.0.2} is shown as {@code ::ffff:7f00:2}.
 */
final class Ipv6Literal {

    private Ipv6Literal() {
    }

    /** The address in its compressed form (lower-case hex, the first longest run of zeros as ::), or empty. */
    static Optional<String> compressed(String text) {
        return pieces(text).map(Ipv6Literal::text);
    }

    /** The eight 16-bit pieces, or empty; the standard's IPv6 parser (no zone ids, strict dotted IPv4 at the end). */
    private static Optional<int[]> pieces(String text) {
        int[] pieces = new int[8];
        int piece = 0;
        int compress = -1;
        int at = 0;
        if (charAt(text, at) == ':') {
            if (charAt(text, at + 1) != ':') {
                return Optional.empty();
            }
            at += 2;
            compress = ++piece;
        }
        while (at < text.length()) {
            if (piece == 8) {
                return Optional.empty();
            }
            if (text.charAt(at) == ':') {
                if (compress != -1) {
                    return Optional.empty();
                }
                at++;
                compress = ++piece;
                continue;
            }
            int value = 0;
            int length = 0;
            while (length < 4 && hexValue(charAt(text, at)) >= 0) {
                value = value * 16 + hexValue(charAt(text, at));
                at++;
                length++;
            }
            if (charAt(text, at) == '.') {
                if (length == 0 || piece > 6) {
                    return Optional.empty();
                }
                return embeddedIpv4(text, at - length, pieces, piece)
                        ? compressed(pieces, compress, piece + 2) : Optional.empty();
            }
            if (charAt(text, at) == ':') {
                at++;
                if (at == text.length()) {
                    return Optional.empty();
                }
            } else if (at < text.length()) {
                return Optional.empty();
            }
            pieces[piece++] = value;
        }
        return compressed(pieces, compress, piece);
    }

    /** Reads {@code a.b.c.d} (decimal, no leading zeros) into two pieces; false if it is anything else. */
    private static boolean embeddedIpv4(String text, int at, int[] pieces, int piece) {
        String[] numbers = text.substring(at).split("\\.", -1);
        if (numbers.length != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            String n = numbers[i];
            if (n.isEmpty() || n.length() > 3 || n.length() > 1 && n.charAt(0) == '0'
                    || !n.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(n) > 255) {
                return false;
            }
            pieces[piece + i / 2] = pieces[piece + i / 2] * 256 + Integer.parseInt(n);
        }
        return true;
    }

    /** Moves the pieces after {@code ::} to the end, the zeros it stands for between; without one, all 8 are needed. */
    private static Optional<int[]> compressed(int[] pieces, int compress, int filled) {
        if (compress == -1) {
            return filled == 8 ? Optional.of(pieces) : Optional.empty();
        }
        int[] out = new int[8];
        System.arraycopy(pieces, 0, out, 0, compress);
        int after = filled - compress;
        System.arraycopy(pieces, compress, out, 8 - after, after);
        return Optional.of(out);
    }

    /** Lower-case hex pieces; the first longest run of two or more zero pieces becomes {@code ::}. */
    private static String text(int[] pieces) {
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && pieces[j] == 0) {
                j++;
            }
            if (j - i > runLength) {
                runStart = i;
                runLength = j - i;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                out.append(i == 0 ? "::" : ":");
                i += runLength - 1;
                continue;
            }
            out.append(Integer.toHexString(pieces[i]));
            if (i != 7) {
                out.append(':');
            }
        }
        return out.toString();
    }

    private static int charAt(String text, int at) {
        return at < text.length() ? text.charAt(at) : -1;
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit alone takes non-ASCII digits too). */
    private static int hexValue(int c) {
        return c >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
