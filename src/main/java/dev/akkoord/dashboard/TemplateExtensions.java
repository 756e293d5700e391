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

    /** A consent action as a visitor would say it. */
    static String actionText(String action) {
        return switch (action) {
            case "accept_all" -> "Accepted all";
            case "reject_all" -> "Rejected all";
            case "custom" -> "Chose per category";
            case "withdraw" -> "Withdrew consent";
            case "gpc" -> "Browser sent Global Privacy Control";
            default -> action;
        };
    }
}
