package dev.akkoord.dashboard;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.RestPath;

import dev.akkoord.dashboard.account.AccountService;
import dev.akkoord.site.SiteKeys;
import dev.akkoord.site.SiteRequest;
import dev.akkoord.scan.ScanView;
import dev.akkoord.site.SiteService;
import dev.akkoord.site.SiteView;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** The list of sites, registering one (operators), and a site's overview: embed snippet, banner status, keys. */
@Path("/dashboard/sites")
@SignedIn
@Produces(MediaType.TEXT_HTML)
public final class SitesResource {

    private final SiteService sites;
    private final SiteKeys keys;
    private final AccountService accounts;
    private final CurrentSession current;
    private final EmbedSnippet embedScript;
    private final BannerSightings sightings;
    private final SitePages sitePages;

    private final ErrorPages errors;

    private final SiteGlances glances;
    private final ScanResults scanResults;

    /** A row of the list of sites: the site and its last finished scan, null before the first. */
    record SiteRow(SiteView site, ScanView lastScan) {
    }

    SitesResource(SiteService sites, SiteKeys keys, AccountService accounts, CurrentSession current,
            EmbedSnippet embedScript, BannerSightings sightings, SitePages sitePages, ErrorPages errors,
            SiteGlances glances, ScanResults scanResults) {
        this.glances = glances;
        this.scanResults = scanResults;
        this.sites = sites;
        this.keys = keys;
        this.accounts = accounts;
        this.current = current;
        this.embedScript = embedScript;
        this.sightings = sightings;
        this.sitePages = sitePages;
        this.errors = errors;
    }

    @GET
    public Uni<String> listSites() {
        return list(null);
    }

    @POST
    @OperatorOnly
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createSite(@RestForm String name, @RestForm String domains, @RestForm String languages,
            @Context UriInfo uri) {
        SiteRequest request = new SiteRequest(name, split(domains), languages == null || languages.isBlank() ? null
                : split(languages), null, null, null, null, null, null);
        return sites.createSite(request)
                .flatMap(created -> overview(created.id(), created.apiKey(), uri).map(Html::ok))
                .onFailure(ProblemException.class).recoverWithUni(failure -> list(failure.getMessage())
                        .map(html -> Html.status(((ProblemException) failure).status(), html)));
    }

    @GET
    @Path("/{siteId}")
    public Uni<String> siteOverview(@RestPath UUID siteId, @Context UriInfo uri) {
        return overview(siteId, null, uri);
    }

    @POST
    @Path("/{siteId}/keys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createKey(@RestPath UUID siteId, @RestForm String label, @Context UriInfo uri) {
        return keys.createKey(siteId, label).flatMap(secret -> overview(siteId, secret, uri)).map(Html::ok);
    }

    @POST
    @Path("/{siteId}/keys/{keyId}/revoke")
    public Uni<Response> revokeKey(@RestPath UUID siteId, @RestPath UUID keyId) {
        return keys.revokeKey(siteId, keyId)
                .map(ignored -> Response.seeOther(URI.create("/dashboard/sites/" + siteId + "#keys")).build());
    }

    private Uni<String> list(String error) {
        Uni<List<SiteView>> visible = current.account().isOperator() ? sites.listSites()
                : accounts.grantedSites(current.account().id()).flatMap(granted -> sites.listSites()
                        .map(all -> all.stream().filter(site -> granted.contains(site.id())).toList()));
        return Uni.combine().all().unis(visible, scanResults.lastFinished()).asTuple()
                .map(found -> Templates.sites(new Page("Sites", current.account(), current.csrf(), null, "sites"),
                        found.getItem1().stream().map(site -> new SiteRow(site, found.getItem2().get(site.id())))
                                .toList(), error).render());
    }

    private Uni<String> overview(UUID siteId, String newKey, UriInfo uri) {
        return sitePages.site(siteId).flatMap(site -> {
            String platform = Html.platformUrl(uri);
            return Uni.combine().all().unis(sightings.sightings(siteId, site.domains()), keys.listKeys(siteId),
                            glances.glance(siteId, site.domains()))
                    .asTuple().map(found -> Templates.site(sitePages.page(site, "Overview", "overview"),
                            found.getItem3(), embedScript.snippetFor(platform, siteId), found.getItem1(),
                            found.getItem2(), newKey, platform).render());
        });
    }

    private static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(part -> !part.isBlank()).toList();
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
