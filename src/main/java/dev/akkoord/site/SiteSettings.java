package dev.akkoord.site;

import java.util.List;
import java.util.Map;

/**
 * Everything a site owner can set about the banner. Stored as JSON on the site; every field has a default.
 *
 * @param languages            languages the banner is offered in; the first is the fallback
 * @param texts                the owner's own texts per language, merged over the built-in defaults
 * @param categories           categories in use; functional is always included
 * @param consentLifetimeDays  how long a decision holds before the visitor is asked again
 * @param consentRetentionDays how long consent records are kept as evidence before the daily purge
 * @param embedPresets         embed providers the owner adds to the banner's built-in ones
 */
public record SiteSettings(
        List<String> languages,
        Map<String, Map<String, Object>> texts,
        List<String> categories,
        int consentLifetimeDays,
        String privacyPolicyUrl,
        int consentRetentionDays,
        BannerUi ui,
        List<EmbedPreset> embedPresets) {

    public SiteSettings {
        // Settings stored before presets existed have none.
        embedPresets = embedPresets == null ? List.of() : List.copyOf(embedPresets);
    }

    /** CNIL's recommended maximum of six months. */
    public static final int DEFAULT_LIFETIME_DAYS = 182;
    /** Three years of evidence, the common limitation period for claims in the EU member states we serve first. */
    public static final int DEFAULT_RETENTION_DAYS = 1095;

    public static SiteSettings defaults() {
        return new SiteSettings(List.of("en"), Map.of(),
                List.of("functional", "analytical", "marketing"), DEFAULT_LIFETIME_DAYS, null,
                DEFAULT_RETENTION_DAYS, BannerUi.defaults(), List.of());
    }

    /**
     * @param position          {@code bottom}, {@code top}, {@code center}, {@code bottom-left}, {@code bottom-right}
     * @param floatingButton    a small button to reopen the banner after a decision
     * @param reloadOnWithdraw  reload the page after a withdrawal, since scripts that ran cannot be unloaded
     */
    public record BannerUi(String position, Boolean floatingButton, Boolean reloadOnWithdraw,
            Map<String, String> colors) {

        public static BannerUi defaults() {
            return new BannerUi("bottom", true, true, Map.of(
                    "background", "#ffffff", "text", "#1b1b1b", "accent", "#1d4ed8", "accentText", "#ffffff"));
        }
    }
}
