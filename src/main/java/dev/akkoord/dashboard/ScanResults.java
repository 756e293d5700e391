package dev.akkoord.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.smallrye.mutiny.Uni;

/**
 * What the dashboard shows of the scanner: hook for the scan capability, which supplies the real bean. Until it
 * does, {@link NoScanResults} answers that no scanner is present and the cookie page falls back to the banner's
 * own cookie lists.
 */
public interface ScanResults {

    /** False while no scanner is part of this build. */
    boolean available();

    /** Newest first. */
    Uni<List<ScanSummary>> history(UUID siteId);

    /** The latest finished scan's cookies, or null when the site was never scanned. */
    Uni<ScanDetail> latest(UUID siteId);

    /** Starts a scan now; answers its id. */
    Uni<UUID> startScan(UUID siteId);

    Uni<ScanProgress> progress(UUID siteId, UUID scanId);

    /** The owner's decision about a cookie, which wins over every other classification. */
    Uni<Void> overrideCategory(UUID siteId, String cookieName, String category);

    record ScanSummary(UUID id, Instant startedAt, Instant finishedAt, String status, int pages, int cookies,
            List<String> added, List<String> gone, List<String> recategorised) {
    }

    record ScanProgress(UUID id, String status, int pagesDone, int pagesLimit, boolean finished, String error) {

        @JsonProperty
        public int percent() {
            return finished ? 100 : pagesLimit <= 0 ? 0 : Math.min(99, pagesDone * 100 / pagesLimit);
        }
    }

    record ScanDetail(UUID id, Instant finishedAt, List<CookieRow> cookies) {
    }

    /**
     * @param source    override, database, vendor, rule or model
     * @param observed  set by a response during the crawl (true) or inferred from a tracker found on a page
     * @param violation an analytical or marketing cookie set before consent, with {@code evidence}
     */
    record CookieRow(String name, String domain, String category, String source, double confidence, String vendor,
            String purpose, String lifetime, String firstPage, boolean observed, boolean violation,
            String evidence) {

        public boolean unclassified() {
            return "unclassified".equals(category);
        }

        public int confidencePercent() {
            return (int) Math.round(confidence * 100);
        }
    }
}
