package dev.akkoord.scan;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a scan is in its life; stored and shown by its {@link #key()}. */
public enum ScanStatus {
    QUEUED, RUNNING, DONE,
    /** Finished, but some pages or domains could not be read; its cookie list stands. */
    PARTIAL,
    FAILED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the scan gives the site a cookie list: it finished done or partial. */
    public boolean listsCookies() {
        return this == DONE || this == PARTIAL;
    }

    public boolean isFinished() {
        return listsCookies() || this == FAILED;
    }

    /** The status a stored key names. */
    static ScanStatus fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return key();
    }
}
