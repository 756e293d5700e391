package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Host name helpers. The registrable-domain rule is a heuristic, good enough to match vendors, not a public suffix list. */
final class HostNames {

    private static final Pattern HOST = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

    /** Second-level labels under which country registries sell names (example.co.uk, example.com.tr). */
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "gov", "ac", "edu", "ne", "or",
            "go", "gob", "ltd", "plc", "nic");

    private HostNames() {
    }

    /** Lower case, without scheme, port, path, leading or trailing dots; {@code null} for blank input. */
    static String normalizeHost(String host) {
        if (host == null) {
            return null;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            h = h.substring(scheme + 3);
        }
        int end = h.length();
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c == '/' || c == ':' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        h = h.substring(0, end);
        int from = 0;
        while (from < h.length() && h.charAt(from) == '.') {
            from++;
        }
        int to = h.length();
        while (to > from && h.charAt(to - 1) == '.') {
            to--;
        }
        h = h.substring(from, to);
        return h.isEmpty() ? null : h;
    }

    /**
     * The first value {@code lookup} has for the host or its nearest parent domain (a.b.example.com, then
     * b.example.com, then example.com; never the bare top-level domain), or null.
     */
    static <T> T nearest(String host, Function<String, T> lookup) {
        String h = normalizeHost(host);
        while (h != null) {
            T value = lookup.apply(h);
            if (value != null) {
                return value;
            }
            int dot = h.indexOf('.');
            h = dot < 0 || h.indexOf('.', dot + 1) < 0 ? null : h.substring(dot + 1);
        }
        return null;
    }

    /** example.com for www.example.com, example.co.uk for a.example.co.uk; the host itself when it has one label. */
    static String registrable(String host) {
        String h = normalizeHost(host);
        if (h == null) {
            return null;
        }
        int last = h.lastIndexOf('.');
        if (last < 0 || Character.isDigit(h.charAt(h.length() - 1))) {
            return h; // a single label or an IPv4 address
        }
        int second = h.lastIndexOf('.', last - 1);
        if (second < 0) {
            return h;
        }
        String tld = h.substring(last + 1);
        String sld = h.substring(second + 1, last);
        if (tld.length() == 2 && SECOND_LEVEL.contains(sld)) {
            int third = h.lastIndexOf('.', second - 1);
            return third < 0 ? h : h.substring(third + 1);
        }
        return h.substring(second + 1);
    }

    /** The host names mentioned in free text such as {@code ".bing.com (3rd party) or .microsoft.com (3rd party)"}. */
    static List<String> hostsIn(String text) {
        List<String> hosts = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return hosts;
        }
        Matcher m = HOST.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String host = m.group();
            if (!hosts.contains(host)) {
                hosts.add(host);
            }
        }
        return hosts;
    }
}
