package dev.akkoord.dashboard;

import java.util.List;

import dev.akkoord.account.Account;
import dev.akkoord.site.SiteKeys;
import dev.akkoord.site.SiteView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The dashboard's pages, in {@code src/main/resources/templates/dashboard/}; every one uses {@code layout.html}. */
@CheckedTemplate(basePath = "dashboard")
final class Templates {

    private Templates() {
    }

    static native TemplateInstance error(Page page, int status, String detail);

    static native TemplateInstance login(Page page, String csrf, String email, String next, String error);

    static native TemplateInstance account(Page page, String email, String error);

    /** @param deleted the name of the site just deleted, or null */
    static native TemplateInstance sites(Page page, List<SitesResource.SiteRow> sites, String error, String deleted);

    static native TemplateInstance site(Page page, SiteGlance glance, EmbedSnippet.Snippet snippet,
            List<BannerSightings.Sighting> sightings, List<SiteKeys.KeyInfo> keys, String newKey, String platformUrl,
            List<SitesResource.SharedDomain> shared, SitesResource.SettingsNotice notice);

    static native TemplateInstance accounts(Page page, List<Account> accounts, List<SiteView> sites,
            java.util.Map<java.util.UUID, java.util.List<SiteView>> grants, String error, String created);

    /** @param contrast the banner colours' contrast, as the form shows them (the editor's script keeps it live) */
    static native TemplateInstance banner(Page page, List<BannerForm.LanguageTexts> languages, List<String> positions,
            List<dev.akkoord.site.Contrast.Check> contrast, String error, boolean saved, String embedError);

    static native TemplateInstance preview(SiteView site, String language, String nonce);

    /**
     * @param latest    the latest scan that listed cookies, or null when the cookies are the banner's lists (no scan yet)
     * @param trouble   the latest finished scan when it failed or is partial, else null
     * @param notices   what was just saved: a cookie's category, its details, its reset, a tracker host
     * @param error     why the details just sent were refused (the row's form shows them again)
     * @param hosts     the script hosts the owner declared, host → category
     * @param forms     why the "Add a cookie" or the tracker host form was just refused
     */
    static native TemplateInstance cookies(Page page, List<CookieRow> cookies, LatestScan latest, ScanTrouble trouble,
            String lastScan, ScansResource.Notices notices, String error, java.util.Map<String, String> hosts,
            ScansResource.Forms forms);

    /**
     * @param latest  the latest scan that listed cookies, or null before the first
     * @param trouble the latest finished scan when it failed or is partial, else null
     */
    static native TemplateInstance scans(Page page, List<ScanResults.ScanSummary> scans, java.util.UUID running,
            LatestScan latest, ScanTrouble trouble);

    /**
     * @param settings  what the form shows: the saved settings, or those just refused
     * @param secret    the saved webhook's signing secret, or null
     * @param error     why the settings just sent were refused, or null
     */
    static native TemplateInstance alerts(Page page, dev.akkoord.alert.AlertSettings settings, String secret,
            List<dev.akkoord.alert.AlertDelivery> deliveries, boolean saved, String error);

    static native TemplateInstance confirm(Page page, Confirmation confirmation);

    /** One scan with what it found: its cookies, the pages crawled, trackers and problems. */
    static native TemplateInstance scan(Page page, dev.akkoord.scan.ScanView scan);

    static native TemplateInstance analytics(Page page, dev.akkoord.analytics.ConsentStats stats,
            Charts.BarChart decisions, Charts.RateChart rates, List<Charts.Series> actions, List<Charts.Series> categories);

    static native TemplateInstance consents(Page page, ConsentLogPage.Filter filter,
            dev.akkoord.consent.ConsentLogSearch.Page log, List<String> actions);
}
