package dev.akkoord.dashboard;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.akkoord.account.AccountService;
import dev.akkoord.scan.CookieTally;
import dev.akkoord.scan.ScanView;
import dev.akkoord.site.SiteHosts;
import dev.akkoord.site.SiteKeys;
import dev.akkoord.site.SiteRequest;
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
    private final SiteHosts hosts;
    private final ScanResults scanResults;

    /**
     * A row of the list of sites: the site, its last finished scan and what its last cookie list says (each null
     * before the first).
     */
    record SiteRow(SiteView site, ScanView lastScan, CookieTally tally) {
    }

    SitesResource(SiteService sites, SiteKeys keys, AccountService accounts, CurrentSession current,
            EmbedSnippet embedScript, BannerSightings sightings, SitePages sitePages, ErrorPages errors,
            SiteGlances glances, ScanResults scanResults, SiteHosts hosts) {
        this.hosts = hosts;
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
    public Uni<String> listSites(@RestQuery String deleted) {
        return list(null, deleted);
    }

    @POST
    @OperatorOnly
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createSite(@RestForm String name, @RestForm String domains, @RestForm String languages,
            @Context UriInfo uri) {
        SiteRequest request = new SiteRequest(name, split(domains), languages == null || languages.isBlank() ? null
                : split(languages), null, null, null, null, null, null, null);
        return sites.createSite(request)
                .flatMap(created -> overview(created.id(), created.apiKey(), uri, SettingsNotice.NONE).map(Html::ok))
                .onFailure(ProblemException.class).recoverWithUni(failure -> list(failure.getMessage(), null)
                        .map(html -> Html.status(((ProblemException) failure).status(), html)));
    }

    @GET
    @Path("/{siteId}")
    public Uni<String> siteOverview(@RestPath UUID siteId, @RestQuery String saved, @Context UriInfo uri) {
        return overview(siteId, null, uri, new SettingsNotice("settings".equals(saved), null));
    }

    @POST
    @Path("/{siteId}/keys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createKey(@RestPath UUID siteId, @RestForm String label, @Context UriInfo uri) {
        return keys.createKey(siteId, label).flatMap(secret -> overview(siteId, secret, uri, SettingsNotice.NONE))
                .map(Html::ok);
    }

    /** Deletes the site after asking; its consent records stay for their retention period, as the question says. */
    @POST
    @Path("/{siteId}/delete")
    @OperatorOnly
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> deleteSite(@RestPath UUID siteId, @RestForm String confirm) {
        return sitePages.site(siteId).flatMap(site -> {
            if (!Confirmation.given(confirm)) {
                return Uni.createFrom().item(new Confirmation("Delete " + site.name() + "?", "Its banner stops "
                        + "loading, its API keys stop working, no more consents are taken and no more scans run; "
                        + "this cannot be undone. Its consent records are kept as evidence for their retention "
                        + "period (" + site.consentRetentionDays() + " days), then purged as usual.",
                        "/dashboard/sites/" + siteId + "/delete", "Delete the site", "/dashboard/sites/" + siteId)
                        .page(sitePages.page(site, "Delete the site", "overview")));
            }
            return sites.deleteSite(siteId).map(deleted -> Response.seeOther(URI.create("/dashboard/sites?deleted="
                    + java.net.URLEncoder.encode(site.name(), java.nio.charset.StandardCharsets.UTF_8))).build());
        });
    }

    /** The site's name and domains; a refused change is shown in the form, with nothing saved. */
    @POST
    @Path("/{siteId}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> saveSettings(@RestPath UUID siteId, @RestForm String name, @RestForm String domains,
            @Context UriInfo uri) {
        SiteRequest request = new SiteRequest(name, split(domains), null, null, null, null, null, null, null, null);
        return sitePages.site(siteId).flatMap(site -> sites.updateSite(siteId, request))
                .map(saved -> Response.seeOther(URI.create("/dashboard/sites/" + siteId + "?saved=settings#settings"))
                        .build())
                .onFailure(ProblemException.class).recoverWithUni(failure -> {
                    ProblemException problem = (ProblemException) failure;
                    if (problem.status() != 400) {
                        return Uni.createFrom().failure(problem);
                    }
                    return overview(siteId, null, uri, new SettingsNotice(false, problem.getMessage()))
                            .map(html -> Html.status(400, html));
                });
    }

    @POST
    @Path("/{siteId}/keys/{keyId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revokeKey(@RestPath UUID siteId, @RestPath UUID keyId, @RestForm String confirm) {
        if (!Confirmation.given(confirm)) {
            return sitePages.site(siteId).map(site -> new Confirmation("Revoke this API key?", "Every program that "
                    + "uses it is refused from now on; this cannot be undone (make a new key for them).",
                    "/dashboard/sites/" + siteId + "/keys/" + keyId + "/revoke", "Revoke the key",
                    "/dashboard/sites/" + siteId + "#keys").page(sitePages.page(site, "Revoke a key", "overview")));
        }
        return keys.revokeKey(siteId, keyId)
                .map(ignored -> Response.seeOther(URI.create("/dashboard/sites/" + siteId + "#keys")).build());
    }

    private Uni<String> list(String error, String deleted) {
        Uni<List<SiteView>> visible = current.account().isOperator() ? sites.listSites()
                : accounts.grantedSites(current.account().id()).flatMap(granted -> sites.listSites()
                        .map(all -> all.stream().filter(site -> granted.contains(site.id())).toList()));
        return visible.flatMap(shown -> {
            List<UUID> ids = shown.stream().map(SiteView::id).toList();
            return Uni.combine().all().unis(scanResults.lastFinished(ids), scanResults.tallies(ids)).asTuple()
                    .map(found -> Templates.sites(new Page("Sites", current.account(), current.csrf(), null, "sites"),
                            shown.stream().map(site -> new SiteRow(site, found.getItem1().get(site.id()),
                                    found.getItem2().get(site.id()))).toList(), error, deleted).render());
        });
    }

    private Uni<String> overview(UUID siteId, String newKey, UriInfo uri, SettingsNotice notice) {
        return sitePages.site(siteId).flatMap(site -> {
            String platform = Html.platformUrl(uri);
            // The keys and the other sites' names come through the one Hibernate session: one after the other.
            // The sightings show twice (their list and a tile): one read of Redis for both.
            Uni<List<BannerSightings.Sighting>> seen = sightings.sightings(siteId, site.domains()).memoize()
                    .indefinitely();
            return Uni.combine().all().unis(seen, keys.listKeys(siteId), glances.glance(siteId, seen))
                    .asTuple().flatMap(found -> sharedDomains(site).map(shared -> Templates.site(
                            sitePages.page(site, "Overview", "overview"), found.getItem3(),
                            embedScript.snippetFor(platform, siteId), found.getItem1(), found.getItem2(), newKey,
                            platform, shared, notice).render()));
        });
    }

    /** Whether the settings were just saved, or why they were refused. */
    record SettingsNotice(boolean saved, String error) {
        static final SettingsNotice NONE = new SettingsNotice(false, null);
    }

    /** A domain of the site that other sites list too: named for operators, counted for owners (not theirs to see). */
    record SharedDomain(String domain, List<String> otherSites) {
    }

    private Uni<List<SharedDomain>> sharedDomains(SiteView site) {
        Map<String, Set<UUID>> shared = hosts.claimedElsewhere(site.id(), site.domains());
        if (shared.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (!current.account().isOperator()) {
            return Uni.createFrom().item(shared.entrySet().stream().map(entry -> new SharedDomain(entry.getKey(),
                    List.of(entry.getValue().size() == 1 ? "another site" : entry.getValue().size() + " other sites")))
                    .toList());
        }
        return sites.listSites().map(all -> shared.entrySet().stream().map(entry -> new SharedDomain(entry.getKey(),
                all.stream().filter(other -> entry.getValue().contains(other.id())).map(SiteView::name).sorted()
                        .toList())).toList());
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
