package dev.akkoord.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The third-party entities of the {@code third-party-web} data set (MIT, see {@code classify/third-party-web}): which
 * company a host belongs to and what sort of business it is. A cookie from an ad-tech domain is marketing even when
 * nobody documented its name.
 */
final class ThirdPartyHosts {

    static final String PATH = "classify/third-party-web/entities.json";

    /** An entity as far as we use it. */
    record Entity(String name, String kind, Category category) {
    }

    private final Map<String, Entity> byHost = new HashMap<>();

    private ThirdPartyHosts() {
    }

    static ThirdPartyHosts load() {
        ThirdPartyHosts hosts = new ThirdPartyHosts();
        try (InputStream in = ThirdPartyHosts.class.getClassLoader().getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + PATH);
            }
            for (JsonNode entity : new ObjectMapper().readTree(in)) {
                String kind = entity.path("category").asText("");
                Entity e = new Entity(entity.path("name").asText(), kind, categoryOf(kind));
                for (JsonNode domain : entity.path("domains")) {
                    String d = domain.asText();
                    String host = HostNames.normalizeHost(d.startsWith("*.") ? d.substring(2) : d);
                    if (host != null) {
                        hosts.byHost.putIfAbsent(host, e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PATH, e);
        }
        return hosts;
    }

    /**
     * Their categories onto ours, for a cookie a host of that kind sets. Consent tools set the record of the choice;
     * chat, CDNs, hosting and utilities say nothing either way, so they give no answer.
     */
    static Category categoryOf(String kind) {
        return switch (kind) {
            case "ad", "social", "video", "marketing" -> Category.MARKETING;
            case "analytics", "tag-manager" -> Category.ANALYTICAL;
            case "consent-provider" -> Category.FUNCTIONAL;
            default -> null;
        };
    }

    /** The entity of the host or its nearest listed parent domain, or null. */
    Entity of(String host) {
        return HostNames.nearest(host, byHost::get);
    }

    /** Every listed host with its entity. */
    void forEachHost(BiConsumer<String, Entity> action) {
        byHost.forEach(action);
    }

    /** Host → category for the hosts whose kind needs consent (advertising, analytics, social, video, marketing). */
    Map<String, Category> consentHosts() {
        Map<String, Category> hosts = new TreeMap<>();
        byHost.forEach((host, e) -> {
            if (e.category() != null && e.category() != Category.FUNCTIONAL) {
                hosts.put(host, e.category());
            }
        });
        return Collections.unmodifiableMap(hosts);
    }
}
