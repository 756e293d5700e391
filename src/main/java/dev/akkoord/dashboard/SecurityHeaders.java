package dev.akkoord.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers for every dashboard and visitor-rights page: a strict Content-Security-Policy (nothing loads from
 * another origin, no inline script), no framing by other sites, no caching of signed-in pages. A page that must
 * differ (the banner preview, framed by the editor) sets its own CSP and frame options, which are kept.
 */
@ApplicationScoped
final class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; "
            + "object-src 'none'";

    void install(@Observes Router router) {
        router.route("/dashboard*").order(-800).handler(SecurityHeaders::add);
        router.route("/privacy*").order(-800).handler(SecurityHeaders::add);
    }

    private static void add(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", CSP);
            }
            if (!headers.contains("X-Frame-Options")) {
                headers.set("X-Frame-Options", "DENY");
            }
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            if (!context.normalizedPath().startsWith("/dashboard/static/")) {
                headers.set("Cache-Control", "no-store");
            }
        });
        context.next();
    }
}
