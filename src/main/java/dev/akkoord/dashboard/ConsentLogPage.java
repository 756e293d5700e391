package dev.akkoord.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.akkoord.analytics.AnalyticsResource;
import dev.akkoord.consent.ConsentAction;
import dev.akkoord.consent.ConsentCsv;
import dev.akkoord.consent.ConsentLogSearch;
import dev.akkoord.consent.ConsentQueries;
import dev.akkoord.consent.ConsentService;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The consent log: search by consent id, filter by date range and action, and CSV export of a range. */
@Path("/dashboard/sites/{siteId}")
@SignedIn
public final class ConsentLogPage {

    private static final Pattern CURSOR = Pattern.compile("[0-9T:.Z-]{20,40}_[0-9]{1,19}");

    private final ConsentLogSearch search;
    private final ConsentQueries queries;
    private final SitePages pages;
    private final ErrorPages errors;

    ConsentLogPage(ConsentLogSearch search, ConsentQueries queries, SitePages pages, ErrorPages errors) {
        this.search = search;
        this.queries = queries;
        this.pages = pages;
        this.errors = errors;
    }

    /** The filters of the page and the export, parsed once. Dates are UTC days, both ends included. */
    record Filter(LocalDate from, LocalDate to, String action, String consentId) {

        public Instant start() {
            return from.atStartOfDay().toInstant(ZoneOffset.UTC);
        }

        public Instant end() {
            return to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }

        public String query() {
            return "from=" + from + "&to=" + to + (action == null ? "" : "&action=" + action);
        }
    }

    @GET
    @Path("/consents")
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> consentLog(@RestPath UUID siteId, @RestQuery String from, @RestQuery String to,
            @RestQuery String action, @RestQuery String consentId, @RestQuery String after) {
        Filter filter = filter(from, to, action, consentId);
        if (after != null && !CURSOR.matcher(after).matches()) {
            throw ProblemException.badRequest("The page cursor is not valid");
        }
        List<String> actions = java.util.Arrays.stream(ConsentAction.values()).map(ConsentAction::key).toList();
        return pages.site(siteId).flatMap(site -> {
            Uni<ConsentLogSearch.Page> found = filter.consentId() != null
                    ? search.byConsentId(siteId, filter.consentId()).map(list -> new ConsentLogSearch.Page(list, null))
                    : search.page(siteId, filter.start(), filter.end(), filter.action(), after);
            return found.map(page -> Templates.consents(pages.page(site, "Consent log", "consents"), filter,
                    page, actions).render());
        });
    }

    @GET
    @Path("/consents.csv")
    @Produces("text/csv")
    public RestMulti<String> exportCsv(@RestPath UUID siteId, @RestQuery String from, @RestQuery String to,
            @RestQuery String action) {
        Filter filter = filter(from, to, action, null);
        Multi<String> lines = queries.stream(siteId, filter.start(), filter.end())
                .select().where(record -> filter.action() == null || filter.action().equals(record.action()))
                .map(ConsentCsv::line);
        return RestMulti.fromMultiData(Multi.createBy().concatenating()
                .streams(Multi.createFrom().item(ConsentCsv.HEADER), lines))
                .header("Content-Type", "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"consents-" + siteId + "-" + filter.from()
                        + "-" + filter.to() + ".csv\"")
                .build();
    }

    static Filter filter(String from, String to, String action, String consentId) {
        LocalDate end = AnalyticsResource.date("to", to, LocalDate.now(ZoneOffset.UTC));
        LocalDate start = AnalyticsResource.date("from", from, end.minusDays(29));
        if (start.isAfter(end)) {
            throw ProblemException.badRequest("'from' must not be after 'to'");
        }
        String chosenAction = action == null || action.isBlank() ? null : ConsentAction.fromKey(action.trim()).key();
        String id = consentId == null || consentId.isBlank() ? null : consentId.trim().toLowerCase();
        if (id != null && !ConsentService.isConsentId(id)) {
            throw ProblemException.badRequest("A consent id is 32 hexadecimal characters");
        }
        return new Filter(start, end, chosenAction, id);
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }

    @ServerExceptionMapper
    Response badArgument(IllegalArgumentException problem) {
        return errors.page(400, "Bad request", problem.getMessage());
    }
}
