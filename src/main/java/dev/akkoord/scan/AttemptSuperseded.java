package dev.akkoord.scan;

import java.util.UUID;

/**
 * A worker's attempt at a scan is no longer the scan's current one: another worker took the scan over (or it was
 * deleted meanwhile). The worker stops; nothing it would still write may land.
 */
final class AttemptSuperseded extends RuntimeException {

    AttemptSuperseded(UUID scanId, int attempt) {
        super("attempt " + attempt + " of scan " + scanId + " is no longer the current one", null, false, false);
    }
}
