package dev.akkoord.consent;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.ResponseHeader;

import dev.akkoord.site.SiteService;
import dev.akkoord.web.ApiDocument;
import dev.akkoord.web.ApiExamples;
import dev.akkoord.web.Caller;
import dev.akkoord.web.Found;
import dev.akkoord.web.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** A site's consent log for its owner: paged JSON, a streamed CSV export, and chain verification. */
@Path("/api/v1/sites/{siteId}/consents")
@Tag(name = "Consent log")
@SecurityRequirement(name = ApiDocument.BEARER)
public final class ConsentLogResource {

    private static final int PAGE_SIZE = 500;
    private static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");

    private final ConsentQueries queries;
    private final ChainVerifier verifier;
    private final SiteService sites;

    ConsentLogResource(ConsentQueries queries, ChainVerifier verifier, SiteService sites) {
        this.queries = queries;
        this.verifier = verifier;
        this.sites = sites;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The consent log (site key or operator): one page of JSON, follow 'nextCursor'; or, with "
            + "'Accept: text/csv', the whole range as CSV, streamed ('cursor' is then not used)")
    // One operation in the document for both forms: the CSV method below is hidden so its summary does not win.
    @APIResponse(responseCode = "200", description = "JSON by default; CSV for 'Accept: text/csv' (as an attachment, "
            + "consents.csv)", content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.CONSENT_PAGE),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                        example = ApiExamples.CONSENT_CSV)})
    @APIResponse(responseCode = "400", description = "'from' or 'to' is not a date or an instant, or 'cursor' is not "
            + "the nextCursor of an earlier page")
    @PermissionsAllowed(Caller.SITE)
    public Uni<Map<String, Object>> consentPage(@RestPath UUID siteId, @RestQuery String from, @RestQuery String to,
            @RestQuery String cursor) {
        Instant start = instant("from", from, BEGINNING);
        Instant end = instant("to", to, Instant.now().plusSeconds(1));
        long after = cursor(cursor);
        return queries.page(siteId, start, end, after, PAGE_SIZE)
                .map(records -> {
                    Map<String, Object> page = new LinkedHashMap<>();
                    page.put("records", records);
                    page.put("nextCursor", records.size() == PAGE_SIZE
                            ? Long.toString(records.get(records.size() - 1).recordId()) : null);
                    return page;
                });
    }

    @GET
    @Produces("text/csv;qs=0.5")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"consents.csv\"")
    @Operation(hidden = true)
    @PermissionsAllowed(Caller.SITE)
    public Multi<String> consentCsv(@RestPath UUID siteId, @RestQuery String from, @RestQuery String to) {
        Instant start = instant("from", from, BEGINNING);
        Instant end = instant("to", to, Instant.now().plusSeconds(1));
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(ConsentCsv.HEADER),
                queries.stream(siteId, start, end).map(ConsentCsv::line));
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recompute the hash chain over a range and report any altered or missing record")
    @APIResponse(responseCode = "200", description = "The report; 'intact' is false with the problems found",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChainVerifier.Report.class), example = ApiExamples.CHAIN_REPORT))
    @APIResponse(responseCode = "400", description = "'from' or 'to' is not a date or an instant")
    @APIResponse(responseCode = "404", description = "No site with this id")
    @PermissionsAllowed(Caller.SITE)
    public Uni<ChainVerifier.Report> verifyChain(@RestPath UUID siteId, @RestQuery String from, @RestQuery String to) {
        Instant start = instant("from", from, BEGINNING);
        Instant end = instant("to", to, Instant.now().plusSeconds(1));
        return sites.findSite(siteId)
                .map(Found.orNotFound(() -> "No site with id " + siteId))
                .flatMap(site -> verifier.verify(siteId, start, end, to == null));
    }

    static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return value.length() == 10 ? Instant.parse(value + "T00:00:00Z") : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'" + name + "' must be a date (2026-11-23) or an instant "
                    + "(2026-11-23T10:00:00Z)");
        }
    }

    private static long cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("'cursor' must be the nextCursor of an earlier page");
        }
    }

}
