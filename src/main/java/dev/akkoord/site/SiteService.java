package dev.akkoord.site;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import dev.akkoord.web.ApiKeys;
import dev.akkoord.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Registers sites, keeps their settings, API keys and banner versions. */
@ApplicationScoped
public class SiteService {

    private static final Logger LOG = Logger.getLogger(SiteService.class);

    private final SettingsValidator validator;
    private final DefaultTexts defaultTexts;
    private final SiteJson json;
    private final BannerConfigCache cache;
    private final BannerVersions versions;
    private final SiteHosts hosts;
    private final Event<BannerChanged> bannerChanged;
    private final BannerInvalidations invalidations;

    /** A committed update: the site as it is now, and the banner version it had before. */
    private record Updated(SiteView view, String versionBefore) {
        boolean bannerChanged() {
            return !view.bannerVersion().equals(versionBefore);
        }
    }

    SiteService(SettingsValidator validator, DefaultTexts defaultTexts, SiteJson json,
            BannerConfigCache cache, BannerVersions versions, SiteHosts hosts,
            Event<BannerChanged> bannerChanged, BannerInvalidations invalidations) {
        this.validator = validator;
        this.defaultTexts = defaultTexts;
        this.json = json;
        this.cache = cache;
        this.versions = versions;
        this.hosts = hosts;
        this.bannerChanged = bannerChanged;
        this.invalidations = invalidations;
    }

    /** Creates the site; this instance knows its domains at once (others within half a minute, see SiteHosts). */
    public Uni<SiteView> createSite(SiteRequest request) {
        return Panache.withTransaction(() -> insertSite(request)).call(created -> reloadHosts());
    }

    private Uni<SiteView> insertSite(SiteRequest request) {
        LOG.debugf("Creating site %s", request.name());
        Site site = new Site();
        site.id = UUID.randomUUID();
        site.name = SettingsValidator.name(request.name());
        site.domains = json.write(Domains.normalize(request.domains()));
        site.settings = json.write(validator.apply(SiteSettings.defaults(), request));
        site.createdAt = now();
        site.updatedAt = site.createdAt;
        String apiKey = ApiKeys.newKey();
        BannerContent content = content(json.settings(site), BannerCookies.NONE);
        site.currentBannerVersion = json.versionOf(content);
        return site.<Site>persist()
                .flatMap(saved -> storeLists(site.id, BannerCookies.NONE))
                .flatMap(saved -> saveVersion(site.id, site.currentBannerVersion, content))
                .flatMap(saved -> newKey(site.id, apiKey, "created with the site"))
                .map(key -> view(site).withApiKey(apiKey));
    }

    @WithSession
    public Uni<SiteView> findSite(UUID siteId) {
        return Site.<Site>findById(siteId).map(Site::live).map(site -> site == null ? null : view(site));
    }

    /** The domains of a live site, for the scanner; null when there is no such site or it was deleted. */
    @WithSession
    public Uni<List<String>> liveDomains(UUID siteId) {
        return Site.<Site>findById(siteId).map(Site::live).map(site -> site == null ? null : json.domains(site));
    }

    /** The live sites, oldest first: the daily scan's round. */
    @WithSession
    public Uni<List<UUID>> liveSiteIds() {
        return Site.<Site>list("deletedAt is null order by createdAt")
                .map(sites -> sites.stream().map(site -> site.id).toList());
    }

    /** Every site whose consent records are kept: the deleted ones too, until their retention has run out. */
    @WithSession
    public Uni<List<UUID>> siteIdsWithRecords() {
        return Site.<Site>listAll().map(sites -> sites.stream().map(site -> site.id).toList());
    }

    /**
     * Deletes the site for everyone: the dashboard, the API and its keys, the banner, consents and scans. Its consent
     * records stay, and are purged by the site's retention like any others; the row stays for them.
     */
    public Uni<Void> deleteSite(UUID siteId) {
        LOG.infof("Deleting site %s", siteId);
        return Panache.withTransaction(() -> requireSite(siteId).flatMap(site -> {
            Instant now = now();
            site.deletedAt = now;
            site.updatedAt = now;
            return SiteApiKey.update("revokedAt = ?1 where siteId = ?2 and revokedAt is null", now, siteId);
        })).call(revoked -> invalidations.announce(siteId))
                .call(revoked -> cache.invalidate(siteId))
                .call(revoked -> reloadHosts())
                .replaceWithVoid();
    }

    @WithSession
    public Uni<List<SiteView>> listSites() {
        return Site.<Site>listAll().map(sites -> sites.stream().filter(site -> site.deletedAt == null).map(this::view)
                .toList());
    }

