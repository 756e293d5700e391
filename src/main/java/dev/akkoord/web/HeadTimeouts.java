package dev.akkoord.web;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    /** How long after the HTTP server's start the management interface's server is looked for. */
    private static final long LOOK_FOR_LATER_SERVERS_MILLIS = 30_000;
    private static final long LOOK_AGAIN_MILLIS = 100;

    private final VertxInternal vertx;
    private final Duration timeout;
    private final int expectedServers;

    HeadTimeouts(Vertx vertx, @ConfigProperty(name = "akkoord.http.header-timeout", defaultValue = "20s") Duration timeout,
            @ConfigProperty(name = "quarkus.management.enabled", defaultValue = "false") boolean managementInterface) {
        this.vertx = (VertxInternal) vertx;
        this.timeout = timeout;
        this.expectedServers = managementInterface ? 2 : 1;
    }

    private boolean enabled() {
        return !timeout.isZero() && !timeout.isNegative();
    }

    /**
     * Fired once the main server listens. The management interface's server may still be binding: it is looked for
     * again for a while, since no event tells when it listens.
     */
    void onHttp(@ObservesAsync HttpServerStart started) {
        guardUntilAllListen(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOOK_FOR_LATER_SERVERS_MILLIS));
    }

    void onHttps(@ObservesAsync HttpsServerStart started) {
        guardEveryServer();
    }

    private void guardUntilAllListen(long deadline) {
        if (enabled() && guardEveryServer() < expectedServers && System.nanoTime() < deadline) {
            vertx.setTimer(LOOK_AGAIN_MILLIS, id -> guardUntilAllListen(deadline));
        }
    }

    /** Guards the servers that listen and are not guarded yet; answers how many are guarded in all. */
    synchronized int guardEveryServer() {
        if (!enabled()) {
            return 0;
        }
        int guardedInAll = 0;
        List<String> guardedNow = new ArrayList<>();
        try {
            for (HttpServerImpl server : vertx.sharedHttpServers().values()) {
                Channel listening = listeningChannel(server);
                if (listening == null) {
                    continue;
                }
                if (listening.pipeline().get(ACCEPTOR_GUARD) == null) {
                    listening.pipeline().addFirst(ACCEPTOR_GUARD, new NewConnections(timeout.toNanos()));
                    guardedNow.add(String.valueOf(server.actualPort()));
                }
                guardedInAll++;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Request heads are not timed (slow clients can hold connections open): %s", e);
            return Integer.MAX_VALUE;
        }
        if (!guardedNow.isEmpty()) {
            LOG.infof("Request heads must arrive within %d ms on port %s", timeout.toMillis(),
                    String.join(", ", guardedNow));
        }
        return guardedInAll;
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
