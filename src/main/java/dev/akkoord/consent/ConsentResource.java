package dev.akkoord.consent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.akkoord.web.ApiExamples;
import dev.akkoord.web.Outages;
import dev.akkoord.web.Problem;
import dev.akkoord.web.ProblemException;
import dev.akkoord.web.UrlOrigins;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Where banners post decisions, and where visitors read their own history back. */
@Path("/api/v1/consents")
@Tag(name = "Consents")
public final class ConsentResource {

    private final ConsentService consents;
    private final ConsentQueries queries;
    private final ObjectMapper json;

    ConsentResource(ConsentService consents, ConsentQueries queries, ObjectMapper json) {
        this.consents = consents;
        this.queries = queries;
        this.json = json;
    }

    /**
     * Answer of a stored decision; {@code receipt} is the record's chain hash, {@code signed} the signed receipt for
     * the visitor to keep ({@link SignedReceipt}).
     */
    public record Receipt(String consentId, long recordId, Instant recordedAt, String receipt, SignedReceipt signed) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a visitor's decision (public; the Origin must be one of the site's domains). "
            + "Answers 201 only once the record is durably committed.")
    @APIResponse(responseCode = "201", description = "Stored and committed; 'receipt' is the record's chain hash",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class),
                    example = ApiExamples.RECEIPT))
    @APIResponse(responseCode = "400", description = "A missing or invalid field, or a banner version the site never "
            + "showed")
    @APIResponse(responseCode = "403", description = "The Origin is not one of the site's domains")
    @APIResponse(responseCode = "404", description = "No site with this id")
    @APIResponse(responseCode = "429", description = "Too many decisions from this address for this site in a minute; "
            + "retry after Retry-After seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "503", description = "Nothing was stored (database down or the batch refused); "
            + "send the decision again after Retry-After seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    // The text/plain form (sendBeacon) is a method of its own below, hidden; its body is the same JSON.
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentRequest.class),
                example = ApiExamples.CONSENT_REQUEST),
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = ConsentRequest.class),
                example = ApiExamples.CONSENT_REQUEST)})
    public Uni<Response> recordConsent(ConsentRequest request, @RestHeader("Origin") String origin,
            @RestHeader("User-Agent") String userAgent, HttpServerRequest http) {
        return record(request, origin, userAgent, http);
    }

    /** sendBeacon and CORS-simple requests arrive as text/plain; the body is the same JSON. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<Response> recordConsentFromText(String body, @RestHeader("Origin") String origin,
            @RestHeader("User-Agent") String userAgent, HttpServerRequest http) throws Exception {
        return record(json.readValue(body, ConsentRequest.class), origin, userAgent, http);
    }

    @GET
    @Path("/{consentId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A visitor's own consent history, for access and portability (public; the id is the key)")
    @APIResponse(responseCode = "200", description = "Every record of this consent id, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.HISTORY))
    @APIResponse(responseCode = "400", description = "A consent id is 32 lowercase hex characters")
    @APIResponse(responseCode = "404", description = "No consent records for this id")
    public Uni<Map<String, Object>> consentHistory(@RestPath String consentId) {
        if (!ConsentService.isConsentId(consentId)) {
            throw ProblemException.badRequest("A consent id is 32 lowercase hex characters");
        }
        return queries.history(consentId).map(records -> {
            if (records.isEmpty()) {
                throw ProblemException.notFound("No consent records for this id");
            }
            return Map.of("consentId", consentId, "records", records.stream().map(ConsentResource::visitorView).toList());
        });
    }

    /**
     * What a site's other domains need to follow a visitor's decision: the newest record of this consent id on this
     * site, reduced to the decision and the origin it was made on. Nothing of another site answers, not even whether
     * the id exists there.
     */
    @GET
    @Path("/{consentId}/latest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A visitor's latest decision on one site, for the site's other domains (public; the id is "
            + "the key)")
    @APIResponse(responseCode = "200", description = "The newest record of this consent id on the site",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.LATEST_DECISION))
    @APIResponse(responseCode = "400", description = "A consent id is 32 lowercase hex characters; 'site' is a site id")
    @APIResponse(responseCode = "404", description = "No record of this consent id on this site")
    public Uni<Map<String, Object>> latestDecision(@RestPath String consentId, @RestQuery String site) {
        if (!ConsentService.isConsentId(consentId)) {
            throw ProblemException.badRequest("A consent id is 32 lowercase hex characters");
        }
        UUID siteId;
        try {
            siteId = UUID.fromString(site == null ? "" : site);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'site' must be the site's id");
        }
        return queries.latest(consentId, siteId).map(record -> {
            if (record == null) {
                throw ProblemException.notFound("No consent records for this id on this site");
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("consentId", consentId);
            view.put("siteId", record.siteId());
            view.put("recordedAt", record.recordedAt());
            view.put("action", record.action());
            view.put("categories", Map.of("functional", true, "analytical", record.analytical(), "marketing",
                    record.marketing()));
            view.put("bannerVersion", record.bannerVersion());
            view.put("origin", UrlOrigins.of(record.pageUrl()));
            return view;
        });
    }

    /** {@code https://shop.example/cart} → {@code https://shop.example}: the domain a record was made on. */
    static String origin(String pageUrl) {
        if (pageUrl == null) {
            return null;
        }
        int path = pageUrl.indexOf('/', pageUrl.indexOf("://") + 3);
        return path < 0 ? pageUrl : pageUrl.substring(0, path);
    }

    /**
     * Nothing of the batch was stored, so the banner can simply send the decision again: at once after a refused
     * batch, after a few seconds when the database is down.
     */
    @ServerExceptionMapper
    public Response ledgerUnavailable(ConsentLedger.LedgerUnavailableException e) {
        int retryAfter = Outages.isUnavailable(e) ? Outages.RETRY_AFTER_SECONDS : 1;
        return Problem.response(503, "Service Unavailable", e.getMessage(), Map.of("retryAfter", retryAfter));
    }

    private Uni<Response> record(ConsentRequest request, String origin, String userAgent, HttpServerRequest http) {
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return consents.recordConsent(request, new ConsentService.Client(origin, address, userAgent))
                .map(stored -> Response.status(201).entity(new Receipt(stored.record().consentId(),
                        stored.record().recordId(), stored.record().recordedAt(), stored.record().hash(),
                        stored.receipt())).build());
    }

    private static Map<String, Object> visitorView(ConsentRecord r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("recordId", r.recordId());
        view.put("siteId", r.siteId());
        view.put("recordedAt", r.recordedAt());
        view.put("action", r.action());
        view.put("categories", Map.of("functional", true, "analytical", r.analytical(), "marketing", r.marketing()));
        view.put("bannerVersion", r.bannerVersion());
        view.put("language", r.language());
        view.put("pageUrl", r.pageUrl());
        view.put("gpc", r.gpc());
        view.put("ipTruncated", r.ipTruncated());
        view.put("userAgent", r.userAgent());
        view.put("receipt", r.hash());
        return view;
    }
}
