package dev.akkoord.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for the banner's calls. The Origin is checked against the site's domains by {@link ConsentService}; a refused
 * origin gets its 403 without CORS headers, so a foreign page cannot even read the refusal. No credentials are ever
 * allowed: the banner identifies visitors by consent id, not by cookies sent to the platform.
 */
@ApplicationScoped
final class ConsentCors {

    void install(@Observes Router router) {
        router.route("/api/v1/consents*").order(-900).handler(ConsentCors::handle);
    }

    private static void handle(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin == null) {
            context.next();
            return;
        }
        if (context.request().method() == HttpMethod.OPTIONS) {
            context.response().setStatusCode(204)
                    .putHeader("Access-Control-Allow-Origin", origin)
                    .putHeader("Access-Control-Allow-Methods", "GET, POST")
                    .putHeader("Access-Control-Allow-Headers", "Content-Type")
                    .putHeader("Access-Control-Max-Age", "86400")
                    .putHeader("Vary", "Origin")
                    .end();
            return;
        }
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() != 403) {
                context.response().putHeader("Access-Control-Allow-Origin", origin).putHeader("Vary", "Origin");
            }
        });
        context.next();
    }
}