    /**
     * Applies the fields given; a change to anything visitors see makes a new banner version. The cached banner
     * is dropped only after the commit, so no instance can cache the old settings again.
     */
    public Uni<SiteView> updateSite(UUID siteId, SiteRequest request) {
        LOG.debugf("Updating site %s", siteId);
        // Checked before the transaction: a refusal then leaves the context's session open for the caller's next read.
        String name = request.name() == null ? null : SettingsValidator.name(request.name());
        List<String> domains = request.domains() == null ? null : Domains.normalize(request.domains());
        return Panache.withTransaction(() -> requireSite(siteId).flatMap(site -> {
            String versionBefore = site.currentBannerVersion;
            if (name != null) {
                site.name = name;
            }
            if (domains != null) {
                site.domains = json.write(domains);
            }
            site.settings = json.write(validator.apply(json.settings(site), request));
            site.updatedAt = now();
            return refreshVersion(site).map(view -> new Updated(view, versionBefore));
        })).call(this::committed)
                .map(Updated::view)
                .call(view -> request.domains() == null ? Uni.createFrom().voidItem() : reloadHosts());
    }

    /** After the commit, so the reload reads the change; a failed reload leaves the half-minute one to catch up. */
    private Uni<Void> reloadHosts() {
        return hosts.reload().onFailure().recoverWithNull();
    }

    /**
     * The scanner's lists for the banner (after a scan, or an owner's edit of a cookie or host): stored with the
     * banner version they make, in one transaction. The scanner pushes; this package never asks it.
     */
    public Uni<String> publishCookieLists(UUID siteId, BannerCookies lists) {
        return Panache.withTransaction(() -> requireSite(siteId).flatMap(site -> {
            String versionBefore = site.currentBannerVersion;
            return storeLists(siteId, lists).flatMap(stored -> refreshVersion(site, lists))
                    .map(view -> new Updated(view, versionBefore));
        })).call(this::committed)
                .map(updated -> updated.view().bannerVersion());
    }

    /** The lists the site's banner shows now; {@link BannerCookies#NONE} before the scanner published any. */
    @WithSession
    public Uni<BannerCookies> bannerCookies(UUID siteId) {
        return storedLists(siteId);
    }

    /** Live sites the scanner has published no lists for: those created before the lists were kept here. */
    @WithSession
    public Uni<List<UUID>> sitesWithoutCookieLists() {
        return Site.<Site>list("deletedAt is null and id not in (select l.siteId from BannerCookieList l)")
                .map(sites -> sites.stream().map(site -> site.id).toList());
    }

    private Uni<BannerCookies> storedLists(UUID siteId) {
        return BannerCookieList.<BannerCookieList>findById(siteId)
                .map(stored -> stored == null ? BannerCookies.NONE : json.lists(stored));
    }

    private Uni<BannerCookieList> storeLists(UUID siteId, BannerCookies lists) {
        return BannerCookieList.<BannerCookieList>findById(siteId).flatMap(stored -> {
            BannerCookieList row = stored == null ? new BannerCookieList() : stored;
            row.siteId = siteId;
            row.lists = json.write(lists);
            row.updatedAt = now();
            return stored == null ? row.<BannerCookieList>persist() : Uni.createFrom().item(row);
        });
    }

    /**
     * After the commit: this instance serves the current version at once, the cached banner is dropped, and a
     * changed banner is announced ({@link BannerChanged}) for caches outside the platform.
     */
    private Uni<Void> committed(Updated updated) {
        UUID siteId = updated.view().id();
        return invalidations.announce(siteId)
                .invoke(() -> versions.changed(siteId, updated.view().bannerVersion()))
                .call(() -> cache.invalidate(siteId)).invoke(() -> {
            if (updated.bannerChanged()) {
                bannerChanged.fire(new BannerChanged(siteId, updated.view().bannerVersion()));
            }
        });
    }

    /** Revokes every key of the site and issues a new one, returned once. */
    @WithTransaction
    public Uni<String> rotateApiKey(UUID siteId) {
        String apiKey = ApiKeys.newKey();
        return requireSite(siteId)
                .flatMap(site -> SiteApiKey.update("revokedAt = ?1 where siteId = ?2 and revokedAt is null",
                        now(), siteId))
                .flatMap(revoked -> newKey(siteId, apiKey, "rotated"))
                .map(key -> apiKey);
    }

    @WithSession
    public Uni<BannerContent> bannerContent(UUID siteId, String version) {
        return BannerVersion.<BannerVersion>findById(new BannerVersion.Key(siteId, version))
                .map(found -> found == null ? null : json.content(found));
    }

