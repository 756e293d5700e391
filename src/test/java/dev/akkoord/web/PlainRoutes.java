package dev.akkoord.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.mutiny.sqlclient.Pool;

/** Test-only plain Vert.x routes (no REST resource) that fail as a bug does or as a lost database does. */
@ApplicationScoped
final class PlainRoutes {

    private final Pool pool;

    PlainRoutes(Pool pool) {
        this.pool = pool;
    }

    void install(@Observes Router router) {
        router.get("/test/plain/thrown").handler(context -> {
            throw new IllegalStateException("a bug in a plain route");
        });
        router.get("/test/plain/database").handler(context -> pool.query("SELECT 1").execute().subscribe().with(
                rows -> context.response().end("ok"), context::fail));
    }
}
