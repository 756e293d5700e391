package dev.akkoord.scan;

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
import java.util.LinkedHashMap;
import java.util.List;
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
 * The site owner's word on cookie names: a category, and their own purpose, vendor and retention for the banner and
 * the declaration. Each wins over what the scanner found.
 */
@Path("/api/v1/sites/{siteId}/cookies")
@Tag(name = "Scans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiDocument.BEARER)
public final class CookieOverrideResource {

    /**
     * The body of a PUT: at least one field. A missing or null field leaves what is stored; an empty purpose, vendor
     * or retention removes the owner's words, so the scanner's show again.
     *
     * @param category  functional, analytical or marketing
     * @param purpose   what the cookie does, for visitors: one line, at most 500 characters
     * @param vendor    who sets it or receives its data, at most 120 characters
     * @param retention how long it stays ("14 days"), at most 60 characters
     */
    public record OverrideRequest(String category, String purpose, String vendor, String retention) {
    }

    /**
     * The answer to a GET.
     *
     * @param overrides name to category, for the names the owner gave a category
     * @param cookies   every override with all its fields, null where the scanner's word stands
     */
    public record OverrideList(Map<String, String> overrides, List<CookieOverride> cookies) {
    }

    private final ScanService scans;

    CookieOverrideResource(ScanService scans) {
        this.scans = scans;
    }

    @GET
    @Operation(summary = "The site's cookie overrides (operator or the site's key): name to category, and every "
            + "override with its category, purpose, vendor and retention")
    @APIResponse(responseCode = "200", description = "The overrides", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OverrideList.class),
            example = ApiExamples.COOKIE_OVERRIDES))
    @APIResponse(responseCode = "404", description = "No site with this id")
    @PermissionsAllowed(Caller.SITE)
    public Uni<OverrideList> listOverrides(@RestPath UUID siteId) {
        return scans.listOverrides(siteId)
                .map(CookieOverrideResource::list);
    }

    private static OverrideList list(List<CookieOverride> overrides) {
        Map<String, String> categories = new LinkedHashMap<>();
        overrides.stream().filter(o -> o.category() != null)
                .forEach(o -> categories.put(o.name(), o.category().label()));
        return new OverrideList(categories, overrides);
    }

    @PUT
    @Path("/{name}")
    @Operation(summary = "Set the category (functional, analytical or marketing), purpose, vendor or retention of a "
            + "cookie name for this site. Each wins over what the scanner found; fields left out stay as they are, an "
            + "empty text removes the owner's. A change the banner shows makes a new banner version. Answers the "
            + "override as it is now.")
    @Parameter(name = "name", in = ParameterIn.PATH, example = "_ga")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OverrideRequest.class), example = ApiExamples.COOKIE_OVERRIDE_REQUEST))
    @APIResponse(responseCode = "200", description = "The override as it is now", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CookieOverride.class),
            example = ApiExamples.COOKIE_OVERRIDE))
    @APIResponse(responseCode = "400", description = "No field given, an unknown category, or a text that is too "
            + "long or not one line")
    @APIResponse(responseCode = "404", description = "No site with this id")
    @PermissionsAllowed(Caller.SITE)
    public Uni<CookieOverride> putOverride(@RestPath UUID siteId, @RestPath String name, OverrideRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body such as {\"category\": \"analytical\"} or "
                    + "{\"purpose\": \"Remembers your shopping cart\"} is required");
        }
        return scans.putOverride(siteId, name, OverrideEdit.of(request.category(), request.purpose(),
                request.vendor(), request.retention()));
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Remove the override of a cookie name, category and texts; the scanner's classification "
            + "and words apply again")
    @Parameter(name = "name", in = ParameterIn.PATH, example = "_ga")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The site has no override for this cookie name")
    @PermissionsAllowed(Caller.SITE)
    public Uni<Response> deleteOverride(@RestPath UUID siteId, @RestPath String name) {
        return scans.deleteOverride(siteId, name)
                .map(Found.noContentOrNotFound(() -> "Site " + siteId + " has no override for cookie '" + name + "'"));
    }
}