    /** Every version the site ever showed, newest first: the evidence of what each consent was given on. */
    @WithSession
    public Uni<List<BannerVersionSummary>> listBannerVersions(UUID siteId) {
        return BannerVersion.<BannerVersion>list("siteId = ?1 order by createdAt desc", siteId)
                .map(versions -> versions.stream()
                        .map(version -> new BannerVersionSummary(version.version, version.createdAt)).toList());
    }

    @WithSession
    public Uni<Boolean> bannerVersionExists(UUID siteId, String version) {
        return BannerVersion.count("siteId = ?1 and version = ?2", siteId, version).map(count -> count > 0);
    }

    /** The site's domains and retention, for the consent path. */
    @WithSession
    public Uni<SiteAccess> siteAccess(UUID siteId) {
        return Site.<Site>findById(siteId).map(Site::live).map(site -> site == null ? null
                : new SiteAccess(site.id, json.domains(site), site.currentBannerVersion,
                        json.settings(site).consentRetentionDays()));
    }

    private Uni<SiteView> refreshVersion(Site site) {
        return storedLists(site.id).flatMap(lists -> refreshVersion(site, lists));
    }

    private Uni<SiteView> refreshVersion(Site site, BannerCookies lists) {
        BannerContent content = content(json.settings(site), lists);
        String version = json.versionOf(content);
        if (version.equals(site.currentBannerVersion)) {
            return Uni.createFrom().item(view(site));
        }
        LOG.infof("Site %s: new banner version %s", site.id, version);
        site.currentBannerVersion = version;
        return BannerVersion.<BannerVersion>findById(new BannerVersion.Key(site.id, version))
                .flatMap(existing -> existing != null ? Uni.createFrom().item(existing)
                        : saveVersion(site.id, version, content))
                .map(saved -> view(site));
    }

    private Uni<Site> requireSite(UUID siteId) {
        return Site.<Site>findById(siteId).map(Site::live).map(site -> {
            if (site == null) {
                throw ProblemException.notFound("No site with id " + siteId);
            }
            return site;
        });
    }

    private BannerContent content(SiteSettings settings, BannerCookies cookies) {
        Map<String, Map<String, Object>> texts = new LinkedHashMap<>();
        for (String language : settings.languages()) {
            texts.put(language, defaultTexts.complete(language, settings.texts().get(language)));
        }
        Map<String, List<BannerCookies.CookieInfo>> cookiesInUse = new LinkedHashMap<>();
        Map<String, List<String>> hostsInUse = new LinkedHashMap<>();
        for (String category : settings.categories()) {
            cookiesInUse.put(category, cookies.cookies().getOrDefault(category, List.of()));
            hostsInUse.put(category, cookies.trackerHosts().getOrDefault(category, List.of()));
        }
        // Cookies of a category the owner does not use still must not run before consent: treat them as marketing.
        for (String category : List.of("analytical", "marketing")) {
            if (!settings.categories().contains(category) && settings.categories().contains("marketing")) {
                cookiesInUse.merge("marketing", cookies.cookies().getOrDefault(category, List.of()),
                        (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
            }
        }
        return new BannerContent(settings.languages(), texts, settings.categories(), cookiesInUse, hostsInUse,
                settings.ui(), settings.consentLifetimeDays(), settings.privacyPolicyUrl(),
                settings.embedPresets().stream().map(EmbedPreset::row).toList());
    }

    private Uni<BannerVersion> saveVersion(UUID siteId, String version, BannerContent content) {
        BannerVersion row = new BannerVersion();
        row.siteId = siteId;
        row.version = version;
        row.content = json.write(content);
        row.createdAt = now();
        return row.persist();
    }

    private Uni<SiteApiKey> newKey(UUID siteId, String apiKey, String label) {
        SiteApiKey key = new SiteApiKey();
        key.id = UUID.randomUUID();
        key.siteId = siteId;
        key.keyHash = ApiKeys.hash(apiKey);
        key.label = label;
        key.createdAt = now();
        return key.persist();
    }

    private SiteView view(Site site) {
        SiteSettings settings = json.settings(site);
        return new SiteView(site.id, site.name, json.domains(site), settings.languages(), settings.texts(),
                settings.categories(), settings.consentLifetimeDays(), settings.privacyPolicyUrl(),
                settings.consentRetentionDays(), settings.ui(), site.currentBannerVersion, site.createdAt,
                site.updatedAt, null,
                settings.ui() == null ? null : Contrast.warnings(settings.ui().colors()), settings.embedPresets());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
