package dev.akkoord.scan.crawl;

import java.util.List;
import java.util.Locale;

/**
 * The status line and the headers the crawler cares about, copied out of the Vert.x response so that they can be
 * read on any thread after the exchange ends.
 */
public record ResponseHead(int status, String contentType, long contentLength, String location,
        List<String> setCookies) {

    public ResponseHead {
        setCookies = List.copyOf(setCookies);
    }

    public boolean isRedirect() {
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) && location != null;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The media type without parameters, lower case; empty when the header is missing. */
    public String mediaType() {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter of Content-Type, or null. */
    public String charset() {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }

    public boolean isHtml() {
        String type = mediaType();
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }
}
