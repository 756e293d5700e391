package dev.akkoord.scan;

import dev.akkoord.classify.Category;
import dev.akkoord.site.BannerCookies;
import dev.akkoord.site.SiteService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Publishes the banner's cookie and tracker host lists to the site ({@link SiteService#publishCookieLists}) whenever
 * they may have changed: after a scan, and after an owner's edit of a cookie or a host. The lists are the site's
 * latest finished scan with the owner's overrides (category, purpose, vendor, retention) and declared hosts on top. Unclassified cookies are listed under marketing until someone
 * decides. Cookies the owner classified but no scan has seen are listed too, so an owner can declare a site's cookies
 * (patterns such as {@code _ga_*} included) without a scan; a description without a category lists nothing. Lists
 * are sorted so that the same findings always give the same banner version.
 */
@ApplicationScoped
public class ScanBannerCookies {

    private static final List<String> KEYS = List.of("functional", "analytical", "marketing");

    private final ScanRepository scans;
    private final SiteService sites;

    ScanBannerCookies(ScanRepository scans, SiteService sites) {
        this.scans = scans;
        this.sites = sites;
    }

    /** Builds the site's lists and hands them to the site, which makes a new banner version if they changed. */
    public Uni<String> publish(UUID siteId) {
        return listsFor(siteId).flatMap(lists -> sites.publishCookieLists(siteId, lists));
    }

    Uni<BannerCookies> listsFor(UUID siteId) {
        return Uni.combine().all()
                .unis(scans.latestDoneScan(siteId), scans.cookieOverrides(siteId), scans.hostOverrides(siteId))
                .asTuple()
                .flatMap(parts -> {
                    ScanRow scan = parts.getItem1();
                    Map<String, CookieOverride> overrides = parts.getItem2();
                    Map<String, Category> hostOverrides = parts.getItem3();
                    if (scan == null) {
                        return Uni.createFrom().item(build(null, List.of(), List.of(), overrides, hostOverrides));
                    }
                    return Uni.combine().all().unis(scans.cookies(scan.id()), scans.trackers(scan.id())).asTuple()
                            .map(found -> build(scan, found.getItem1(), found.getItem2(), overrides, hostOverrides));
                });
    }

    static BannerCookies build(ScanRow scan, List<ScanCookie> cookies, List<ScanTracker> trackers,
            Map<String, CookieOverride> overrides, Map<String, Category> hostOverrides) {
        Map<String, Map<String, BannerCookies.CookieInfo>> lists = new LinkedHashMap<>();
        KEYS.forEach(key -> lists.put(key, new TreeMap<>()));
        for (ScanCookie cookie : Overrides.apply(cookies, overrides)) {
            lists.get(bannerKey(cookie.category())).putIfAbsent(cookie.name(), new BannerCookies.CookieInfo(
                    cookie.name(), cookie.vendor(), cookie.purpose(), cookie.lifetime(), cookie.thirdParty()));
        }
        for (CookieOverride override : overrides.values()) {
            boolean listed = lists.values().stream().anyMatch(list -> list.keySet().stream()
                    .anyMatch(name -> name.equalsIgnoreCase(override.name())));
            if (!listed && override.category() != null) {
                // Only the owner's words: visitors read what a cookie does, never why it is listed.
                lists.get(bannerKey(override.category())).put(override.name(), new BannerCookies.CookieInfo(
                        override.name(), override.vendor(), override.purpose(), override.retention()));
            }
        }
        Map<String, TreeSet<String>> hosts = new LinkedHashMap<>();
        hosts.put("analytical", new TreeSet<>());
        hosts.put("marketing", new TreeSet<>());
        for (ScanTracker tracker : trackers) {
            hosts.get(tracker.category()).addAll(tracker.hosts());
        }
        HostOverrides.apply(hosts, hostOverrides);
        Map<String, List<BannerCookies.CookieInfo>> cookieLists = new LinkedHashMap<>();
        lists.forEach((key, list) -> cookieLists.put(key, List.copyOf(list.values())));
        Map<String, List<String>> hostLists = new LinkedHashMap<>();
        hosts.forEach((key, set) -> hostLists.put(key, new ArrayList<>(set)));
        return new BannerCookies(cookieLists, hostLists, scan == null ? null : scan.finishedAt());
    }

    /** Unclassified cookies need consent like marketing ones until a person decides. */
    private static String bannerKey(Category category) {
        return category == Category.UNCLASSIFIED ? "marketing" : category.label();
    }
}
