package dev.akkoord.scan.crawl;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 with handlers by path, counting the requests each path gets. */
public final class FixtureServer implements AutoCloseable {

    private final Map<String, Handler<HttpServerRequest>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final HttpServer server;

    public FixtureServer(Vertx vertx) throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Handler<HttpServerRequest> handler = routes.get(path);
            if (handler == null) {
                request.response().setStatusCode(404).putHeader("Content-Type", "text/plain").end("not found");
            } else {
                handler.handle(request);
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public int port() {
        return server.actualPort();
    }

    public FixtureServer route(String path, Handler<HttpServerRequest> handler) {
        routes.put(path, handler);
        return this;
    }

    /** An HTML page, optionally setting cookies. */
    public FixtureServer page(String path, String html, String... setCookies) {
        return route(path, request -> {
            var response = request.response().putHeader("Content-Type", "text/html; charset=utf-8");
            for (String cookie : setCookies) {
                response.headers().add("Set-Cookie", cookie);
            }
            response.end(html);
        });
    }

    public FixtureServer redirect(String path, String location) {
        return route(path, request -> request.response().setStatusCode(302).putHeader("Location", location).end());
    }

    /** Requests received, on every path. */
    public int hits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
