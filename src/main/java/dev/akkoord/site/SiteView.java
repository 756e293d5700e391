package dev.akkoord.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A site as the API shows it. {@code apiKey} is present only in the answer that created or rotated it;
 * {@code warnings}, only when something saved deserves a second look (a weak button or link contrast).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SiteView(
        UUID id,
        String name,
        List<String> domains,
        List<String> languages,
        Map<String, Map<String, Object>> texts,
        List<String> categories,
        int consentLifetimeDays,
        String privacyPolicyUrl,
        int consentRetentionDays,
        SiteSettings.BannerUi ui,
        String bannerVersion,
        Instant createdAt,
        Instant updatedAt,
        String apiKey,
        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EmbedPreset> embedPresets) {

    SiteView withApiKey(String key) {
        return new SiteView(id, name, domains, languages, texts, categories, consentLifetimeDays, privacyPolicyUrl,
                consentRetentionDays, ui, bannerVersion, createdAt, updatedAt, key, warnings, embedPresets);
    }
}
