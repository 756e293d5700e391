package dev.akkoord.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.akkoord.site.DefaultTexts;
import dev.akkoord.site.SiteRequest;
import dev.akkoord.site.SiteSettings;
import dev.akkoord.site.SiteView;

/**
 * Between the banner editor's form and a {@link SiteRequest}. Text fields are named {@code text.<lang>.<key>} with
 * dotted keys for nested texts ({@code text.nl.categories.marketing.title}); only texts that differ from Akkoord's
 * defaults are saved as the site's own, so improved defaults still reach every text the owner left alone.
 */
final class BannerForm {

    static final List<String> COLOR_KEYS = List.of("background", "text", "accent", "accentText");
    static final List<String> POSITIONS = List.of("bottom", "top", "center");

    private BannerForm() {
    }

    /** One editable text: its form name, a label and the value the banner shows now. */
    record TextField(String name, String label, String value, boolean multiline) {
    }

    /** The text fields of one language. */
    record LanguageTexts(String language, List<TextField> fields) {
    }

    static List<LanguageTexts> texts(SiteView site, DefaultTexts defaults) {
        List<LanguageTexts> languages = new ArrayList<>();
        for (String language : site.languages()) {
            Map<String, Object> effective = defaults.complete(language, site.texts().get(language));
            List<TextField> fields = new ArrayList<>();
            flatten("", effective, (key, value) -> fields.add(new TextField("text." + language + "." + key,
                    label(key), value, key.endsWith("description") || key.equals("gpcNotice"))));
            languages.add(new LanguageTexts(language, fields));
        }
        return languages;
    }

    static SiteRequest request(MultivaluedMap<String, String> form, SiteView site, DefaultTexts defaults) {
        return sent(form, defaults, integer(form.getFirst("consentLifetimeDays")));
    }

    /**
     * The site as the owner just sent it, for showing the form again when saving was refused: nothing typed is
     * lost. Lenient where {@link #request} is strict; what cannot be read keeps the saved value.
     */
    static SiteView draft(MultivaluedMap<String, String> form, SiteView site, DefaultTexts defaults) {
        Integer lifetime;
        try {
            lifetime = integer(form.getFirst("consentLifetimeDays"));
        } catch (dev.akkoord.web.ProblemException notANumber) {
            lifetime = null;
        }
        SiteRequest sent = sent(form, defaults, lifetime);
        Map<String, String> colors = new LinkedHashMap<>(site.ui().colors());
        colors.putAll(sent.ui().colors());
        SiteSettings.BannerUi ui = new SiteSettings.BannerUi(sent.ui().position(), sent.ui().floatingButton(),
                sent.ui().reloadOnWithdraw(), colors);
        return new SiteView(site.id(), site.name(), site.domains(),
                sent.languages() == null ? site.languages() : sent.languages(), sent.texts(), sent.categories(),
                lifetime == null ? site.consentLifetimeDays() : lifetime, sent.privacyPolicyUrl(),
                site.consentRetentionDays(), ui, site.bannerVersion(), site.createdAt(), site.updatedAt(), null, null,
                site.embedPresets());
    }

    private static SiteRequest sent(MultivaluedMap<String, String> form, DefaultTexts defaults, Integer lifetime) {
        List<String> languages = list(form.getFirst("languages"));
        Map<String, Map<String, Object>> texts = new LinkedHashMap<>();
        for (String language : languages) {
            Map<String, Object> defaultTexts = defaults.complete(language, null);
            Map<String, Object> own = new LinkedHashMap<>();
            flatten("", defaultTexts, (key, defaultValue) -> {
                String given = form.getFirst("text." + language + "." + key);
                if (given != null && !given.strip().equals(defaultValue.strip())) {
                    put(own, key, given.strip());
                }
            });
            texts.put(language, own);
        }
        List<String> categories = new ArrayList<>(List.of("functional"));
        for (String optional : List.of("analytical", "marketing")) {
            if (form.containsKey("category." + optional)) {
                categories.add(optional);
            }
        }
        Map<String, String> colors = new LinkedHashMap<>();
        for (String key : COLOR_KEYS) {
            String value = form.getFirst("color." + key);
            if (value != null && !value.isBlank()) {
                colors.put(key, value.trim());
            }
        }
        SiteSettings.BannerUi ui = new SiteSettings.BannerUi(form.getFirst("position"),
                form.containsKey("floatingButton"), form.containsKey("reloadOnWithdraw"), colors);
        String policy = form.getFirst("privacyPolicyUrl");
        return new SiteRequest(null, null, languages.isEmpty() ? null : languages, texts, categories,
                lifetime, policy == null ? "" : policy, null, ui, null);
    }

    private static void flatten(String prefix, Map<String, Object> texts, java.util.function.BiConsumer<String, String> sink) {
        texts.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) nested;
                flatten(prefix + key + ".", inner, sink);
            } else {
                sink.accept(prefix + key, Objects.toString(value, ""));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> target, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.");
        Map<String, Object> node = target;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], ignored -> new LinkedHashMap<String, Object>());
        }
        node.put(parts[parts.length - 1], value);
    }

    private static String label(String key) {
        if (key.startsWith("categories.")) {
            String[] parts = key.split("\\.");
            return capitalize(parts[1]) + " category: " + parts[2];
        }
        return capitalize(key.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT));
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> list(String text) {
        if (text == null) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[,\\s]+")).filter(part -> !part.isBlank()).toList();
    }

    private static Integer integer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw dev.akkoord.web.ProblemException.badRequest("The consent lifetime must be a whole number of days");
        }
    }
}
