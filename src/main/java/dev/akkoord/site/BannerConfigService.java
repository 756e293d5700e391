package dev.akkoord.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** Renders the public banner config for one site and language, through the Redis cache. */
@ApplicationScoped
public class BannerConfigService {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final String SITE_DEFAULT = "*";

    private final SiteService sites;
    private final BannerConfigCache cache;
    private final BannerVersions versions;
    private final SiteJson json;
    private final Event<BannerFetched> fetched;

    BannerConfigService(SiteService sites, BannerConfigCache cache, BannerVersions versions,
            SiteJson json, Event<BannerFetched> fetched) {
        this.sites = sites;
        this.cache = cache;
        this.versions = versions;
        this.json = json;
        this.fetched = fetched;
    }

    /** A config as JSON text, and the site's banner version it was rendered for. */
    public record Rendered(String version, String json) {
    }

    /**
     * The config for a banner about to run on a page, whichever way it travels (alone or inside the per-site
     * script): each one served is a sighting of the banner on the page's origin ({@link #sighted}).
     */
    public Uni<Rendered> configForPage(UUID siteId, String requestedLanguage, String origin, String referer) {
        return rendered(siteId, requestedLanguage).invoke(config -> sighted(siteId, origin, referer));
    }

    /** A banner served from an answer prepared earlier is a sighting too. */
    public void sighted(UUID siteId, String origin, String referer) {
        fetched.fire(BannerFetched.from(siteId, origin, referer));
    }

    /** The config as JSON text; the same text (and so the same ETag) until the site changes. */
    public Uni<String> config(UUID siteId, String requestedLanguage) {
        return rendered(siteId, requestedLanguage).map(Rendered::json);
    }

    /**
     * The site's current banner version as this instance knows it without asking the database, or null when it would
     * have to ask: a prepared answer is served only while this is the version it was prepared for.
     */
    public String knownVersion(UUID siteId) {
        return versions.known(siteId);
    }

    private Uni<Rendered> rendered(UUID siteId, String requestedLanguage) {
        String language = primaryLanguage(requestedLanguage);
        return versions.current(siteId).flatMap(version -> version == null
                ? render(siteId, language).map(json -> new Rendered(null, json))
                : cache.get(siteId, version, language).flatMap(cached -> cached != null ? Uni.createFrom().item(cached)
                        : render(siteId, language).call(config -> cache.put(siteId, version, language, config)))
                        .map(json -> new Rendered(version, json)));
    }

    private Uni<String> render(UUID siteId, String requestedLanguage) {
        return sites.findSite(siteId).flatMap(site -> {
            if (site == null) {
                throw ProblemException.notFound("No site with id " + siteId);
            }
            return sites.bannerContent(siteId, site.bannerVersion())
                    .flatMap(content -> sites.bannerCookies(siteId)
                            .map(cookies -> json.write(render(site, content, requestedLanguage, cookies))));
        });
    }

    private static Map<String, Object> render(SiteView site, BannerContent content, String requestedLanguage,
            BannerCookies cookies) {
        String language = content.languages().contains(requestedLanguage) ? requestedLanguage
                : content.languages().get(0);
        List<Map<String, Object>> categories = new ArrayList<>();
        for (String category : content.categories()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", category);
            entry.put("required", "functional".equals(category));
            entry.put("cookies", content.cookies().getOrDefault(category, List.of()));
            categories.add(entry);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("siteId", site.id());
        config.put("version", site.bannerVersion());
        config.put("language", language);
        config.put("languages", content.languages());
        config.put("consentLifetimeDays", content.consentLifetimeDays());
        config.put("privacyPolicyUrl", content.privacyPolicyUrl());
        config.put("texts", content.texts().get(language));
        config.put("categories", categories);
        config.put("trackerHosts", content.trackerHosts());
        config.put("ui", content.ui());
        config.put("lastScan", cookies.lastScan() == null ? null : cookies.lastScan().toString());
        if (content.embeds() != null && !content.embeds().isEmpty()) {
            config.put("embeds", content.embeds());
        }
        List<String> linked = linkedDomains(site.domains());
        if (!linked.isEmpty()) {
            config.put("domains", linked);
        }
        return config;
    }

    /**
     * The hosts a decision follows the visitor to: the site's domains when it has more than one, each a host a link
     * can point at (a wildcard names no host, so it is left out). A one-domain site gets none and its banner loads no
     * cross-domain code.
     */
    static List<String> linkedDomains(List<String> domains) {
        if (domains == null || domains.size() < 2) {
            return List.of();
        }
        return domains.stream().filter(domain -> !domain.startsWith("*.")).toList();
    }

    /** {@code nl-BE,nl;q=0.9} or {@code nl-BE} → {@code nl}; anything odd → the site default. */
    public static String primaryLanguage(String requested) {
        if (requested == null) {
            return SITE_DEFAULT;
        }
        String first = requested.split("[,;]", 2)[0].trim().toLowerCase(Locale.ROOT);
        String primary = first.split("[-_]", 2)[0];
        return LANGUAGE.matcher(primary).matches() ? primary : SITE_DEFAULT;
    }
}
