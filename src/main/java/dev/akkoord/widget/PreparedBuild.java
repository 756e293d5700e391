package dev.akkoord.widget;

import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * One script of the release as its short-lived, revalidated URL and as its immutable, hash-named copy, prepared once:
 * the release holds one build of each.
 */
final class PreparedBuild {

    private final WidgetAsset asset;
    private final PreparedAnswer latest;
    private final PreparedAnswer immutable;

    /** @param latestVary what the short-lived URL's answer depends on besides itself */
    PreparedBuild(WidgetAsset asset, String latestVary) {
        this.asset = asset;
        this.latest = prepare(asset, WidgetResource.LATEST_CACHE, latestVary);
        this.immutable = prepare(asset, WidgetResource.IMMUTABLE_CACHE, HttpHeaders.ACCEPT_ENCODING);
    }

    PreparedAnswer latest() {
        return latest;
    }

    /** The immutable copy when {@code file} names this build ({@code <hash>.js}); an old hash has no bytes here. */
    Optional<PreparedAnswer> immutable(String file) {
        return file.equals(asset.contentHash() + ".js") ? Optional.of(immutable) : Optional.empty();
    }

    private static PreparedAnswer prepare(WidgetAsset build, String cacheControl, String vary) {
        return new PreparedAnswer(build.contentHash(), build.etag(), build.body(), build.compressed(),
                PreparedAnswer.scriptHeaders(build.etag(), cacheControl, vary));
    }
}
