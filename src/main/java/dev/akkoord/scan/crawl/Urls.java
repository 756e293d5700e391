package dev.akkoord.scan.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/** URL helpers for the crawler: lenient parsing of what pages contain, and one canonical form per page. */
final class Urls {

    /** Extensions that are never HTML pages, so links to them are not spent from the page budget. */
    private static final Set<String> NOT_PAGES = Set.of("7z", "avi", "bmp", "css", "csv", "doc", "docx", "eot", "exe",
            "gif", "gz", "ico", "jpeg", "jpg", "js", "json", "m4a", "mov", "mp3", "mp4", "mpeg", "ogg", "otf", "pdf",
            "png", "ppt", "pptx", "rar", "rss", "svg", "tar", "tgz", "tif", "tiff", "ttf", "txt", "wav", "webm", "webp",
            "woff", "woff2", "xls", "xlsx", "xml", "zip");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Urls() {
    }

    /**
     * An absolute http(s) URL in canonical form (lower-case scheme and host, no default port, no fragment, path at
     * least "/"), or null for anything else. Characters that browsers tolerate but {@link URI} does not are escaped.
     */
    static URI canonical(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(escape(t));
        } catch (URISyntaxException e) {
            return null;
        }
        return canonical(uri);
    }

    static URI canonical(URI uri) {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return null;
        }
        Authority authority = authority(uri);
        if (authority == null) {
            return null;
        }
        int port = authority.port() == defaultPort(scheme) ? -1 : authority.port();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder s = new StringBuilder(scheme).append("://").append(authority.host());
        if (port != -1) {
            s.append(':').append(port);
        }
        s.append(path);
        if (uri.getRawQuery() != null) {
            s.append('?').append(uri.getRawQuery());
        }
        try {
            return new URI(s.toString());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * Host and port of a URL as a browser reads them.
     *
     * @param host as the address bar shows it ({@link HostSpelling#urlForm}): {@code 0177.0.0.1} is 127.0.0.1
     * @param port {@code -1} when the URL names none
     */
    record Authority(String host, int port) {
    }

    /**
     * The URL's host and port as browsers read them, or null when browsers refuse the host ({@code 1.2.3.4.5}), the
     * URL has none, or {@link URI} cannot hold the host (an IDN, an underscore): such URLs stay out of the crawl.
     */
    static Authority authority(URI uri) {
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null) {
            // URI takes 127.1, 0x7f.1 and 127.0.0.1. for no host at all (a "registry-based authority"); browsers
            // read addresses there, so the host and port are read from the raw authority instead.
            String raw = uri.getRawAuthority();
            if (raw == null) {
                return null;
            }
            String hostAndPort = raw.substring(raw.lastIndexOf('@') + 1);
            int colon = hostAndPort.lastIndexOf(':');
            if (colon > hostAndPort.lastIndexOf(']')) {
                OptionalInt written = portNumber(hostAndPort.substring(colon + 1));
                if (written.isEmpty()) {
                    return null;
                }
                port = written.getAsInt();
                hostAndPort = hostAndPort.substring(0, colon);
            }
            host = hostAndPort;
        }
        String read = HostSpelling.urlForm(host).orElse(null);
        if (read == null) {
            return null;
        }
        try {
            return new URI("http://" + read + "/").getHost() == null ? null : new Authority(read, port);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** A port as browsers read it (digits, leading zeros allowed, at most 65535; -1 when empty), or empty. */
    private static OptionalInt portNumber(String digits) {
        if (digits.isEmpty()) {
            return OptionalInt.of(-1);
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() > 5 || Integer.parseInt(significant) > 65535
                ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(significant));
    }

    /** Resolves a Location header or link against the URL it came from. */
    static URI resolve(URI base, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        try {
            return canonical(base.resolve(new URI(escape(reference.strip()))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    static int port(URI uri) {
        return uri.getPort() == -1 ? defaultPort(uri.getScheme()) : uri.getPort();
    }

    /** Path and query as sent on the request line. */
    static String requestTarget(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The URL of another path on the same origin. */
    static URI sameOrigin(URI origin, String path) {
        return canonical(origin.getScheme() + "://" + origin.getRawAuthority() + path);
    }

    static boolean looksLikePage(URI uri) {
        String path = uri.getRawPath();
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return true;
        }
        return !NOT_PAGES.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Percent-encodes spaces, non-ASCII and other characters {@link URI} rejects; leaves existing escapes alone. */
    private static String escape(String text) {
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (c == '#') { // fragments never matter to a crawler
                return out == null ? text.substring(0, i) : out.toString();
            }
            boolean bad = c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^'
                    || c == '`' || c == '{' || c == '|' || c == '}';
            if (bad && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (bad) {
                    for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                    }
                } else {
                    out.appendCodePoint(c);
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }
}
