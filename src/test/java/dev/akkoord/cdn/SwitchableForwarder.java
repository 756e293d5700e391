package dev.akkoord.cdn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * An HTTP forwarder on loopback between nginx and the platform, which the test switches to play the platform down:
 * connections refused, or every request answered 503. It counts what it forwards per path, so a test sees what the
 * cache answered alone.
 */
final class SwitchableForwarder implements AutoCloseable {

    enum Mode { FORWARD, REFUSE, UNAVAILABLE }

    /** Per connection, not to be passed on (RFC 9110 section 7.6.1); lengths are set again by Vert.x. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-connection", "content-length");

    private final Vertx vertx;
    private final int upstreamPort;
    private final int port;
    private final HttpClient client;
    private final Map<String, AtomicInteger> forwarded = new ConcurrentHashMap<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private volatile Mode mode = Mode.FORWARD;
    private HttpServer server;

    /** On a Vert.x of its own, as the test's other servers (FixtureShop): the platform's waits on nothing here. */
    SwitchableForwarder(int upstreamPort) {
        this.vertx = Vertx.vertx();
        this.upstreamPort = upstreamPort;
        this.port = freePort();
        this.client = vertx.createHttpClient(new HttpClientOptions().setDecompressionSupported(false));
        listen();
    }

    int port() {
        return port;
    }

    /** Requests for {@code path} (without query) passed on to the platform so far. */
    int forwarded(String path) {
        AtomicInteger count = forwarded.get(path);
        return count == null ? 0 : count.get();
    }

    /** Requests answered 503 in {@link Mode#UNAVAILABLE}. */
    int answeredUnavailable() {
        return unavailable.get();
    }

    synchronized void switchTo(Mode next) {
        if (next == Mode.REFUSE && server != null) {
            await(server.close());
            server = null;
        } else if (next != Mode.REFUSE && server == null) {
            listen();
        }
        mode = next;
    }

    private void listen() {
        server = await(vertx.createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1"));
    }

    private void handle(HttpServerRequest request) {
        if (mode == Mode.UNAVAILABLE) {
            unavailable.incrementAndGet();
            request.response().setStatusCode(503).end();
            return;
        }
        forwarded.computeIfAbsent(request.path(), path -> new AtomicInteger()).incrementAndGet();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copy(request.headers(), headers);
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost("127.0.0.1")
                .setPort(upstreamPort).setURI(request.uri()).setHeaders(headers);
        request.body()
                .compose(body -> client.request(options).compose(outgoing -> outgoing.send(body)))
                .compose(answer -> answer.body().map(body -> {
                    request.response().setStatusCode(answer.statusCode());
                    copy(answer.headers(), request.response().headers());
                    request.response().end(body);
                    return null;
                }))
                .onFailure(failure -> request.response().setStatusCode(502).end());
    }

    private static void copy(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            await(server.close());
        }
        await(client.close());
        await(vertx.close());
    }
}
