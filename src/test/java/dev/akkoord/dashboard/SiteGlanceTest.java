package dev.akkoord.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.akkoord.analytics.Bucket;

/** The overview tiles that need no scan: the next daily scan, the banner's sightings and the consent trend. */
class SiteGlanceTest {

    private static final UUID SITE = UUID.fromString("d47f5b51-a9cc-4cfe-bde4-fb483e216698");

    @Test
    void shouldShowTheNextScanTheBannerAndTheConsentTrend() {
        Instant now = Instant.now();
        SiteGlance glance = SiteGlance.of(new SiteGlance.Facts(SITE, null, null,
                Optional.of(Instant.parse("2026-12-07T03:00:00Z")),
                List.of(new BannerSightings.Sighting("https://elsewhere.test", now, false),
                        new BannerSightings.Sighting("https://shop.test", now.minusSeconds(3600), true)),
                bucket(200, 124, 80), bucket(100, 55, 43)));

        assertEquals("2026-12-07 03:00 UTC", tile(glance, "next-scan").value());
        SiteGlance.Tile banner = tile(glance, "banner-seen");
        assertEquals("seen", banner.value());
        assertEquals("ok", banner.tone());
        SiteGlance.Tile consent = tile(glance, "consent-rate");
        assertEquals("62% analytical", consent.value());
        assertEquals("analytical 62% (+7 pts), marketing 40% (−3 pts); 200 decisions", consent.detail());
        assertEquals("warn", tile(glance, "last-scan").tone(), "no scan yet");
    }

    @Test
    void shouldSayWhatIsMissingWithoutSightingsOrDecisions() {
        SiteGlance glance = SiteGlance.of(new SiteGlance.Facts(SITE, null, null, Optional.empty(),
                List.of(new BannerSightings.Sighting("https://elsewhere.test", Instant.now(), false)),
                bucket(0, 0, 0), bucket(0, 0, 0)));
        assertEquals("off", tile(glance, "next-scan").value());
        assertEquals("bad", tile(glance, "banner-seen").tone(), "seen only off the site's domains");
        assertEquals("no decisions", tile(glance, "consent-rate").value());
    }

    private static SiteGlance.Tile tile(SiteGlance glance, String id) {
        return glance.tiles().stream().filter(tile -> tile.id().equals(id)).findFirst().orElseThrow();
    }

    private static Bucket bucket(long decisions, long analytical, long marketing) {
        return new Bucket(LocalDate.of(2026, 11, 1), Map.of("accept_all", decisions), decisions, analytical, marketing);
    }
}
