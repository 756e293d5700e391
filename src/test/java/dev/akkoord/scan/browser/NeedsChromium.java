package dev.akkoord.scan.browser;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Browser tests skip, loudly, where no Chromium is installed (a fresh machine with just a JDK); CI sets {@code
 * AKKOORD_REQUIRE_CHROMIUM=true} so that there a missing browser fails instead.
 */
public final class NeedsChromium {

    private NeedsChromium() {
    }

    public static void check(BrowserSettings settings) {
        if (settings.resolveBinary().isPresent()) {
            return;
        }
        String message = "\n\n*** SKIPPED: no Chromium found (install Debian's chromium, or set "
                + "AKKOORD_SCAN_BROWSER_PATH); the browser scan is NOT tested on this machine ***\n";
        if ("true".equals(System.getenv("AKKOORD_REQUIRE_CHROMIUM"))) {
            fail(message + "AKKOORD_REQUIRE_CHROMIUM=true: a browser is required here");
        }
        System.err.println(message);
        Assumptions.assumeTrue(false, message);
    }
}
