package dev.akkoord.site;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import dev.akkoord.web.ApiDocument;
import dev.akkoord.web.ApiExamples;
import dev.akkoord.web.Caller;
import dev.akkoord.web.Found;
import dev.akkoord.web.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/sites")
@Tag(name = "Sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiDocument.BEARER)
public final class SiteResource {

    private final SiteService sites;

    SiteResource(SiteService sites) {
        this.sites = sites;
    }

    @POST
    @Operation(summary = "Register a site (operator). The answer carries the site's API key, shown only once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SiteRequest.class), example = ApiExamples.SITE_REQUEST))
    @APIResponse(responseCode = "201", description = "Registered; Location names the site, 'apiKey' is its key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SiteView.class), example = ApiExamples.SITE_CREATED))
    @RolesAllowed(Caller.OPERATOR)
    public Uni<Response> createSite(SiteRequest request) {
        return sites.createSite(requireBody(request))
                .map(site -> Response.created(URI.create("/api/v1/sites/" + site.id())).entity(site).build());
    }

    @GET
    @Operation(summary = "List all sites (operator)")
    @APIResponse(responseCode = "200", description = "Every site, without keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.SITES))
    @RolesAllowed(Caller.OPERATOR)
    public Uni<List<SiteView>> listSites() {
        return sites.listSites();
    }

    @GET
    @Path("/{siteId}")
    @Operation(summary = "Get a site (operator or the site's key)")
    @APIResponse(responseCode = "200", description = "The site", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteView.class),
            example = ApiExamples.SITE))
    @APIResponse(responseCode = "404", description = "No site with this id")
    @PermissionsAllowed(Caller.SITE)
    public Uni<SiteView> getSite(@RestPath UUID siteId) {
        return sites.findSite(siteId)
                .map(Found.orNotFound(() -> "No site with id " + siteId));
    }

    @DELETE
    @Path("/{siteId}")
    @Operation(summary = "Delete a site (operator): its banner, keys, consents and scans stop at once. Its consent "
            + "records are kept and purged by the site's retention period, like any others.")
    @Parameter(name = "siteId", in = ParameterIn.PATH, example = "d47f5b51-a9cc-4cfe-bde4-fb483e216698")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No site with this id")
    @RolesAllowed(Caller.OPERATOR)
    public Uni<Response> deleteSite(@RestPath UUID siteId) {
        return sites.deleteSite(siteId)
                .map(deleted -> Response.noContent().build());
    }

    @PUT
    @Path("/{siteId}")
    @Operation(summary = "Change a site; fields left out keep their value. Visible changes make a new banner version.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SiteRequest.class), example = ApiExamples.SITE_UPDATE))
    @APIResponse(responseCode = "200", description = "The site as it is now; 'warnings' lists button or link colours "
            + "below WCAG's 4.5:1 contrast, saved all the same", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteView.class),
            example = ApiExamples.SITE))
    @APIResponse(responseCode = "400", description = "Not saved: invalid settings, e.g. banner text below 4.5:1 "
            + "contrast on its background (the detail gives the ratio)")
    @APIResponse(responseCode = "404", description = "No site with this id")
    @PermissionsAllowed(Caller.SITE)
    public Uni<SiteView> updateSite(@RestPath UUID siteId, SiteRequest request) {
        return sites.updateSite(siteId, requireBody(request));
    }

    @POST
    @Path("/{siteId}/api-key")
    @Consumes(MediaType.WILDCARD) // no body is read: a bare POST (curl -X POST, Swagger UI) has no Content-Type
    @Operation(summary = "Rotate the site's API key: every earlier key stops working; the new one is shown once.")
    @APIResponse(responseCode = "200", description = "The new key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.API_KEY))
    @APIResponse(responseCode = "404", description = "No site with this id")
    @PermissionsAllowed(Caller.SITE)
    public Uni<Map<String, String>> rotateApiKey(@RestPath UUID siteId) {
        return sites.rotateApiKey(siteId)
                .map(key -> Map.of("apiKey", key));
    }

    private static SiteRequest requireBody(SiteRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body is required");
        }
        return request;
    }
}
