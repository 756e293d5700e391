package dev.akkoord.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.akkoord.classify.Category;
import dev.akkoord.site.BannerCookies;
import dev.akkoord.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostOverridesTest {

    private static ScanTracker tracker(String category, String... hosts) {
        return new ScanTracker("t-" + category, "Vendor", category, null, "/", "script", "seen", List.of(hosts));
    }

    @Test
    void shouldLetTheOwnersHostsWinOverTheScanners() {
        List<ScanTracker> found = List.of(tracker("analytical", "www.google-analytics.com", "www.googletagmanager.com"),
                tracker("marketing", "connect.facebook.net"));
        BannerCookies lists = ScanBannerCookies.build(null, List.of(), found, Map.of(), Map.of(
                "www.googletagmanager.com", Category.FUNCTIONAL,
                "www.google-analytics.com", Category.MARKETING,
                "*.doubleclick.net", Category.MARKETING));
        assertEquals(Map.of("analytical", List.of(),
                "marketing", List.of("*.doubleclick.net", "connect.facebook.net", "www.google-analytics.com")),
                lists.trackerHosts());
    }

    @Test
    void shouldNormalizeHostsAsTheBannerComparesThem() {
        assertEquals("*.doubleclick.net", HostOverrides.normalize(" *.DoubleClick.NET. "));
        assertEquals("xn--bcher-kva.example", HostOverrides.normalize("bücher.example"));
        for (String bad : List.of("", "localhost", "*.", "*.com.*", "a_b.test", "http://x.test", "x.test/", "1.2.3.4:80")) {
            assertThrows(ProblemException.class, () -> HostOverrides.normalize(bad), bad);
        }
    }
}
