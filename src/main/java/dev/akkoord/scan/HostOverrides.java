package dev.akkoord.scan;

import dev.akkoord.classify.Category;
import dev.akkoord.web.ProblemException;
import java.net.IDN;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Script hosts the site owner declares. {@code *.example.com} stands for the domain and every host below it, as
 * the banner matches it. The owner's word wins over the scanner's: a declared host leaves every other list, and a
 * host declared functional is no tracker at all.
 */
final class HostOverrides {

    private static final int MAX_LENGTH = 253;
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern HOST = Pattern.compile("(?:\\*\\.)?" + LABEL + "(?:\\." + LABEL + ")+");

    private HostOverrides() {
    }

    /** The host in the form the banner compares: lower case, ASCII (punycode), no trailing dot. */
    static String normalize(String raw) {
        String host = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        try {
            boolean wildcard = host.startsWith("*.");
            host = (wildcard ? "*." : "") + IDN.toASCII(wildcard ? host.substring(2) : host, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            host = "";
        }
        if (host.length() > MAX_LENGTH || !HOST.matcher(host).matches()) {
            throw ProblemException.badRequest("'" + raw + "' is not a host name: give one such as "
                    + "connect.facebook.net, or *.doubleclick.net for a domain and every host below it");
        }
        return host;
    }

    /** Applies the owner's hosts to the scanner's host lists (category key to hosts), in place. */
    static void apply(Map<String, ? extends Set<String>> hosts, Map<String, Category> overrides) {
        overrides.forEach((host, category) -> {
            hosts.values().forEach(list -> list.removeIf(listed -> listed.equalsIgnoreCase(host)));
            if (category != Category.FUNCTIONAL) {
                hosts.get(category.label()).add(host);
            }
        });
    }
}
