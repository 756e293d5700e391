package dev.akkoord.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.akkoord.web.ApiDocument;
import dev.akkoord.web.ApiExamples;
import dev.akkoord.web.Caller;
import dev.akkoord.web.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** Consent statistics for machines (site key or operator); the dashboard shows the same figures as charts. */
@Path("/api/v1/sites/{siteId}/analytics")
@Tag(name = "Analytics")
@SecurityRequirement(name = ApiDocument.BEARER)
public final class AnalyticsResource {

    private final ConsentAnalytics analytics;

    AnalyticsResource(ConsentAnalytics analytics) {
        this.analytics = analytics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Consent records per action and opt-in rates per category, by day or ISO week, over "
            + "[from, to] (UTC dates, default the last 30 days)")
    @APIResponse(responseCode = "200", description = "Buckets of the range and its total", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentStats.class),
            example = ApiExamples.STATS))
    @APIResponse(responseCode = "400", description = "'from' or 'to' is not a date, 'from' is after 'to', the range "
            + "is too long, or 'by' is neither 'day' nor 'week'")
    @PermissionsAllowed(Caller.SITE)
    public Uni<ConsentStats> consentStats(@RestPath UUID siteId, @RestQuery String from, @RestQuery String to,
            @RestQuery String by) {
        LocalDate end = date("to", to, LocalDate.now(ZoneOffset.UTC));
        LocalDate start = date("from", from, end.minusDays(29));
        Granularity granularity = Granularity.fromKey(by);
        return analytics.stats(siteId, start, end, granularity);
    }

    public static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'" + name + "' must be a date such as 2026-11-23");
        }
    }
}
