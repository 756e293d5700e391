package dev.akkoord.dashboard;

import java.time.Instant;
import java.util.List;

import dev.akkoord.scan.ScanStatus;
import dev.akkoord.scan.ScanView;

/**
 * The site's most recent finished scan when it did not read the whole site: a failed scan (nothing could be read; the
 * cookie list shown stays the last good one) or a partial one. Shown above the cookies and the scans, so that an
 * unreachable site never looks like a clean one.
 *
 * @param kind   the stable word for why ({@code unreachable}, {@code tls}, {@code robots}, …)
 * @param reason why, for the owner
 */
record ScanTrouble(ScanStatus status, String kind, String reason, Instant finishedAt) {

    /** The newest finished scan of the list (newest first), when it failed or is partial; else null. */
    static ScanTrouble of(List<ScanView> newestFirst) {
        return newestFirst.stream().filter(view -> view.status().isFinished()).findFirst()
                .filter(view -> view.status() != ScanStatus.DONE)
                .map(view -> new ScanTrouble(view.status(), view.failureKind(), view.failure(), view.finishedAt()))
                .orElse(null);
    }

    public boolean failed() {
        return status == ScanStatus.FAILED;
    }
}
