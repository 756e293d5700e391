package dev.akkoord.scan.crawl;

import io.netty.handler.codec.DateFormatter;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

/**
 * One parsed Set-Cookie header (RFC 6265 section 5.2), without its value: the scanner reports what a cookie is and
 * where it comes from, never what it holds.
 *
 * @param name        the cookie name
 * @param domain      the Domain attribute, lower case without a leading dot, or null (host-only cookie)
 * @param path        the Path attribute, or null
 * @param maxAge      Max-Age in seconds, or null
 * @param expires     the Expires date, or null
 * @param secure      the Secure flag
 * @param httpOnly    the HttpOnly flag
 * @param sameSite    {@code Strict}, {@code Lax} or {@code None} as sent (normalised case), or null
 * @param partitioned the Partitioned flag (CHIPS)
 */
public record SetCookie(String name, String domain, String path, Long maxAge, Instant expires, boolean secure,
        boolean httpOnly, String sameSite, boolean partitioned) {

    /** Parses a header; null when it holds no usable cookie (no name-value pair or an empty name). */
    static SetCookie parse(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.split(";");
        String pair = parts[0];
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return null;
        }
        String name = pair.substring(0, equals).strip();
        if (name.isEmpty()) {
            return null;
        }
        String domain = null;
        String path = null;
        Long maxAge = null;
        Instant expires = null;
        boolean secure = false;
        boolean httpOnly = false;
        String sameSite = null;
        boolean partitioned = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i];
            int eq = attribute.indexOf('=');
            String key = (eq < 0 ? attribute : attribute.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : attribute.substring(eq + 1).strip();
            switch (key) {
                case "domain" -> {
                    String d = value.toLowerCase(Locale.ROOT);
                    while (d.startsWith(".")) {
                        d = d.substring(1);
                    }
                    domain = d.isEmpty() ? null : d;
                }
                case "path" -> path = value.startsWith("/") ? value : null;
                case "max-age" -> maxAge = parseMaxAge(value, maxAge);
                case "expires" -> expires = parseDate(value, expires);
                case "secure" -> secure = true;
                case "httponly" -> httpOnly = true;
                case "samesite" -> sameSite = normaliseSameSite(value);
                case "partitioned" -> partitioned = true;
                default -> {
                    // unknown attributes are ignored, as browsers do
                }
            }
        }
        return new SetCookie(name, domain, path, maxAge, expires, secure, httpOnly, sameSite, partitioned);
    }

    /**
     * Seconds the cookie lives, measured from {@code now}: null for a session cookie; zero or less for a header that
     * deletes the cookie. Max-Age wins over Expires.
     */
    Long lifetimeSeconds(Instant now) {
        if (maxAge != null) {
            return maxAge;
        }
        if (expires != null) {
            return expires.getEpochSecond() - now.getEpochSecond();
        }
        return null;
    }

    private static Long parseMaxAge(String value, Long previous) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return previous; // an unparsable attribute is ignored
        }
    }

    private static Instant parseDate(String value, Instant previous) {
        Date date = DateFormatter.parseHttpDate(value); // the lenient RFC 6265 date algorithm
        return date == null ? previous : date.toInstant();
    }

    private static String normaliseSameSite(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "strict" -> "Strict";
            case "lax" -> "Lax";
            case "none" -> "None";
            default -> null;
        };
    }
}
