package dev.akkoord.scan;

import dev.akkoord.scan.CookieOverrideResource.OverrideRequest;
import dev.akkoord.web.ApiDocument;
import dev.akkoord.web.ApiExamples;
import dev.akkoord.web.Caller;
import dev.akkoord.web.Found;
import dev.akkoord.web.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
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

/**
 * Script hosts the site owner declares, for trackers a scan cannot see (behind a login, loaded late) or hosts it
 * got wrong. The banner holds scripts from a tracker host until its category is granted.
 */
@Path("/api/v1/sites/{siteId}/tracker-hosts")
@Tag(name = "Scans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiDocument.BEARER)
public final class TrackerHostResource {

    private final ScanService scans;

    TrackerHostResource(ScanService scans) {
        this.scans = scans;
    }

    @GET
    @Operation(summary = "The site's declared script hosts, host to category (operator or the site's key)")
    @APIResponse(responseCode = "200", description = "Host to category",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.HOSTS))
    @APIResponse(responseCode = "404", description = "No site with this id")
    @PermissionsAllowed(Caller.SITE)
    public Uni<Map<String, Map<String, String>>> listHosts(
            @RestPath UUID siteId) {
        return scans.listHostOverrides(siteId)
                .map(hosts -> Map.of("hosts", hosts));
    }

    @PUT
    @Path("/{host}")
    @Operation(summary = "Declare a script host (or *.domain for it and every host below) a tracker of a category: "
            + "analytical or marketing; functional says it is no tracker. It wins over the scanner's hosts; "
            + "a changed list makes a new banner version.")
    @Parameter(name = "host", in = ParameterIn.PATH, example = "*.doubleclick.net")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OverrideRequest.class), example = ApiExamples.HOST_REQUEST))
    @APIResponse(responseCode = "200", description = "The host as declared now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.HOST))
    @APIResponse(responseCode = "400", description = "No body, an invalid host, or a category other than "
            + "functional, analytical or marketing")
    @APIResponse(responseCode = "404", description = "No site with this id")
    @PermissionsAllowed(Caller.SITE)
    public Uni<Map<String, String>> putHost(@RestPath UUID siteId, @RestPath String host, OverrideRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body such as {\"category\": \"marketing\"} is required");
        }
        return scans.putHostOverride(siteId, host, request.category());
    }

    @DELETE
    @Path("/{host}")
    @Operation(summary = "Remove a declared script host; the scanner's hosts apply again")
    @Parameter(name = "host", in = ParameterIn.PATH, example = "*.doubleclick.net")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The site has not declared this host")
    @PermissionsAllowed(Caller.SITE)
    public Uni<Response> deleteHost(@RestPath UUID siteId, @RestPath String host) {
        return scans.deleteHostOverride(siteId, host)
                .map(Found.noContentOrNotFound(() -> "Site " + siteId + " has not declared host '" + host + "'"));
    }
}
