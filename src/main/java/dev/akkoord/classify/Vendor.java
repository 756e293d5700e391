package dev.akkoord.classify;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of our vendor table: a vendor's cookies of one category, as its own documentation describes them.
 *
 * @param name      the product as its maker names it ("Hotjar")
 * @param kind      what sort of service it is (analytics, advertising, chat, consent, …)
 * @param category  what these cookies are for
 * @param hosts     the hosts its scripts, pixels and frames come from; each matches itself and its subdomains
 * @param cookies   the documented names, exact or with {@code *} for ids and keys
 * @param purpose   one plain sentence for visitors
 * @param retention the longest documented lifetime, may be empty
 * @param source    the vendor's documentation the row is taken from
 */
record Vendor(String name, String kind, Category category, List<String> hosts, List<NamePattern> cookies,
        String purpose, String retention, String source) {

    Vendor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        hosts = List.copyOf(hosts);
        cookies = List.copyOf(cookies);
    }

    /** The vendor's name folded to letters and digits ("Microsoft Clarity" → "microsoftclarity"). */
    String slug() {
        return slug(name);
    }

    /** The first word of the name, folded, when it is long enough to mean the vendor ("posthog", "hotjar"). */
    String brand() {
        String first = name.strip().split("[\\s(/,]+")[0];
        String folded = slug(first);
        return folded.length() >= 5 ? folded : null;
    }

    static String slug(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
