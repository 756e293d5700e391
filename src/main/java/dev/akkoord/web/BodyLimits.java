package dev.akkoord.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses oversized bodies before they are read, with a problem+json answer (Vert.x's own limit answers in plain
 * text). Consents are tiny, so their endpoint gets a tight limit; the rest of the API a generous one.
 */
@ApplicationScoped
public final class BodyLimits {

    static final long CONSENT_LIMIT = 16 * 1024;
    static final long API_LIMIT = 512 * 1024;

    void install(@Observes Router router) {
        router.route().order(-1000).handler(BodyLimits::check);
    }

    private static void check(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            context.next();
            return;
        }
        String path = context.normalizedPath();
        long limit = path.startsWith("/api/v1/consents") ? CONSENT_LIMIT : API_LIMIT;
        String length = context.request().getHeader("Content-Length");
        if (length == null) {
            if (context.request().getHeader("Transfer-Encoding") != null) {
                reject(context, 411, "Length Required", "Send the body with a Content-Length header");
                return;
            }
            context.next();
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            reject(context, 400, "Bad request", "Invalid Content-Length header");
            return;
        }
        if (declared > limit) {
            reject(context, 413, "Content Too Large",
                    "The body has " + declared + " bytes; this endpoint accepts at most " + limit);
            return;
        }
        context.next();
    }

    private static void reject(RoutingContext context, int status, String title, String detail) {
        JsonObject body = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail);
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body.encode());
    }
}
