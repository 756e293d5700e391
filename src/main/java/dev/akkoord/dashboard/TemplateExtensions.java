package dev.akkoord.dashboard;

import io.quarkus.qute.TemplateExtension;

/** Formatting helpers for the dashboard's templates. */
@TemplateExtension
final class TemplateExtensions {

    private TemplateExtensions() {
    }

    /** {@code 0.4286} → {@code 42.9%}. */
    static String percent(double rate) {
        return Charts.percent(rate);
    }
}
