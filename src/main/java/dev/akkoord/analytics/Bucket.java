package dev.akkoord.analytics;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Consent records of one day or week.
 *
 * @param byAction          records per action key ({@code accept_all}, {@code reject_all}, {@code custom},
 *                          {@code withdraw}, {@code gpc}, {@code cross_domain}), every action present
 * @param decisions         records that express a visitor's choice: every action but {@code gpc}, which the
 *                          browser sends on its own before the visitor decides, and {@code cross_domain}, a
 *                          choice made (and counted) on another of the site's domains
 * @param analyticalGranted decisions that left analytical cookies granted
 * @param marketingGranted  decisions that left marketing cookies granted
 */
public record Bucket(LocalDate start, Map<String, Long> byAction, long decisions, long analyticalGranted,
        long marketingGranted) {

    @JsonProperty
    public long total() {
        return byAction.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(String action) {
        return byAction.getOrDefault(action, 0L);
    }

    /** Share of decisions granting analytical cookies, 0 to 1; 0 without decisions. */
    @JsonProperty
    public double analyticalRate() {
        return decisions == 0 ? 0 : (double) analyticalGranted / decisions;
    }

    @JsonProperty
    public double marketingRate() {
        return decisions == 0 ? 0 : (double) marketingGranted / decisions;
    }
}
