package dev.akkoord.web;

/** The origin ({@code scheme://host[:port]}) of a URL a browser sent or a record keeps. */
public final class UrlOrigins {

    private UrlOrigins() {
    }

    /**
     * {@code scheme://host[:port]} of an absolute URL, or null. Read by hand rather than by {@link java.net.URI}: it runs
     * on every banner request, and only the part before the path matters; an authority with anything but host
     * characters gives null, so nothing odd reaches the dashboard.
     */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0 || !isScheme(url, schemeEnd)) {
            return null;
        }
        int hostStart = schemeEnd + 3;
        int end = hostStart;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        hostStart = Math.max(hostStart, url.lastIndexOf('@', end - 1) + 1); // user:password@ is no part of the origin
        if (hostStart == end) {
            return null;
        }
        for (int i = hostStart; i < end; i++) {
            char c = url.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && ".-:[]".indexOf(c) < 0) {
                return null;
            }
        }
        return url.substring(0, schemeEnd + 3) + url.substring(hostStart, end);
    }

    private static boolean isScheme(String url, int end) {
        for (int i = 0; i < end; i++) {
            char c = url.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return true;
    }
}
