package dev.akkoord.widget;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/** The release's scripts, prepared at start: the banner, and the Consent Mode stub that may go before it. */
@ApplicationScoped
class BuildAnswers {

    private final Optional<PreparedBuild> banner;
    private final Optional<PreparedBuild> defaults;

    BuildAnswers(WidgetService widgets) {
        // /akkoord.js carries a site's config when the Referer names one of its pages: a shared cache must know that
        // the script without a config is the answer for other pages only.
        this.banner = widgets.asset().map(asset -> new PreparedBuild(asset, WidgetResource.WITH_CONFIG_VARY));
        this.defaults = widgets.defaults().map(asset -> new PreparedBuild(asset, HttpHeaders.ACCEPT_ENCODING));
    }

    /** {@code /akkoord.js} and {@code /akkoord/<hash>.js}; empty when built without the widget. */
    Optional<PreparedBuild> banner() {
        return banner;
    }

    /** {@code /akkoord-defaults.js} and {@code /akkoord-defaults/<hash>.js}. */
    Optional<PreparedBuild> defaults() {
        return defaults;
    }
}
