package dev.akkoord.dashboard;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.widget.ConsentDefaultsResource;
import dev.akkoord.widget.WidgetAsset;
import dev.akkoord.widget.WidgetService;

/**
 * The tags a site owner pastes, in the order the dashboard offers them: first the per-site script with
 * {@code async}, which holds up neither the page's first paint nor its DOMContentLoaded; then, for a page whose own
 * gtag call needs the Consent Mode defaults set before it, the 1 KB blocking stub followed by the same async script;
 * last the single blocking tag, the versioned, immutable banner URL with its Subresource Integrity value when this
 * build contains the banner, else the always-current {@code /akkoord.js}.
 */
@ApplicationScoped
class EmbedSnippet {

    private final WidgetService widgets;

    EmbedSnippet(WidgetService widgets) {
        this.widgets = widgets;
    }

    /**
     * @param html      the single blocking tag
     * @param integrity the banner's {@code sha384-…} value, or null when this build has no banner script
     * @param async     the per-site script with {@code async}: the form offered first
     * @param defaults  the blocking Consent Mode stub and, after it, the async per-site script
     */
    record Snippet(String html, String src, String integrity, String async, String defaults) {
    }

    /** @param platformUrl this platform's base URL as the browser reached it, without a trailing slash */
    Snippet snippetFor(String platformUrl, UUID siteId) {
        String async = "<script src=\"" + platformUrl + "/akkoord/site/" + siteId + ".js\" async></script>";
        String defaults = widgets.defaults()
                .map(stub -> "<script src=\"" + platformUrl + ConsentDefaultsResource.versionedPath(stub) + "\" integrity=\""
                        + stub.integrity() + "\" crossorigin=\"anonymous\"></script>")
                .orElse("<script src=\"" + platformUrl + "/akkoord-defaults.js\"></script>") + "\n" + async;
        return widgets.asset().map(asset -> versioned(platformUrl, siteId, asset, async, defaults)).orElseGet(() -> {
            String src = platformUrl + "/akkoord.js";
            return new Snippet("<script src=\"" + src + "\" data-site=\"" + siteId + "\"></script>", src, null, async, defaults);
        });
    }

    private Snippet versioned(String platformUrl, UUID siteId, WidgetAsset asset, String async, String defaults) {
        String html = widgets.embedSnippet(platformUrl, siteId).orElseThrow();
        return new Snippet(html, platformUrl + asset.versionedPath(), asset.integrity(), async, defaults);
    }
}
