package dev.akkoord.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/** Formatting helpers for the dashboard's templates. */
@TemplateExtension
final class TemplateExtensions {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

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
            case "cross_domain" -> "Took over the choice made on another of the site's domains";
            default -> action;
        };
    }

    /** A consent journey of the browser scan as the banner's buttons say it. */
    static String journeyText(String journey) {
        return switch (journey) {
            case "no-decision" -> "no decision";
            case "reject" -> "Reject all";
            case "accept" -> "Accept all";
            case "gpc" -> "GPC";
            default -> journey;
        };
    }

    /** When, within a journey, a request was made. */
    static String phaseText(String phase) {
        return switch (phase) {
            case "before-consent" -> "before consent";
            case "after-reject" -> "after Reject all";
            case "after-accept" -> "after Accept all";
            case "under-gpc" -> "under GPC";
            default -> phase;
        };
    }

    /**
     * A moment as a {@code <time>} element: UTC to the minute, which the dashboard's script turns into the reader's
     * local time (the UTC text stays as its title, shown on hover); without the script the UTC text stands.
     */
    static RawString when(Instant instant) {
        return new RawString("<time datetime=\"" + instant + "\" title=\"" + SECOND.format(instant) + "\">"
                + MINUTE.format(instant) + "</time>");
    }

    /** {@code 2026-12-04 16:31 UTC}: to the minute is what an owner needs of a scan's time. */
    static String minute(Instant instant) {
        return MINUTE.format(instant);
    }
}
