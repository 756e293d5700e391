package dev.akkoord.widget;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jboss.logging.Logger;

/**
 * The banner script packaged into the application (the Maven build copies {@code web-widget/dist/akkoord.js}
 * to {@code widget/akkoord.js} on the class path). Other capabilities inject this for the SRI value and the
 * embed snippet; the dashboard shows the snippet to site owners.
 */
@ApplicationScoped
public class WidgetService {

    static final String RESOURCE = "widget/akkoord.js";
    /** The blocking Consent Mode stub ({@code web-widget/src/defaults.js}), served by {@link ConsentDefaultsResource}. */
    static final String DEFAULTS_RESOURCE = "widget/akkoord-defaults.js";
    private static final Logger LOG = Logger.getLogger(WidgetService.class);

    private final Optional<WidgetAsset> asset;
    private final Optional<WidgetAsset> defaults = load(DEFAULTS_RESOURCE);

    public WidgetService() {
        this.asset = load(RESOURCE);
        asset.ifPresentOrElse(
                found -> LOG.debugf("Banner script %s loaded (%d bytes, %d gzip)", found.contentHash(), found.body().length,
                        found.compressed().gzip().length),
                () -> LOG.warnf("Banner script %s is not on the class path: build without -Dwidget.skip to serve /akkoord.js", RESOURCE));
    }

    /** The packaged script, or empty when the application was built without the widget. */
    public Optional<WidgetAsset> asset() {
        return asset;
    }

    /** The packaged Consent Mode stub, or empty when the application was built without the widget. */
    public Optional<WidgetAsset> defaults() {
        return defaults;
    }

    /** The {@code sha384-…} integrity value of the packaged script. */
    public Optional<String> integrity() {
        return asset.map(WidgetAsset::integrity);
    }

    /**
     * The tag a site owner pastes first in {@code <head>}: the immutable URL with its integrity value.
     *
     * @param platformUrl this platform's public base URL, e.g. {@code https://consent.example.com}
     */
    public Optional<String> embedSnippet(String platformUrl, UUID siteId) {
        String base = platformUrl.endsWith("/") ? platformUrl.substring(0, platformUrl.length() - 1) : platformUrl;
        return asset.map(found -> "<script src=\"" + base + found.versionedPath() + "\" integrity=\"" + found.integrity()
                + "\" crossorigin=\"anonymous\" data-site=\"" + siteId + "\"></script>");
    }

    static Optional<WidgetAsset> load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(describe(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static WidgetAsset describe(byte[] body) {
        String contentHash = HexFormat.of().formatHex(digest("SHA-256", body)).substring(0, 16);
        String integrity = "sha384-" + Base64.getEncoder().encodeToString(digest("SHA-384", body));
        return new WidgetAsset(body, new CompressedForms(gzip(body), Brotli.compress(body)), contentHash, integrity);
    }

    private static byte[] digest(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by the Java platform", e);
        }
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
