package dev.akkoord.widget;

import java.util.Objects;

/**
 * One build of the banner script, held in memory with everything needed to serve it: the bytes, their
 * compressed forms, the content hash that names the immutable URL, and the Subresource Integrity value.
 *
 * @param body        the script as built (`web-widget/dist/akkoord.js`)
 * @param compressed  the same, gzip- and brotli-compressed once at start-up
 * @param contentHash 16 hex digits of the SHA-256 of {@code body}; the file name of the immutable URL
 * @param integrity   {@code sha384-…} for the {@code integrity} attribute of the script tag
 */
public record WidgetAsset(byte[] body, CompressedForms compressed, String contentHash, String integrity) {

    public WidgetAsset {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(compressed, "compressed");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(integrity, "integrity");
    }

    /** Path of the versioned, immutable copy, e.g. {@code /akkoord/0f3a…e1.js}. */
    public String versionedPath() {
        return "/akkoord/" + contentHash + ".js";
    }

    /** Weak validator: the compressed and identity forms are the same script, so one tag serves them all. */
    public String etag() {
        return "W/\"" + contentHash + "\"";
    }
}
