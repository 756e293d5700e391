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
import dev.akkoord.site.BannerCookies;
import dev.akkoord.site.ConsentCategory;
import dev.akkoord.site.SiteService;
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
    private final SiteService sites;
    private final SitePages pages;
    private final ErrorPages errors;

    ScansResource(ScanResults scans, SiteService sites, SitePages pages, ErrorPages errors) {
        this.scans = scans;
        this.sites = sites;
        this.pages = pages;
        this.errors = errors;
    }

    @GET
    @Path("/cookies")
    public Uni<Response> cookies(@RestPath UUID siteId, @RestQuery String saved, @RestQuery String described,
            @RestQuery String reset, @RestQuery String host) {
        return cookiesPage(siteId, 200, new Notices(saved, described, reset, host), null, Forms.NONE);
    }

    /** A cookie the scan did not find (or a pattern such as {@code _ga_*}) declared with the owner's words. */
    @POST
    @Path("/cookies/declare")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> declareCookie(@RestPath UUID siteId, @RestForm String name, @RestForm String category,
            @RestForm String purpose, @RestForm String vendor, @RestForm String retention) {
        return refusedOnPage(siteId, scans.declareCookie(siteId, name, category, purpose, vendor, retention)
                .map(ignored -> backToCookies(siteId, "saved", name)), message -> new Forms(message, null));
    }

    @POST
    @Path("/cookies/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> resetCookie(@RestPath UUID siteId, @RestForm String name) {
        return refusedOnPage(siteId, scans.resetCookie(siteId, name).map(ignored -> backToCookies(siteId, "reset",
                name)), message -> new Forms(message, null));
    }

    /** A script host declared a tracker of a category (or no tracker: functional). */
    @POST
    @Path("/cookies/hosts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> declareHost(@RestPath UUID siteId, @RestForm String host, @RestForm String category) {
        return refusedOnPage(siteId, scans.declareHost(siteId, host, category).map(ignored -> backToCookies(siteId,
                "host", host)), message -> new Forms(null, message));
    }

    @POST
    @Path("/cookies/hosts/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> undoHost(@RestPath UUID siteId, @RestForm String host) {
        return refusedOnPage(siteId, scans.undoHost(siteId, host).map(ignored -> backToCookies(siteId, "host", host)),
                message -> new Forms(null, message));
    }

    /** A 400 of the change shows the Cookies page again with why, in the form it came from; nothing was saved. */
    private Uni<Response> refusedOnPage(UUID siteId, Uni<Response> change,
            java.util.function.Function<String, Forms> refused) {
        return pages.site(siteId).flatMap(site -> change).onFailure(ProblemException.class).recoverWithUni(failure -> {
            ProblemException problem = (ProblemException) failure;
            return problem.status() != 400 ? Uni.createFrom().failure(problem)
                    : cookiesPage(siteId, 400, Notices.NONE, null, refused.apply(problem.getMessage()));
        });
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
                    return cookiesPage(siteId, 400, Notices.NONE, new Refused(name, new CookieRow.Details(
                            text(purpose), text(vendor), text(retention), true, problem.getMessage())), Forms.NONE);
                });
    }

    /** What the page confirms after a save: the name whose category, details or reset, or the host, was saved. */
    record Notices(String saved, String described, String reset, String host) {
        static final Notices NONE = new Notices(null, null, null, null);
    }

    /** Why the "Add a cookie" or the tracker host form was just refused, shown in that form. */
    record Forms(String declareError, String hostError) {
        static final Forms NONE = new Forms(null, null);
    }

    /** A refused "Edit details" form, shown again in its row. */
    private record Refused(String name, CookieRow.Details details) {
    }

    private Uni<Response> cookiesPage(UUID siteId, int status, Notices notices, Refused refused, Forms forms) {
        String error = refused == null ? null : refused.details().error();
        return pages.site(siteId).flatMap(site -> Uni.combine().all()
                .unis(scans.current(siteId), scans.ownWords(siteId), scans.declaredHosts(siteId))
                .asTuple()
                .flatMap(found -> {
                    LatestScan latest = found.getItem1().latest();
                    Map<String, CookieOverride> own = found.getItem2();
                    ScanTrouble trouble = found.getItem1().trouble();
                    Map<String, String> hosts = found.getItem3();
                    Page page = pages.page(site, "Cookies", "cookies");
                    if (latest != null) {
                        return Uni.createFrom().item(Templates.cookies(page,
                                withDetails(sorted(withDeclared(latest.cookies(), own)), own, refused), latest, trouble,
                                latest.finishedAt() == null ? null : latest.finishedAt().toString(), notices, error,
                                hosts, forms));
                    }
                    return sites.bannerCookies(siteId).map(listed -> Templates.cookies(page,
                            withDetails(fromBanner(listed), own, refused), null, trouble,
                            listed.lastScan() == null ? null : listed.lastScan().toString(), notices, error, hosts,
                            forms));
                })
                .map(template -> Html.status(status, template.render())));
    }

    private static List<CookieRow> withDetails(List<CookieRow> rows, Map<String, CookieOverride> own,
            Refused refused) {
        return rows.stream().map(row -> row.with(refused != null && refused.name().equals(row.name())
                ? refused.details() : CookieRow.Details.of(CookieOverride.find(own, row.name())))).toList();
    }

    /** The scan's rows and the cookies the owner added that it did not find (behind a login, say). */
    private static List<CookieRow> withDeclared(List<CookieRow> scanned, Map<String, CookieOverride> own) {
        List<CookieRow> rows = new ArrayList<>(scanned);
        own.values().stream()
                .filter(declared -> declared.category() != null)
                .filter(declared -> scanned.stream().noneMatch(row -> CookieOverride.find(
                        Map.of(declared.name(), declared), row.name()) != null))
                .forEach(declared -> rows.add(CookieRow.declaredByOwner(declared)));
        return rows;
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
        return pages.site(siteId).flatMap(site -> scans.history(siteId)
                .map(history -> Templates.scans(pages.page(site, "Scans", "scans"), history.scans(), scan,
                        history.latest(), history.trouble()).render()));
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
