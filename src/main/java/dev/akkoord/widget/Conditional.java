package dev.akkoord.widget;

import java.util.Locale;

/** Header parsing for conditional and compressed responses (RFC 9110 §13.1.2 and §12.5.3). */
final class Conditional {

    private Conditional() {
    }

    /** Whether an If-None-Match value names {@code etag}, comparing weakly as the RFC asks for GET. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Whether Accept-Encoding allows gzip (named, or through {@code *}) with a non-zero quality. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean star = null;
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.trim().split(";");
            boolean allowed = quality(pieces) > 0;
            if (pieces[0].trim().equals("gzip") || pieces[0].trim().equals("x-gzip")) {
                return allowed;
            }
            if (pieces[0].trim().equals("*")) {
                star = allowed;
            }
        }
        return Boolean.TRUE.equals(star);
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
