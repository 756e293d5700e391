package dev.akkoord.consent;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

import dev.akkoord.site.SiteService;
import dev.akkoord.site.SiteView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The visitor's own page (public): enter or arrive with a consent id and see what was recorded, when and on which
 * banner version; download it as JSON (the {@code GET /api/v1/consents/{id}} answer); find where to withdraw.
 */
@Path("/privacy/consent")
@Produces(MediaType.TEXT_HTML)
public final class VisitorRightsPage {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final ConsentQueries queries;
    private final SiteService sites;

    VisitorRightsPage(ConsentQueries queries, SiteService sites) {
        this.queries = queries;
        this.sites = sites;
    }

    @CheckedTemplate(basePath = "privacy")
    static final class Pages {
        private Pages() {
        }

        static native TemplateInstance consent(String id, String error, List<SiteHistory> histories);
    }

    /** The records of one consent id on one site, newest first, and where that site lets the visitor withdraw. */
    record SiteHistory(String siteName, String withdrawUrl, List<ConsentRecord> records) {
    }

    /** A page for people, not programs: the API document leaves it out, as it does the dashboard. */
    @GET
    @Operation(hidden = true)
    public Uni<Response> consentHistory(@RestQuery String id) {
        if (id == null || id.isBlank()) {
            return Uni.createFrom().item(page(200, "", null, List.of()));
        }
        String consentId = id.trim().toLowerCase(Locale.ROOT);
        if (!ConsentService.isConsentId(consentId)) {
            return Uni.createFrom().item(page(400, id, "A consent id is 32 characters, digits and the letters a to f. "
                    + "You find yours in the cookie declaration on the website.", List.of()));
        }
        return queries.history(consentId).flatMap(records -> {
            if (records.isEmpty()) {
                return Uni.createFrom().item(page(404, consentId, "Nothing is recorded under this consent id. "
                        + "Records are removed when their retention period ends.", List.of()));
            }
            Map<UUID, List<ConsentRecord>> bySite = new LinkedHashMap<>();
            for (int i = records.size() - 1; i >= 0; i--) {
                ConsentRecord record = records.get(i);
                bySite.computeIfAbsent(record.siteId(), key -> new ArrayList<>()).add(record);
            }
            return Multi.createFrom().iterable(bySite.entrySet())
                    .onItem().transformToUniAndConcatenate(entry -> sites.findSite(entry.getKey())
                            .map(site -> history(site, entry.getValue())))
                    .collect().asList()
                    .map(histories -> page(200, consentId, null, histories));
        });
    }

    private static SiteHistory history(SiteView site, List<ConsentRecord> records) {
        String withdraw = site == null ? null : site.privacyPolicyUrl();
        if (withdraw == null && records.get(0).pageUrl() != null) {
            URI page = URI.create(records.get(0).pageUrl());
            withdraw = page.getScheme() + "://" + page.getRawAuthority() + "/";
        }
        return new SiteHistory(site == null ? "A website" : site.name(), withdraw, records);
    }

    private static Response page(int status, String id, String error, List<SiteHistory> histories) {
        return Response.status(status).type(HTML).entity(Pages.consent(id, error, histories).render()).build();
    }
}
