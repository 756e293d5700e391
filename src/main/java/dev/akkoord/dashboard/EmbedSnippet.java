package dev.akkoord.dashboard;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.widget.WidgetAsset;
import dev.akkoord.widget.WidgetService;

/**
 * The script tag a site owner pastes: the versioned, immutable banner URL with its Subresource Integrity value
 * when this build contains the banner, else the always-current {@code /akkoord.js}.
 */
@ApplicationScoped
class EmbedSnippet {

    private final WidgetService widgets;

    EmbedSnippet(WidgetService widgets) {
        this.widgets = widgets;
    }

    /** @param integrity the {@code sha384-…} value, or null when this build has no banner script */
    record Snippet(String html, String src, String integrity) {
    }

    /** @param platformUrl this platform's base URL as the browser reached it, without a trailing slash */
    Snippet snippetFor(String platformUrl, UUID siteId) {
        return widgets.asset().map(asset -> versioned(platformUrl, siteId, asset)).orElseGet(() -> {
            String src = platformUrl + "/akkoord.js";
            return new Snippet("<script src=\"" + src + "\" data-site=\"" + siteId + "\"></script>", src, null);
        });
    }

    private Snippet versioned(String platformUrl, UUID siteId, WidgetAsset asset) {
        String html = widgets.embedSnippet(platformUrl, siteId).orElseThrow();
        return new Snippet(html, platformUrl + asset.versionedPath(), asset.integrity());
    }
}
