package dev.akkoord.widget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Header parsing for conditional and compressed responses (RFC 9110 §13.1.2 and §12.5.3). */
final class Conditional {

    private static final int REMEMBERED_HEADERS = 256;
    private static final Map<String, List<String>> CODINGS_BY_HEADER = new ConcurrentHashMap<>();

    private Conditional() {
    }

    /** Whether an If-None-Match value names {@code etag}, comparing weakly as the RFC asks for GET. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.equals(etag)) { // what a browser revalidating its copy sends
            return true;
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

    /**
     * The compressed codings we have ({@code br}, {@code gzip}) that Accept-Encoding allows, the client's preferred
     * first; brotli first when both are equally welcome, being the smaller. A coding is allowed when named, or covered
     * by {@code *}, with a non-zero quality; empty means the plain body.
     */
    static List<String> acceptableCodings(String acceptEncoding) {
        if (acceptEncoding == null) {
            return List.of();
        }
        // Browsers send a handful of distinct values, every request: each is read once.
        List<String> known = CODINGS_BY_HEADER.get(acceptEncoding);
        if (known == null) {
            known = List.copyOf(readCodings(acceptEncoding));
            if (CODINGS_BY_HEADER.size() >= REMEMBERED_HEADERS) {
                CODINGS_BY_HEADER.clear(); // made-up values cannot grow it
            }
            CODINGS_BY_HEADER.put(acceptEncoding, known);
        }
        return known;
    }

    private static List<String> readCodings(String acceptEncoding) {
        Map<String, Double> named = new HashMap<>();
        Double star = null;
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim();
            if (coding.equals("*")) {
                star = quality(pieces);
            } else {
                named.putIfAbsent(coding.equals("x-gzip") ? "gzip" : coding, quality(pieces));
            }
        }
        double brotli = named.getOrDefault("br", star == null ? 0 : star);
        double gzip = named.getOrDefault("gzip", star == null ? 0 : star);
        List<String> acceptable = new ArrayList<>(2);
        if (brotli > 0) {
            acceptable.add("br");
        }
        if (gzip > 0) {
            acceptable.add(gzip > brotli ? 0 : acceptable.size(), "gzip");
        }
        return acceptable;
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
