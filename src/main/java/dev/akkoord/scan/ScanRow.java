package dev.akkoord.scan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code scans}.
 *
 * @param failure     why a failed scan failed or what a partial one missed, for the owner
 * @param failureKind the same as a stable word ({@link ScanOutcome.Kind#code()})
 * @param method     {@code browser} or {@code static}
 * @param methodNote which browser scanned, or why cookies set by JavaScript were not looked for
 * @param headline   the finished scan's findings in a sentence or two
 */
public record ScanRow(UUID id, UUID siteId, ScanTrigger trigger, ScanStatus status, LocalDate scheduleDay,
        Instant queuedAt, Instant startedAt, Instant finishedAt, int attempts, String worker, int pagesDone, int pagesQueued,
        int resources, List<String> origins, boolean deadlineHit, String failure, String failureKind, String method, String methodNote,
        String headline) {

    public ScanRow {
        origins = List.copyOf(origins);
    }

    /** Whether the scan gives the site a cookie list: it finished done or partial. */
    public boolean listsCookies() {
        return status.listsCookies();
    }
}
