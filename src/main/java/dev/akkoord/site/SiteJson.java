package dev.akkoord.site;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.akkoord.web.Sha256;

/** JSON of the documents a site keeps in its jsonb columns, and the canonical form banner versions hash. */
@ApplicationScoped
final class SiteJson {

    private final ObjectMapper json;
    private final ObjectMapper canonical;

    SiteJson(ObjectMapper json) {
        this.json = json;
        this.canonical = JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Site documents are plain records and always serialize", e);
        }
    }

    SiteSettings settings(Site site) {
        return read(site.settings, new TypeReference<>() {
        });
    }

    List<String> domains(Site site) {
        return domains(site.domains);
    }

    List<String> domains(String stored) {
        return read(stored, new TypeReference<>() {
        });
    }

    BannerCookies lists(BannerCookieList stored) {
        return read(stored.lists, new TypeReference<>() {
        });
    }

    BannerContent content(BannerVersion version) {
        return read(version.content, new TypeReference<>() {
        });
    }

    /** A short content hash: 64 bits are plenty to tell one site's versions apart. */
    String versionOf(BannerContent content) {
        try {
            String text = new String(canonical.writeValueAsBytes(content), StandardCharsets.UTF_8);
            return Sha256.hex(text).substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Banner content is a plain record and always serializes", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored site document no longer parses", e);
        }
    }
}
