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
public record ScanRow(UUID id, UUID siteId, String trigger, String status, LocalDate scheduleDay, Instant queuedAt,
        Instant startedAt, Instant finishedAt, int attempts, String worker, int pagesDone, int pagesQueued,
        int resources, List<String> origins, boolean deadlineHit, String failure, String failureKind, String method, String methodNote,
        String headline) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    /** Finished, but some pages or domains could not be read; its cookie list stands. */
    public static final String PARTIAL = "partial";
    public static final String FAILED = "failed";

    public static final String SCHEDULE = "schedule";
    public static final String REQUEST = "request";

    public ScanRow {
        origins = List.copyOf(origins);
    }

    /** Whether the scan gives the site a cookie list: it finished done or partial. */
    public boolean listsCookies() {
        return listsCookies(status);
    }

    public static boolean listsCookies(String status) {
        return DONE.equals(status) || PARTIAL.equals(status);
    }

    public static boolean isFinished(String status) {
        return listsCookies(status) || FAILED.equals(status);
    }
}
