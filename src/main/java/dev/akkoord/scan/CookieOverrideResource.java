package dev.akkoord.scan;

import dev.akkoord.web.CallerResolver;
import dev.akkoord.web.Found;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The site owner's own categories for cookie names; they win over everything the scanner decides. */
@Path("/api/v1/sites/{siteId}/cookies")
@Tag(name = "Scans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CookieOverrideResource {

    /** The body of a PUT. */
    public record OverrideRequest(String category) {
    }

    private final ScanService scans;
    private final CallerResolver callers;

    CookieOverrideResource(ScanService scans, CallerResolver callers) {
        this.scans = scans;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "The site's cookie overrides, name to category (operator or the site's key)")
    public Uni<Map<String, Map<String, String>>> listOverrides(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @RestPath UUID siteId) {
        return callers.requireSite(authorization, siteId)
                .flatMap(caller -> scans.listOverrides(siteId))
                .map(overrides -> Map.of("overrides", overrides));
    }

    @PUT
    @Path("/{name}")
    @Operation(summary = "Set the category of a cookie name for this site: functional, analytical or marketing. "
            + "It wins over every other classification; a changed list makes a new banner version.")
    public Uni<Map<String, String>> putOverride(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestPath UUID siteId, @RestPath String name, OverrideRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body such as {\"category\": \"analytical\"} is required");
        }
        return callers.requireSite(authorization, siteId)
                .flatMap(caller -> scans.putOverride(siteId, name, request.category()));
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Remove the override of a cookie name; the scanner's classification applies again")
    public Uni<Response> deleteOverride(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestPath UUID siteId, @RestPath String name) {
        return callers.requireSite(authorization, siteId)
                .flatMap(caller -> scans.deleteOverride(siteId, name))
                .map(Found.noContentOrNotFound(() -> "Site " + siteId + " has no override for cookie '" + name + "'"));
    }
}
