package dev.akkoord.scan.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether and how scans use a browser.
 *
 * @param mode         {@code auto} (when a binary is found), {@code on} (the same, and the start-up log warns when
 *                     none is found) or {@code off}
 * @param binary       the Chromium binary, or empty to look in the usual places
 * @param journeyPages pages (from the start page on) that get all four consent journeys
 * @param tabs         journeys run at once per scan, each in its own context
 */
public record BrowserSettings(String mode, Optional<Path> binary, int journeyPages, int tabs, VisitSettings visit) {

    private static final List<String> USUAL_PLACES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/lib/chromium/chromium", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

    public BrowserSettings {
        mode = mode.toLowerCase(Locale.ROOT);
        if (!List.of("auto", "on", "off").contains(mode)) {
            throw new IllegalArgumentException("akkoord.scan.browser must be auto, on or off, not " + mode);
        }
        if (journeyPages < 0 || tabs < 1) {
            throw new IllegalArgumentException("journey pages must be >= 0 and tabs >= 1");
        }
    }

    public static BrowserSettings defaults() {
        return new BrowserSettings("auto", Optional.empty(), 10, 4, VisitSettings.defaults());
    }

    /** The binary to run, or empty when browser scans are off or none is found. */
    Optional<Path> resolveBinary() {
        if (mode.equals("off")) {
            return Optional.empty();
        }
        if (binary.isPresent()) {
            return binary.filter(Files::isExecutable);
        }
        return USUAL_PLACES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
