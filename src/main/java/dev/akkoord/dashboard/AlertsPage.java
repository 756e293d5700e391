package dev.akkoord.dashboard;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.akkoord.alert.AlertService;
import dev.akkoord.alert.AlertSettings;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** Which alerts a site's owners get after each scan (by mail, by a signed webhook), and what was sent. */
@Path("/dashboard/sites/{siteId}/alerts")
@SignedIn
@Produces(MediaType.TEXT_HTML)
public final class AlertsPage {

    private final AlertService alerts;
    private final SitePages pages;
    private final ErrorPages errors;

    AlertsPage(AlertService alerts, SitePages pages, ErrorPages errors) {
        this.alerts = alerts;
        this.pages = pages;
        this.errors = errors;
    }

    @GET
    public Uni<String> alertsPage(@RestPath UUID siteId, @RestQuery boolean saved) {
        return render(siteId, saved, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@RestPath UUID siteId, @RestForm boolean newCookies, @RestForm boolean violations,
            @RestForm boolean unclassified, @RestForm boolean failures, @RestForm boolean byMail,
            @RestForm String webhookUrl, @RestForm boolean newSecret) {
        AlertSettings chosen = new AlertSettings(newCookies, violations, unclassified, failures, byMail, webhookUrl,
                null);
        return pages.site(siteId)
                .flatMap(site -> alerts.save(siteId, chosen, newSecret))
                .map(saved -> Response.seeOther(URI.create("/dashboard/sites/" + siteId + "/alerts?saved=true"))
                        .build())
                .onFailure(ProblemException.class).recoverWithUni(failure -> {
                    ProblemException problem = (ProblemException) failure;
                    if (problem.status() != 400) {
                        return Uni.createFrom().failure(problem);
                    }
                    return render(siteId, false, chosen, problem.getMessage())
                            .map(html -> Html.status(400, html));
                });
    }

    /** @param refused the settings sent, shown again with {@code error}, or null */
    private Uni<String> render(UUID siteId, boolean saved, AlertSettings refused, String error) {
        return pages.site(siteId).flatMap(site -> Uni.combine().all()
                .unis(alerts.settings(siteId), alerts.deliveries(siteId)).asTuple()
                .map(found -> Templates.alerts(pages.page(site, "Alerts", "alerts"),
                        refused != null ? refused : found.getItem1(), found.getItem1().webhookSecret(),
                        found.getItem2(), saved, error).render()));
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
