package dev.akkoord.site;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import dev.akkoord.web.ApiDocument;
import dev.akkoord.web.ApiExamples;
import dev.akkoord.web.Caller;
import dev.akkoord.web.Found;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** The banner versions a site has shown, so the owner can prove what a consent record was given on. */
@Path("/api/v1/sites/{siteId}/banner-versions")
@Tag(name = "Sites")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiDocument.BEARER)
public final class BannerVersionResource {

    private final SiteService sites;

    BannerVersionResource(SiteService sites) {
        this.sites = sites;
    }

    @GET
    @Operation(summary = "All banner versions of a site, newest first (operator or site key)")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.BANNER_VERSIONS))
    @PermissionsAllowed(Caller.SITE)
    public Uni<List<BannerVersionSummary>> listBannerVersions(
            @RestPath UUID siteId) {
        return sites.listBannerVersions(siteId);
    }

    @GET
    @Path("/{version}")
    @Operation(summary = "Exactly what visitors were shown in one version: texts in every language, categories, cookies")
    @APIResponse(responseCode = "200", description = "The version's content (texts shortened in the example)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.BANNER_VERSION))
    @APIResponse(responseCode = "404", description = "The site has no such banner version")
    @PermissionsAllowed(Caller.SITE)
    public Uni<BannerContent> bannerVersion(@RestPath UUID siteId, @RestPath String version) {
        return sites.bannerContent(siteId, version)
                .map(Found.orNotFound(() -> "Site " + siteId + " has no banner version '" + version + "'"));
    }
}
