package dev.akkoord.scan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code scans}.
 *
 * @param method     {@code browser} or {@code static}
 * @param methodNote which browser scanned, or why cookies set by JavaScript were not looked for
 * @param headline   the finished scan's findings in a sentence or two
 */
public record ScanRow(UUID id, UUID siteId, String trigger, String status, LocalDate scheduleDay, Instant queuedAt,
        Instant startedAt, Instant finishedAt, int attempts, String worker, int pagesDone, int pagesQueued,
        int resources, List<String> origins, boolean deadlineHit, String failure, String method, String methodNote,
        String headline) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public static final String SCHEDULE = "schedule";
    public static final String REQUEST = "request";

    public ScanRow {
        origins = List.copyOf(origins);
    }

    public boolean isActive() {
        return QUEUED.equals(status) || RUNNING.equals(status);
    }
}
