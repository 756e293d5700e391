package dev.akkoord.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The banner texts Akkoord ships, per language; a site's own texts are merged over them. */
@ApplicationScoped
public final class DefaultTexts {

    static final String FALLBACK_LANGUAGE = "en";
    private static final String RESOURCE = "/banner/default-texts.json";

    private final Map<String, Map<String, Object>> byLanguage;

    DefaultTexts(ObjectMapper json) {
        try (InputStream in = DefaultTexts.class.getResourceAsStream(RESOURCE)) {
            this.byLanguage = json.readValue(in, new TypeReference<Map<String, Map<String, Object>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Default banner texts are missing from the build", e);
        }
    }

    /** The complete texts for {@code language}: the owner's over the defaults of that language or English. */
    public Map<String, Object> complete(String language, Map<String, Object> ownTexts) {
        Map<String, Object> defaults = byLanguage.getOrDefault(language, byLanguage.get(FALLBACK_LANGUAGE));
        return merge(defaults, ownTexts == null ? Map.of() : ownTexts);
    }

    /** The shape every language's texts must have, used to reject unknown keys. */
    Map<String, Object> template() {
        return byLanguage.get(FALLBACK_LANGUAGE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        over.forEach((key, value) -> {
            Object current = merged.get(key);
            if (current instanceof Map<?, ?> currentMap && value instanceof Map<?, ?> valueMap) {
                merged.put(key, merge((Map<String, Object>) currentMap, (Map<String, Object>) valueMap));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
