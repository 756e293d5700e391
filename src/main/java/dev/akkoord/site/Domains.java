package dev.akkoord.site;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.akkoord.web.ProblemException;

/**
 * A site's domains are the hosts its banner may run on: {@code www.example.test} (that host only),
 * {@code *.example.test} (the host and every subdomain), optionally with a port ({@code 127.0.0.1:8181}).
 */
public final class Domains {

    private static final Pattern HOST = Pattern.compile(
            "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?");
    private static final Pattern PLAIN_IPV4 = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final int MAX_DOMAINS = 50;
    /** The schemes a banner runs under, with their default ports. */
    private static final Map<String, Integer> WEB_SCHEMES = Map.of("https", 443, "http", 80);

    private Domains() {
    }

    public static List<String> normalize(List<String> domains) {
        if (domains == null || domains.isEmpty()) {
            throw ProblemException.badRequest("'domains' must list at least one domain, e.g. \"www.example.com\"");
        }
        if (domains.size() > MAX_DOMAINS) {
            throw ProblemException.badRequest("'domains' may list at most " + MAX_DOMAINS + " domains");
        }
        LinkedHashSet<String> normalized = new LinkedHashSet<>();
        for (String domain : domains) {
            normalized.add(normalizeOne(domain));
        }
        return new ArrayList<>(normalized);
    }

    private static String normalizeOne(String domain) {
        if (domain == null) {
            throw ProblemException.badRequest("'domains' contains null");
        }
        String value = domain.trim().toLowerCase(Locale.ROOT);
        value = value.replaceFirst("^https?://", "");
        if (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.startsWith(".")) {
            value = "*" + value;
        }
        if (value.length() > 260 || !HOST.matcher(value).matches()) {
            throw ProblemException.badRequest("'" + domain + "' is not a domain; use a host such as "
                    + "www.example.com, *.example.com for all subdomains, or host:port");
        }
        refuseUnscannable(domain, value);
        return value;
    }

    /**
     * A host that ends in a number is an IPv4 address to browsers, which read short and zero-led spellings their own
     * way ({@code 127.2} is 127.0.0.2, {@code 0177.0.0.1} is 127.0.0.1); the banner's origin check and the scanner
     * would disagree about which host is meant, so only the plain four-number form is taken. A port must exist.
     */
    private static void refuseUnscannable(String domain, String value) {
        int colon = value.lastIndexOf(':');
        if (colon > 0) {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 1 || port > 65_535) {
                throw ProblemException.badRequest("'" + domain + "' names port " + port + ", which does not exist; "
                        + "ports go from 1 to 65535");
            }
        }
        String host = baseHost(value);
        String lastLabel = host.substring(host.lastIndexOf('.') + 1);
        if (!lastLabel.chars().allMatch(Character::isDigit)) {
            return;
        }
        if (value.startsWith("*.") || !PLAIN_IPV4.matcher(host).matches()) {
            throw ProblemException.badRequest("'" + domain + "' cannot be scanned: a host ending in a number is an IP "
                    + "address, which browsers read in their own way when it is shortened or has leading zeros. Write "
                    + "the address as four numbers from 0 to 255 (such as 203.0.113.7), or use the site's name");
        }
    }

    /**
     * Whether a browser Origin header ({@code https://shop.example.test:8443}) is one of the domains: the scheme is
     * {@code https} or {@code http}, the host is listed, and so is the port, where a domain without one means the
     * scheme's default (443 or 80). A {@code file://} page or a second server on another port of the same host is
     * another origin.
     */
    public static boolean allowsOrigin(List<String> domains, String origin) {
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!WEB_SCHEMES.containsKey(scheme) || uri.getHost() == null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int defaultPort = WEB_SCHEMES.get(scheme);
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        for (String domain : domains) {
            if (portOf(domain, defaultPort) == port && matches(domain, host, port)) {
                return true;
            }
        }
        return false;
    }

    /** The port a domain pattern names, or {@code otherwise} when it names none. */
    private static int portOf(String domain, int otherwise) {
        int colon = domain.lastIndexOf(':');
        return colon > 0 ? Integer.parseInt(domain.substring(colon + 1)) : otherwise;
    }

    /**
     * How narrowly a domain pattern names a page, to choose between sites that both claim it: a longer host first,
     * then a named host before a wildcard of the same base, then a given port before any port.
     */
    static int specificity(String domain) {
        return baseHost(domain).length() * 4 + (domain.startsWith("*.") ? 0 : 2) + (domain.lastIndexOf(':') > 0 ? 1 : 0);
    }

    /** The host a domain pattern names: {@code *.example.test:8443} → {@code example.test}. */
    static String baseHost(String domain) {
        String host = domain.startsWith("*.") ? domain.substring(2) : domain;
        int colon = host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }

    static boolean matches(String domain, String host, int port) {
        String pattern = domain;
        int colon = pattern.lastIndexOf(':');
        if (colon > 0) {
            if (port != Integer.parseInt(pattern.substring(colon + 1))) {
                return false;
            }
            pattern = pattern.substring(0, colon);
        }
        if (pattern.startsWith("*.")) {
            String base = pattern.substring(2);
            return host.equals(base) || host.endsWith("." + base);
        }
        return host.equals(pattern);
    }
}
