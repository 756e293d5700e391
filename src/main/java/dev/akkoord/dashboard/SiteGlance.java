package dev.akkoord.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.akkoord.analytics.Bucket;

/**
 * A site's compliance at a glance, first on its overview: one tile per question an owner asks, each with its answer,
 * a word or two of detail, a tone ({@code ok}, {@code warn}, {@code bad} or empty) and where to act on it.
 */
record SiteGlance(List<Tile> tiles) {

    record Tile(String id, String label, String value, String detail, String tone, String href) {
    }

    /** What the tiles are made of, gathered by {@link SiteGlances}. */
    record Facts(UUID siteId, LatestScan latest, ScanTrouble trouble, Optional<Instant> nextScan,
            List<BannerSightings.Sighting> sightings, Bucket lastMonth, Bucket monthBefore) {
    }

    static SiteGlance of(Facts facts) {
        String base = "/dashboard/sites/" + facts.siteId();
        List<Tile> tiles = new ArrayList<>();
        tiles.add(lastScan(facts, base));
        tiles.add(new Tile("next-scan", "Next scan", facts.nextScan().map(TemplateExtensions::minute).orElse("off"),
                facts.nextScan().isPresent() ? "the daily scan of every site" : "daily scans are switched off "
                        + "(akkoord.scan.cron)", "", base + "/scans"));
        LatestScan latest = facts.latest();
        if (latest == null) {
            String none = "known after the first scan";
            tiles.add(new Tile("before-consent", "Set before consent", "–", none, "", base + "/cookies"));
            tiles.add(new Tile("after-reject", "Set after reject", "–", none, "", base + "/cookies"));
            tiles.add(new Tile("review", "To review", "–", none, "", base + "/cookies"));
        } else {
            long before = latest.tally().beforeConsent();
            long afterReject = latest.tally().afterReject();
            long review = latest.tally().toReview();
            tiles.add(new Tile("before-consent", "Set before consent", String.valueOf(before),
                    cookies(before) + " that need consent", before > 0 ? "bad" : "ok", base + "/cookies"));
            tiles.add(latest.staticOnly()
                    ? new Tile("after-reject", "Set after reject", "–", "not checked: the scan ran without a browser",
                            "warn", base + "/scans")
                    : new Tile("after-reject", "Set after reject", String.valueOf(afterReject),
                            cookies(afterReject) + " that need consent", afterReject > 0 ? "bad" : "ok",
                            base + "/cookies"));
            tiles.add(new Tile("review", "To review", String.valueOf(review), review == 0
                    ? "every cookie has a category" : cookies(review) + " without a category, blocked like marketing "
                            + "until you decide", review > 0 ? "warn" : "ok", base + "/cookies"));
        }
        tiles.add(banner(facts.sightings(), base));
        tiles.add(consentRate(facts.lastMonth(), facts.monthBefore(), base));
        return new SiteGlance(tiles);
    }

    private static Tile lastScan(Facts facts, String base) {
        ScanTrouble trouble = facts.trouble();
        if (trouble != null) {
            return new Tile("last-scan", "Last scan", trouble.status().key(), trouble.reason(),
                    trouble.failed() ? "bad" : "warn", base + "/scans");
        }
        if (facts.latest() == null) {
            return new Tile("last-scan", "Last scan", "none yet", "start one under Scans", "warn", base + "/scans");
        }
        return new Tile("last-scan", "Last scan", "done", TemplateExtensions.minute(facts.latest().finishedAt())
                + ", " + cookies(facts.latest().cookies().size()) + " found", "ok", base + "/scans");
    }

    private static Tile banner(List<BannerSightings.Sighting> sightings, String base) {
        Optional<BannerSightings.Sighting> onSite = sightings.stream()
                .filter(BannerSightings.Sighting::onSiteDomain).findFirst();
        if (onSite.isEmpty()) {
            return new Tile("banner-seen", "Banner on the site", "not seen", "check that the snippet is in place",
                    "bad", base + "#install");
        }
        boolean recent = onSite.get().recent();
        return new Tile("banner-seen", "Banner on the site", recent ? "seen" : "not lately",
                "last on " + onSite.get().origin() + ", " + TemplateExtensions.minute(onSite.get().at()),
                recent ? "ok" : "warn", base + "#seen");
    }

    private static Tile consentRate(Bucket lastMonth, Bucket monthBefore, String base) {
        if (lastMonth.decisions() == 0) {
            return new Tile("consent-rate", "Consent, 30 days", "no decisions", "no visitor has chosen yet", "",
                    base + "/analytics");
        }
        boolean compared = monthBefore.decisions() > 0;
        String detail = "analytical " + percent(lastMonth.analyticalRate())
                + trend(compared, lastMonth.analyticalRate(), monthBefore.analyticalRate())
                + ", marketing " + percent(lastMonth.marketingRate())
                + trend(compared, lastMonth.marketingRate(), monthBefore.marketingRate())
                + "; " + lastMonth.decisions() + " decisions";
        return new Tile("consent-rate", "Consent, 30 days", percent(lastMonth.analyticalRate()) + " analytical",
                detail, "", base + "/analytics");
    }

    /** The change against the 30 days before, in percentage points; nothing when there was nothing to compare. */
    private static String trend(boolean compared, double rate, double beforeRate) {
        if (!compared) {
            return "";
        }
        long points = Math.round((rate - beforeRate) * 100);
        return points == 0 ? " (as before)" : " (" + (points > 0 ? "+" : "−") + Math.abs(points) + " pts)";
    }

    private static String cookies(long count) {
        return count == 1 ? "1 cookie" : count + " cookies";
    }

    private static String percent(double rate) {
        return Math.round(rate * 100) + "%";
    }
}
