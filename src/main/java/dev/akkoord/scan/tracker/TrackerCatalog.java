package dev.akkoord.scan.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trackers the scanner recognises, from {@code trackers.json} (our own list; see the file's comment field).
 * Detection looks at the hosts and URLs of what a page loads and at its inline scripts.
 */
public final class TrackerCatalog {

    private static final String RESOURCE = "/dev/akkoord/scan/trackers.json";
    private static final int EVIDENCE_CHARS = 160;

    private final List<TrackerSignature> signatures;

    public TrackerCatalog(List<TrackerSignature> signatures) {
        this.signatures = List.copyOf(signatures);
    }

    /** The catalogue shipped with Akkoord. */
    public static TrackerCatalog bundled() {
        try (InputStream in = TrackerCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new TrackerCatalog(read(new ObjectMapper().readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<TrackerSignature> signatures() {
        return signatures;
    }

    /** Trackers behind a script, frame or pixel URL. */
    public List<TrackerSighting> inResource(URI page, String via, URI resource) {
        List<TrackerSighting> found = new ArrayList<>();
        String host = resource.getHost().toLowerCase(Locale.ROOT);
        String url = resource.toString();
        for (TrackerSignature signature : signatures) {
            String id = firstMatch(signature.urls(), url);
            if (id != null || signature.ownsHost(host)) {
                found.add(new TrackerSighting(signature, id == null || id.isEmpty() ? null : id, page, via,
                        clip(url), host));
            }
        }
        return found;
    }

    /** Trackers configured by an inline script, one sighting per tracker and account id. */
    public List<TrackerSighting> inSnippet(URI page, String code) {
        List<TrackerSighting> found = new ArrayList<>();
        for (TrackerSignature signature : signatures) {
            List<String> seenIds = new ArrayList<>();
            for (Pattern pattern : signature.snippets()) {
                Matcher m = pattern.matcher(code);
                while (m.find()) {
                    String id = m.groupCount() >= 1 ? m.group(1) : null;
                    String key = id == null ? "" : id;
                    if (!seenIds.contains(key)) {
                        seenIds.add(key);
                        found.add(new TrackerSighting(signature, id, page, "snippet", clip(excerpt(code, m)), null));
                    }
                }
            }
            if (seenIds.size() > 1) { // an id-less match adds nothing when an id was captured too
                found.removeIf(s -> s.signature() == signature && s.accountId() == null);
            }
        }
        return found;
    }

    /** "" when a pattern without a capture group matched; the captured id when one did; null when none matched. */
    private static String firstMatch(List<Pattern> patterns, String text) {
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : "";
            }
        }
        return null;
    }

    private static String excerpt(String code, Matcher m) {
        int end = code.indexOf(')', m.end());
        return code.substring(m.start(), end < 0 || end - m.start() > EVIDENCE_CHARS ? m.end() : end + 1)
                .replaceAll("\\s+", " ");
    }

    private static String clip(String text) {
        return text.length() > EVIDENCE_CHARS ? text.substring(0, EVIDENCE_CHARS) + "…" : text;
    }

    static List<TrackerSignature> read(JsonNode root) {
        List<TrackerSignature> signatures = new ArrayList<>();
        for (JsonNode node : root.path("trackers")) {
            List<TrackerSignature.InferredCookie> cookies = new ArrayList<>();
            for (JsonNode cookie : node.path("cookies")) {
                cookies.add(new TrackerSignature.InferredCookie(cookie.path("name").asText(),
                        cookie.hasNonNull("domain") ? cookie.get("domain").asText() : null));
            }
            signatures.add(new TrackerSignature(node.path("key").asText(), node.path("vendor").asText(),
                    node.path("category").asText(), strings(node.path("hosts")), patterns(node.path("urls")),
                    patterns(node.path("snippets")), cookies));
        }
        return signatures;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText().toLowerCase(Locale.ROOT)));
        return values;
    }

    private static List<Pattern> patterns(JsonNode array) {
        List<Pattern> values = new ArrayList<>();
        array.forEach(v -> values.add(Pattern.compile(v.asText())));
        return values;
    }
}
