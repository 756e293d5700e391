package dev.akkoord.widget;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The release's scripts, prepared at start: the banner, and the Consent Mode stub that may go before it. */
@ApplicationScoped
class BuildAnswers {

    private final Optional<PreparedBuild> banner;
    private final Optional<PreparedBuild> defaults;

    BuildAnswers(WidgetService widgets) {
        this.banner = widgets.asset().map(PreparedBuild::new);
        this.defaults = widgets.defaults().map(PreparedBuild::new);
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
