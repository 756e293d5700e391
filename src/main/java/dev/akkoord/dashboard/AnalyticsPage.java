package dev.akkoord.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.akkoord.analytics.AnalyticsResource;
import dev.akkoord.analytics.ConsentAnalytics;
import dev.akkoord.analytics.Granularity;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** Consent analytics as charts: decisions over time by action, and the opt-in rate per category. */
@Path("/dashboard/sites/{siteId}/analytics")
@SignedIn
@Produces(MediaType.TEXT_HTML)
public final class AnalyticsPage {

    private final ConsentAnalytics analytics;
    private final SitePages pages;
    private final ErrorPages errors;

    AnalyticsPage(ConsentAnalytics analytics, SitePages pages, ErrorPages errors) {
        this.analytics = analytics;
        this.pages = pages;
        this.errors = errors;
    }

    @GET
    public Uni<String> analyticsPage(@RestPath UUID siteId, @RestQuery String from, @RestQuery String to,
            @RestQuery String by) {
        LocalDate end = AnalyticsResource.date("to", to, LocalDate.now(ZoneOffset.UTC));
        LocalDate start = AnalyticsResource.date("from", from, end.minusDays(29));
        Granularity granularity = Granularity.fromKey(by);
        return pages.site(siteId).flatMap(site -> analytics.stats(siteId, start, end, granularity)
                .map(stats -> Templates.analytics(pages.page(site, "Analytics", "analytics"), stats,
                        Charts.decisions(stats), Charts.rates(stats), Charts.ACTIONS, Charts.RATES).render()));
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
