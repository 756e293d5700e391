package dev.akkoord.web;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;

/**
 * Gives every HTTP server of the platform (the main port and the management port) a deadline for request heads
 * ({@link HeadDeadline}): Vert.x 4 has idle timeouts only, which a client sending one byte at a time never trips.
 * <p>
 * Neither Quarkus nor Vert.x offers a hook on accepted connections, so this reaches the listening Netty channel through
 * a field of Vert.x' server base and puts a handler in front of its acceptor. Should a Vert.x upgrade move that field,
 * the start logs a WARN and {@code HeadTimeoutTest} fails; the server itself runs on unchanged.
 */
@Singleton
final class HeadTimeouts {

    private static final Logger LOG = Logger.getLogger(HeadTimeouts.class);
    static final String ACCEPTOR_GUARD = "akkoordHeadDeadlines";

    private final VertxInternal vertx;
    private final Duration timeout;

    HeadTimeouts(Vertx vertx, @ConfigProperty(name = "akkoord.http.header-timeout", defaultValue = "20s") Duration timeout) {
        this.vertx = (VertxInternal) vertx;
        this.timeout = timeout;
    }

    private boolean enabled() {
        return !timeout.isZero() && !timeout.isNegative();
    }

    void onHttp(@ObservesAsync HttpServerStart started) {
        guardEveryServer();
    }

    void onHttps(@ObservesAsync HttpsServerStart started) {
        guardEveryServer();
    }

    /** Idempotent: servers already guarded are left alone. */
    synchronized void guardEveryServer() {
        if (!enabled()) {
            return;
        }
        List<String> guarded = new ArrayList<>();
        try {
            for (HttpServerImpl server : vertx.sharedHttpServers().values()) {
                Channel listening = listeningChannel(server);
                if (listening != null && listening.pipeline().get(ACCEPTOR_GUARD) == null) {
                    listening.pipeline().addFirst(ACCEPTOR_GUARD, new NewConnections(timeout.toNanos()));
                    guarded.add(String.valueOf(server.actualPort()));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Request heads are not timed (slow clients can hold connections open): %s", e);
            return;
        }
        if (!guarded.isEmpty()) {
            LOG.infof("Request heads must arrive within %s on port(s) %s", timeout, String.join(", ", guarded));
        }
    }

    private static Channel listeningChannel(TCPServerBase server) throws ReflectiveOperationException {
        Field bindFuture = TCPServerBase.class.getDeclaredField("bindFuture");
        bindFuture.setAccessible(true);
        Future<?> bound = (Future<?>) bindFuture.get(server);
        return bound != null && bound.succeeded() ? (Channel) bound.result() : null;
    }

    /** On the listening channel: every accepted connection gets its deadline before Vert.x sets it up. */
    private static final class NewConnections extends ChannelInboundHandlerAdapter {

        private final long timeoutNanos;

        NewConnections(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof Channel accepted) {
                accepted.pipeline().addFirst(HeadDeadline.RAW_BYTES, HeadDeadline.forNewConnection(timeoutNanos));
            }
            super.channelRead(ctx, msg);
        }
    }
}
