package dev.akkoord.scan.browser;

import dev.akkoord.scan.crawl.AddressGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * The only way out for the scanning browser: an HTTP proxy on loopback that every request of Chromium goes through
 * (plain requests, and CONNECT for https and WebSocket). It vets each host with the crawler's {@link AddressGuard}
 * and connects to the vetted address itself, so the browser reaches exactly what the static crawl may reach,
 * whatever the URL's spelling (the browser sends hosts canonical: {@code 0177.0.0.2} arrives as {@code 127.0.0.2}).
 * Chromium's own service requests (updates, sign-in) are refused outright.
 */
final class BrowserGate implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BrowserGate.class);
    /** Hosts Chromium asks at start even with background networking off; a scan has no business there. */
    private static final Set<String> BROWSER_SERVICES = Set.of("update.googleapis.com", "clients1.google.com",
            "clients2.google.com", "clients2.googleusercontent.com", "accounts.google.com",
            "safebrowsing.googleapis.com", "optimizationguide-pa.googleapis.com", "content-autofill.googleapis.com",
            "edgedl.me.gvt1.com", "redirector.gvt1.com", "android.clients.google.com", "www.googleapis.com");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private final AddressGuard guard;
    private final BiConsumer<String, String> refused;
    private final HttpServer server;
    private final HttpClient http;
    private final NetClient tunnels;

    /**
     * @param refused hears each refused host with the reason, for the scan's report
     */
    BrowserGate(Vertx vertx, AddressGuard guard, int timeoutMillis, BiConsumer<String, String> refused)
            throws Exception {
        this.guard = guard;
        this.refused = refused;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeoutMillis)
                .setIdleTimeout(60).setKeepAlive(true).setMaxPoolSize(16).setTryUseCompression(false));
        this.tunnels = vertx.createNetClient(new NetClientOptions().setConnectTimeout(timeoutMillis));
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .setDecompressionSupported(false).setCompressionSupported(false))
                .requestHandler(this::handle)
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    int port() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        request.pause();
        if (request.method() == HttpMethod.CONNECT) {
            tunnel(request);
        } else {
            forward(request);
        }
    }

    /** CONNECT host:port: https and WebSocket. The bytes are passed on as they are. */
    private void tunnel(HttpServerRequest request) {
        String authority = request.uri();
        int colon = authority.lastIndexOf(':');
        String host = colon > 0 ? authority.substring(0, colon) : authority;
        int port = colon > 0 ? parsePort(authority.substring(colon + 1)) : 443;
        vet(host).subscribe().with(address -> tunnels.connect(port, address.getHostAddress())
                .onSuccess(upstream -> request.toNetSocket().onSuccess(downstream -> splice(downstream, upstream))
                        .onFailure(failure -> upstream.close()))
                .onFailure(failure -> refuse(request, 502, "could not connect to " + authority)),
                failure -> refuse(request, 403, failure.getMessage()));
    }

    private static void splice(NetSocket a, NetSocket b) {
        a.pipeTo(b);
        b.pipeTo(a);
    }

    /** A plain request in absolute form, {@code GET http://host:port/path}. */
    private void forward(HttpServerRequest request) {
        URI target;
        try {
            target = new URI(request.uri());
        } catch (Exception e) {
            refuse(request, 400, "not a proxy request");
            return;
        }
        if (!"http".equalsIgnoreCase(target.getScheme()) || target.getHost() == null) {
            refuse(request, 400, "only http URLs are proxied");
            return;
        }
        int port = target.getPort() == -1 ? 80 : target.getPort();
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String pathAndQuery = target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
        vet(target.getHost()).subscribe().with(address -> {
            RequestOptions options = new RequestOptions().setMethod(request.method())
                    .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                    .setHost(target.getHost()).setPort(port).setURI(pathAndQuery)
                    .setHeaders(endToEnd(request.headers()));
            Future<Void> done = http.request(options)
                    .compose(upstream -> {
                        // The browser drops a request whose tab closed or whose renderer died, by closing the
                        // connection: the site's answer is dropped too, instead of piped into a closed response.
                        request.response().closeHandler(closed -> upstream.reset());
                        return upstream.send(request);
                    })
                    .compose(response -> {
                        var downstream = request.response().setStatusCode(response.statusCode())
                                .setStatusMessage(response.statusMessage());
                        downstream.headers().addAll(endToEnd(response.headers()));
                        if (!downstream.headers().contains("content-length")) {
                            downstream.setChunked(true);
                        }
                        return response.pipeTo(downstream);
                    });
            done.onFailure(failure -> {
                if (!request.response().headWritten()) {
                    refuse(request, 502, failure.getMessage());
                } else {
                    request.connection().close();
                }
            });
        }, failure -> refuse(request, 403, failure.getMessage()));
    }

    private Uni<InetAddress> vet(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (BROWSER_SERVICES.contains(h)) {
            return Uni.createFrom().failure(new IllegalStateException("refused " + h + ": a browser service"));
        }
        return guard.vet(h).onFailure().invoke(failure -> refused.accept(h, failure.getMessage()));
    }

    private static MultiMap endToEnd(MultiMap headers) {
        MultiMap copy = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                copy.add(header.getKey(), header.getValue());
            }
        });
        return copy;
    }

    private static void refuse(HttpServerRequest request, int status, String reason) {
        LOG.debugf("browser gate: %s %s refused (%d): %s", request.method(), request.uri(), status, reason);
        if (!request.response().ended()) {
            request.response().setStatusCode(status).putHeader("Content-Type", "text/plain")
                    .end(reason == null ? "refused" : reason);
        }
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        server.close();
        http.close();
        tunnels.close();
    }
}
