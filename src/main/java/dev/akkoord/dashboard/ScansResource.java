package dev.akkoord.dashboard;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

import dev.akkoord.scan.CookieOverride;
import dev.akkoord.site.BannerCookieSource;
import dev.akkoord.site.BannerCookies;
import dev.akkoord.site.ConsentCategory;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The cookies of the latest scan with the owner's overrides (a category, and their own purpose, vendor and retention
 * per cookie), the latest scan's report (headline, method, pages of the browser pass, outside requests) with the scan
 * history, and "Scan now" with progress.
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
    public Uni<Response> cookies(@RestPath UUID siteId, @RestQuery String saved, @RestQuery String described) {
        return cookiesPage(siteId, 200, new Notices(saved, described), null);
    }

    @POST
    @Path("/cookies/override")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> overrideCookie(@RestPath UUID siteId, @RestForm String name, @RestForm String category) {
        ConsentCategory.fromKey(category);
        return scans.overrideCategory(siteId, name, category)
                .map(ignored -> backToCookies(siteId, "saved", name));
    }

    /** The owner's purpose, vendor and retention of a cookie; a refused text shows on the page, in its row. */
    @POST
    @Path("/cookies/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> describeCookie(@RestPath UUID siteId, @RestForm String name, @RestForm String purpose,
            @RestForm String vendor, @RestForm String retention) {
        return scans.describeCookie(siteId, name, purpose, vendor, retention)
                .map(ignored -> backToCookies(siteId, "described", name))
                .onFailure(ProblemException.class).recoverWithUni(failure -> {
                    ProblemException problem = (ProblemException) failure;
                    if (problem.status() != 400) {
                        return Uni.createFrom().failure(problem);
                    }
                    return cookiesPage(siteId, 400, new Notices(null, null), new Refused(name, new CookieRow.Details(
                            text(purpose), text(vendor), text(retention), true, problem.getMessage())));
                });
    }

    /** What the page confirms after a save: the name whose category, or whose details, were saved. */
    private record Notices(String saved, String described) {
    }

    /** A refused "Edit details" form, shown again in its row. */
    private record Refused(String name, CookieRow.Details details) {
    }

    private Uni<Response> cookiesPage(UUID siteId, int status, Notices notices, Refused refused) {
        return pages.site(siteId).flatMap(site -> Uni.combine().all()
                .unis(scans.latest(siteId), scans.ownWords(siteId), scans.trouble(siteId)).asTuple()
                .flatMap(found -> {
                    LatestScan latest = found.getItem1();
                    Map<String, CookieOverride> own = found.getItem2();
                    ScanTrouble trouble = found.getItem3();
                    if (latest != null) {
                        return Uni.createFrom().item(Templates.cookies(pages.page(site, "Cookies", "cookies"),
                                withDetails(sorted(latest.cookies()), own, refused), latest, trouble,
                                latest.finishedAt() == null ? null : latest.finishedAt().toString(), notices.saved(),
                                notices.described(), refused == null ? null : refused.details().error()));
                    }
                    return bannerCookies.bannerCookiesFor(siteId).map(listed -> Templates.cookies(
                            pages.page(site, "Cookies", "cookies"), withDetails(fromBanner(listed), own, refused), null,
                            trouble,
                            listed.lastScan() == null ? null : listed.lastScan().toString(), notices.saved(),
                            notices.described(), refused == null ? null : refused.details().error()));
                })
                .map(template -> Html.status(status, template.render())));
    }

    private static List<CookieRow> withDetails(List<CookieRow> rows, Map<String, CookieOverride> own,
            Refused refused) {
        return rows.stream().map(row -> row.with(refused != null && refused.name().equals(row.name())
                ? refused.details() : CookieRow.Details.of(CookieOverride.find(own, row.name())))).toList();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Response backToCookies(UUID siteId, String notice, String name) {
        return Response.seeOther(URI.create("/dashboard/sites/" + siteId + "/cookies?" + notice + "="
                + URLEncoder.encode(name, StandardCharsets.UTF_8))).build();
    }

    @GET
    @Path("/scans")
    public Uni<String> scanHistory(@RestPath UUID siteId, @RestQuery UUID scan) {
        return pages.site(siteId).flatMap(site -> Uni.combine().all()
                .unis(scans.history(siteId), scans.latest(siteId), scans.trouble(siteId)).asTuple()
                .map(found -> Templates.scans(pages.page(site, "Scans", "scans"), found.getItem1(), scan,
                        found.getItem2(), found.getItem3()).render()));
    }

    @POST
    @Path("/scans")
    public Uni<Response> scanNow(@RestPath UUID siteId) {
        return scans.startScan(siteId).map(scanId -> Response.seeOther(
                URI.create("/dashboard/sites/" + siteId + "/scans?scan=" + scanId)).build());
    }

    @GET
    @Path("/scans/{scanId}")
    public Uni<String> scanPage(@RestPath UUID siteId, @RestPath UUID scanId) {
        return pages.site(siteId).flatMap(site -> scans.scan(siteId, scanId)
                .map(view -> Templates.scan(pages.page(site, "Scan", "scans"), view).render()));
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
