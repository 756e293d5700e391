package dev.akkoord.scan.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == defaultPort(scheme) ? -1 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder s = new StringBuilder(scheme).append("://").append(host);
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
