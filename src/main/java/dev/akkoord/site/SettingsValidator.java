package dev.akkoord.site;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.web.ProblemException;

/** Applies a {@link SiteRequest} to current settings, refusing anything a banner could not show. */
@ApplicationScoped
final class SettingsValidator {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final List<String> POSITIONS = List.of("bottom", "top", "center", "bottom-left", "bottom-right");
    private static final int MAX_TEXT = 2000;

    private final DefaultTexts defaultTexts;

    SettingsValidator(DefaultTexts defaultTexts) {
        this.defaultTexts = defaultTexts;
    }

    SiteSettings apply(SiteSettings current, SiteRequest request) {
        List<String> languages = request.languages() == null ? current.languages() : languages(request.languages());
        Map<String, Map<String, Object>> texts = request.texts() == null ? current.texts() : texts(request.texts());
        for (String language : texts.keySet()) {
            if (!languages.contains(language)) {
                throw ProblemException.badRequest("Texts are given for '" + language
                        + "', which is not in 'languages' " + languages);
            }
        }
        List<String> categories = request.categories() == null ? current.categories()
                : categories(request.categories());
        return new SiteSettings(languages, texts, categories,
                request.consentLifetimeDays() == null ? current.consentLifetimeDays()
                        : inRange("consentLifetimeDays", request.consentLifetimeDays(), 1, 395),
                request.privacyPolicyUrl() == null ? current.privacyPolicyUrl() : url(request.privacyPolicyUrl()),
                request.consentRetentionDays() == null ? current.consentRetentionDays()
                        : inRange("consentRetentionDays", request.consentRetentionDays(), 30, 3650),
                request.ui() == null ? current.ui() : ui(request.ui()),
                // The kept presets too: a category they wait for may have just been dropped.
                EmbedPresets.validated(request.embedPresets() == null ? current.embedPresets()
                        : request.embedPresets(), categories));
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("'name' is required");
        }
        if (name.length() > 200) {
            throw ProblemException.badRequest("'name' may have at most 200 characters");
        }
        return name.trim();
    }

    private static List<String> languages(List<String> requested) {
        if (requested.isEmpty() || requested.size() > 30) {
            throw ProblemException.badRequest("'languages' must list 1 to 30 language codes, e.g. [\"nl\", \"en\"]");
        }
        LinkedHashSet<String> languages = new LinkedHashSet<>();
        for (String language : requested) {
            String code = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(code).matches()) {
                throw ProblemException.badRequest("'" + language + "' is not an ISO 639 language code");
            }
            languages.add(code);
        }
        return new ArrayList<>(languages);
    }

    private Map<String, Map<String, Object>> texts(Map<String, Map<String, Object>> requested) {
        Map<String, Map<String, Object>> texts = new LinkedHashMap<>();
        requested.forEach((language, values) -> {
            String code = language.toLowerCase(Locale.ROOT);
            checkTexts(code, values == null ? Map.of() : values, defaultTexts.template(), code);
            texts.put(code, values == null ? Map.of() : values);
        });
        return texts;
    }

    @SuppressWarnings("unchecked")
    private static void checkTexts(String language, Map<String, Object> values, Map<String, Object> template,
            String path) {
        values.forEach((key, value) -> {
            Object expected = template.get(key);
            String where = path + "." + key;
            if (expected == null) {
                throw ProblemException.badRequest("Unknown text '" + where + "'; known texts: " + template.keySet());
            }
            if (expected instanceof Map<?, ?> nested) {
                if (!(value instanceof Map<?, ?> given)) {
                    throw ProblemException.badRequest("Text '" + where + "' must be an object");
                }
                checkTexts(language, (Map<String, Object>) given, (Map<String, Object>) nested, where);
            } else if (!(value instanceof String text) || text.length() > MAX_TEXT) {
                throw ProblemException.badRequest("Text '" + where + "' must be a string of at most "
                        + MAX_TEXT + " characters");
            }
        });
    }

    private static List<String> categories(List<String> requested) {
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        categories.add(ConsentCategory.FUNCTIONAL.key());
        for (ConsentCategory category : ConsentCategory.values()) {
            if (requested.contains(category.key())) {
                categories.add(category.key());
            }
        }
        for (String key : requested) {
            if (ConsentCategory.byKey(key).isEmpty()) {
                throw ProblemException.badRequest("Unknown category '" + key
                        + "' in 'categories'; use functional, analytical or marketing");
            }
        }
        return new ArrayList<>(categories);
    }

    private static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw ProblemException.badRequest("'" + field + "' must be between " + min + " and " + max);
        }
        return value;
    }

    private static String url(String url) {
        if (url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && url.length() <= 2048) {
                return uri.toString();
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ProblemException.badRequest("'privacyPolicyUrl' must be an http(s) URL");
    }

    private static SiteSettings.BannerUi ui(SiteSettings.BannerUi ui) {
        String position = ui.position() == null ? "bottom" : ui.position();
        if (!POSITIONS.contains(position)) {
            throw ProblemException.badRequest("'ui.position' must be one of " + POSITIONS);
        }
        Map<String, String> colors = new LinkedHashMap<>(SiteSettings.BannerUi.defaults().colors());
        if (ui.colors() != null) {
            ui.colors().forEach((key, value) -> {
                if (!colors.containsKey(key)) {
                    throw ProblemException.badRequest("Unknown colour 'ui.colors." + key + "'; known: "
                            + colors.keySet());
                }
                if (value == null || !COLOR.matcher(value).matches()) {
                    throw ProblemException.badRequest("'ui.colors." + key + "' must be a colour like #1d4ed8");
                }
                colors.put(key, value.toLowerCase(Locale.ROOT));
            });
        }
        refuseUnreadableText(colors);
        return new SiteSettings.BannerUi(position, ui.floatingButton() == null || ui.floatingButton(),
                ui.reloadOnWithdraw() == null || ui.reloadOnWithdraw(), colors);
    }

    /** Weak button and link colours are saved and warned about in the site's answer; weak text is not saved. */
    private static void refuseUnreadableText(Map<String, String> colors) {
        for (Contrast.Check check : Contrast.checks(colors)) {
            if (check.weak() && check.pairing().refusedWhenWeak()) {
                throw ProblemException.badRequest(check.message());
            }
        }
    }
}
