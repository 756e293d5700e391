package dev.akkoord.site;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything a site's visitors are shown, in every language: the unit a banner version hashes and stores.
 * The scan date is left out on purpose: a rescan that finds nothing new must not make a new version. The owner's embed
 * presets ({@code embeds}, rows of {@link EmbedPreset#row()}) are left out of the JSON while there are none, so the
 * versions made before they existed keep their hash.
 */
public record BannerContent(
        List<String> languages,
        Map<String, Map<String, Object>> texts,
        List<String> categories,
        Map<String, List<BannerCookies.CookieInfo>> cookies,
        Map<String, List<String>> trackerHosts,
        SiteSettings.BannerUi ui,
        int consentLifetimeDays,
        String privacyPolicyUrl,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<List<String>> embeds) {
}
