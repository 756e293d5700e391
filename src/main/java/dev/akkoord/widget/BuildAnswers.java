package dev.akkoord.widget;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The banner build as {@code /akkoord.js} (short-lived, revalidated) and as its immutable, hash-named copy, prepared
 * once at start: the release holds one build.
 */
@ApplicationScoped
class BuildAnswers {

    private final Optional<WidgetAsset> asset;
    private final Optional<PreparedAnswer> latest;
    private final Optional<PreparedAnswer> immutable;

    BuildAnswers(WidgetService widgets) {
        this.asset = widgets.asset();
        this.latest = asset.map(build -> prepare(build, WidgetResource.LATEST_CACHE));
        this.immutable = asset.map(build -> prepare(build, WidgetResource.IMMUTABLE_CACHE));
    }

    Optional<PreparedAnswer> latest() {
        return latest;
    }

    /** The immutable copy when {@code file} names this build ({@code <hash>.js}); an old hash has no bytes here. */
    Optional<PreparedAnswer> immutable(String file) {
        return asset.filter(build -> file.equals(build.contentHash() + ".js")).flatMap(build -> immutable);
    }

    private static PreparedAnswer prepare(WidgetAsset build, String cacheControl) {
        return new PreparedAnswer(build.contentHash(), build.etag(), build.body(), build.compressed(),
                PreparedAnswer.scriptHeaders(build.etag(), cacheControl, HttpHeaders.ACCEPT_ENCODING));
    }
}
