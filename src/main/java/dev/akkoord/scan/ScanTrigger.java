package dev.akkoord.scan;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What started a scan: the daily schedule or a request (the API or the dashboard). Stored by its {@link #key()}. */
public enum ScanTrigger {
    SCHEDULE, REQUEST;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ScanTrigger fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return key();
    }
}
