package dev.akkoord.site;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/sites} and {@code PUT /api/v1/sites/{id}}. On PUT, a field left out keeps its
 * current value.
 */
public record SiteRequest(
        String name,
        List<String> domains,
        List<String> languages,
        Map<String, Map<String, Object>> texts,
        List<String> categories,
        Integer consentLifetimeDays,
        String privacyPolicyUrl,
        Integer consentRetentionDays,
        SiteSettings.BannerUi ui,
        List<EmbedPreset> embedPresets) {
}
