package dev.akkoord.scan;

import dev.akkoord.web.ApiDocument;
import dev.akkoord.web.ApiExamples;
import dev.akkoord.web.Caller;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/sites/{siteId}/scans")
@Tag(name = "Scans")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiDocument.BEARER)
public final class ScanResource {

    private static final String SCAN_ANSWER = "The scan; 'results' once it has finished (done, partial or failed), "
            + "'diff' when it is done or partial; 'failure' and 'failureKind' say why a scan failed or is partial";

    private final ScanService scans;

    ScanResource(ScanService scans) {
        this.scans = scans;
    }

    @POST
    @Operation(summary = "Scan the site now (operator or the site's key). 202 with the scan's id and status; "
            + "a scan already queued or running is returned instead of a second one.")
    @APIResponse(responseCode = "202", description = "Queued, or the scan already queued or running; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.SCAN_ACCEPTED))
    @APIResponse(responseCode = "404", description = "No site with this id")
    @PermissionsAllowed(Caller.SITE)
    public Uni<Response> requestScan(@RestPath UUID siteId) {
        return scans.requestScan(siteId)
                .map(scan -> Response.accepted(Map.of("id", scan.id(), "status", scan.status()))
                        .location(URI.create("/api/v1/sites/" + siteId + "/scans/" + scan.id())).build());
    }

    @GET
    @Operation(summary = "The site's scans, newest first: status and progress (operator or the site's key)")
    @APIResponse(responseCode = "200", description = "The scans, without their results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.SCANS))
    @APIResponse(responseCode = "404", description = "No site with this id")
    @PermissionsAllowed(Caller.SITE)
    public Uni<List<ScanView>> listScans(@RestPath UUID siteId) {
        return scans.listScans(siteId);
    }

    @GET
    @Path("/latest")
    @Operation(summary = "The site's newest scan: status, progress, and once done its results and the diff with the "
            + "previous scan")
    @APIResponse(responseCode = "200", description = SCAN_ANSWER,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScanView.class),
                    example = ApiExamples.SCAN))
    @APIResponse(responseCode = "404", description = "The site has not been scanned yet")
    @PermissionsAllowed(Caller.SITE)
    public Uni<ScanView> latestScan(@RestPath UUID siteId) {
        return scans.latestScan(siteId);
    }

    @GET
    @Path("/{scanId}")
    @Operation(summary = "One scan: status, progress, and once done its results and the diff with the previous scan")
    @APIResponse(responseCode = "200", description = SCAN_ANSWER,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScanView.class),
                    example = ApiExamples.SCAN))
    @APIResponse(responseCode = "404", description = "The site has no scan with this id")
    @PermissionsAllowed(Caller.SITE)
    public Uni<ScanView> scan(@RestPath UUID siteId, @RestPath UUID scanId) {
        return scans.scan(siteId, scanId);
    }
}
