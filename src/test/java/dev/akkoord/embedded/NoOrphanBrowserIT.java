package dev.akkoord.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.akkoord.scan.browser.BrowserSettings;
import dev.akkoord.scan.browser.NeedsChromium;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service killed with {@code kill -9} while its headless Chromium loads a site's pages leaves no browser
 * behind: the browser reads end-of-file on its DevTools pipe and quits with its helpers. Three kills here (each at
 * another moment of the scan); {@code bench/scan/orphans.sh} does twenty.
 */
class NoOrphanBrowserIT {

    @TempDir
    Path work;

    @Test
    void killMinusNineOfTheServiceLeavesNoBrowserRunning() throws Exception {
        NeedsChromium.check(BrowserSettings.defaults());
        List<OrphanKills.Kill> leaving = OrphanKills.run(work, Integer.getInteger("akkoord.orphan-kills", 3));
        assertEquals(List.of(), leaving.stream().map(OrphanKills::describe).toList(),
                "no Chromium process runs " + OrphanKills.GRACE_MILLIS + " ms after the service was killed");
    }
}
