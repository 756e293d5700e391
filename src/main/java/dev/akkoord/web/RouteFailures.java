package dev.akkoord.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.VertxException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Failures of plain Vert.x routes (filters such as {@link BodyLimits}, static files, anything outside the REST
 * resources, whose failures {@link ProblemMappers} never sees) answer problem+json too, instead of Vert.x' text page
 * or Quarkus' HTML error page: a server that cannot be reached is a 503 with Retry-After, logged once per outage by
 * {@link Outages}; anything else a 500 logged with its stack trace.
 */
@ApplicationScoped
final class RouteFailures {

    private static final Logger LOG = Logger.getLogger(RouteFailures.class);

    private final Outages outages;

    RouteFailures(Outages outages) {
        this.outages = outages;
    }

    void install(@Observes Router router) {
        router.route().order(-2000).failureHandler(this::answer);
    }

    /** Health and metrics answer in the same form, not with Quarkus' default error JSON. */
    void install(@Observes ManagementInterface management) {
        management.router().route().order(-2000).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        if (context.response().headWritten()) {
            context.response().reset(); // half an answer is sent: the client must not take it for a whole one
            return;
        }
        ProblemException problem = problem(context);
        JsonObject body = new JsonObject().put("type", "about:blank").put("title", problem.title())
                .put("status", problem.status()).put("detail", problem.getMessage());
        problem.extra().forEach(body::put);
        Object retryAfter = problem.extra().get("retryAfter");
        if (retryAfter != null) {
            context.response().putHeader("Retry-After", retryAfter.toString());
        }
        context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body.encode());
    }

    private ProblemException problem(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        if (failure != null && Outages.isUnavailable(failure)) {
            return outages.unavailable(failure);
        }
        int status = context.statusCode();
        if (status >= 400 && status < 500) { // context.fail(404), a request without Host and the like: no bug
            String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
            // Vert.x says what was wrong with the request in its own exceptions; others may name our internals.
            String detail = failure instanceof VertxException && failure.getMessage() != null ? failure.getMessage()
                    : reason;
            return new ProblemException(status, reason, detail);
        }
        LOG.errorf(failure, "Request %s %s failed", context.request().method(), context.normalizedPath());
        return new ProblemException(500, "Server error", "The request could not be completed");
    }
}
