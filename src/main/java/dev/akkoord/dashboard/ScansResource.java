package dev.akkoord.dashboard;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.akkoord.site.BannerCookieSource;
import dev.akkoord.site.BannerCookies;
import dev.akkoord.site.ConsentCategory;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The cookies of the latest scan with the owner's overrides, the latest scan's report (headline, method, pages of the
 * browser pass, outside requests) with the scan history, and "Scan now" with progress.
 */
@Path("/dashboard/sites/{siteId}")
@SignedIn
@Produces(MediaType.TEXT_HTML)
public final class ScansResource {

    private final ScanResults scans;
    private final BannerCookieSource bannerCookies;
    private final SitePages pages;
    private final ErrorPages errors;

    ScansResource(ScanResults scans, BannerCookieSource bannerCookies, SitePages pages, ErrorPages errors) {
        this.scans = scans;
        this.bannerCookies = bannerCookies;
        this.pages = pages;
        this.errors = errors;
    }

    @GET
    @Path("/cookies")
    public Uni<String> cookies(@RestPath UUID siteId, @RestQuery String saved) {
        return pages.site(siteId).flatMap(site -> scans.latest(siteId).flatMap(latest -> {
            if (latest != null) {
                return Uni.createFrom().item(Templates.cookies(pages.page(site, "Cookies", "cookies"),
                        sorted(latest.cookies()), latest, latest.finishedAt() == null ? null : latest.finishedAt()
                                .toString(), saved).render());
            }
            return bannerCookies.bannerCookiesFor(siteId).map(listed -> Templates.cookies(
                    pages.page(site, "Cookies", "cookies"), fromBanner(listed), null,
                    listed.lastScan() == null ? null : listed.lastScan().toString(), saved)
                    .render());
        }));
    }

    @POST
    @Path("/cookies/override")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> overrideCookie(@RestPath UUID siteId, @RestForm String name, @RestForm String category) {
        ConsentCategory.fromKey(category);
        return scans.overrideCategory(siteId, name, category).map(ignored -> Response.seeOther(
                URI.create("/dashboard/sites/" + siteId + "/cookies?saved=" + name)).build());
    }

    @GET
    @Path("/scans")
    public Uni<String> scanHistory(@RestPath UUID siteId, @RestQuery UUID scan) {
        return pages.site(siteId).flatMap(site -> Uni.combine().all()
                .unis(scans.history(siteId), scans.latest(siteId)).asTuple()
                .map(found -> Templates.scans(pages.page(site, "Scans", "scans"), found.getItem1(), scan,
                        found.getItem2()).render()));
    }

    @POST
    @Path("/scans")
    public Uni<Response> scanNow(@RestPath UUID siteId) {
        return scans.startScan(siteId).map(scanId -> Response.seeOther(
                URI.create("/dashboard/sites/" + siteId + "/scans?scan=" + scanId)).build());
    }

    /** Polled by the scans page while a scan runs. */
    @GET
    @Path("/scans/{scanId}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ScanResults.ScanProgress> scanProgress(@RestPath UUID siteId, @RestPath UUID scanId) {
        return scans.progress(siteId, scanId);
    }

    /** Unclassified cookies first (a person must decide), then violations, then by category and name. */
    static List<CookieRow> sorted(List<CookieRow> cookies) {
        List<CookieRow> rows = new ArrayList<>(cookies);
        rows.sort(Comparator.comparing((CookieRow row) -> !row.unclassified())
                .thenComparing(row -> !row.violation())
                .thenComparing(CookieRow::category)
                .thenComparing(CookieRow::name));
        return rows;
    }

    private static List<CookieRow> fromBanner(BannerCookies listed) {
        List<CookieRow> rows = new ArrayList<>();
        listed.cookies().forEach((category, cookies) -> cookies.forEach(cookie -> rows.add(CookieRow.declared(
                cookie.name(), category, cookie.provider(), cookie.purpose(), cookie.lifetime()))));
        return sorted(rows);
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
