package dev.akkoord.scan.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akkoord.scan.crawl.AddressGuard;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** auto | on | off, and what an owner is told when scans cannot use a browser. */
class BrowserSettingsTest {

    private static BrowserSettings settings(String mode, Path binary) {
        return new BrowserSettings(mode, Optional.ofNullable(binary), 10, 4, VisitSettings.defaults());
    }

    private static String reason(BrowserSettings settings) {
        try (BrowserScanner scanner = new BrowserScanner(new AddressGuard(ScanRig.LOCAL_ONLY,
                ForkJoinPool.commonPool()), settings)) {
            return scanner.available() ? null : scanner.unavailableReason();
        }
    }

    @Test
    void offMeansTheStaticCrawlAndSaysHowToTurnItOn() {
        String reason = reason(settings("off", null));
        assertTrue(reason.contains("cookies set by JavaScript were not looked for"), reason);
        assertTrue(reason.contains("AKKOORD_SCAN_BROWSER=auto"), reason);
    }

    @Test
    void aMissingBinaryIsNamedWithTheWayToInstallOne() {
        String reason = reason(settings("auto", Path.of("/nonexistent/chromium")));
        assertTrue(reason.contains("/nonexistent/chromium"), reason);
        assertTrue(reason.contains("apt-get install chromium"), reason);
        assertTrue(reason.contains("AKKOORD_SCAN_BROWSER_PATH"), reason);
    }

    @Test
    void autoFindsDebiansChromiumWhereItIsInstalled() {
        BrowserSettings auto = settings("AUTO", null);
        NeedsChromium.check(auto);
        assertNull(reason(auto));
        assertFalse(settings("off", null).resolveBinary().isPresent());
    }

    @Test
    void anUnknownModeIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> settings("sometimes", null));
    }
}
