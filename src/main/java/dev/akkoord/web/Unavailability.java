package dev.akkoord.web;

import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a failure of PostgreSQL or Redis being unreachable apart from a bug. Such failures arrive wrapped
 * (Hibernate's {@code HibernateException}, {@code CompletionException}) and often as Vert.x's stackless
 * throwables, so the whole cause chain is read.
 */
final class Unavailability {

    /** SQLSTATE classes and codes that mean "the server cannot serve now", not "this statement is wrong". */
    private static final String CONNECTION_EXCEPTION = "08";
    private static final String INSUFFICIENT_RESOURCES = "53";
    private static final String ADMIN_SHUTDOWN = "57P01";
    private static final String CRASH_SHUTDOWN = "57P02";
    private static final String CANNOT_CONNECT_NOW = "57P03";
    private static final int MAX_DEPTH = 32;

    private Unavailability() {
    }

    /** Whether {@code failure}, or anything it was caused by, says a server could not be reached or answer. */
    static boolean isUnavailable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.size() < MAX_DEPTH && seen.put(cause, true) == null;
                cause = cause.getCause()) {
            if (saysUnavailable(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean saysUnavailable(Throwable failure) {
        if (failure instanceof HttpClosedException) { // the caller went away, not a server of ours
            return false;
        }
        if (failure instanceof SocketException // refused, reset, no route (ConnectException is one)
                || failure instanceof UnknownHostException
                || failure instanceof ClosedChannelException
                || failure instanceof ClosedConnectionException
                || failure instanceof TimeoutException) { // Mutiny's and Vert.x's timeouts extend it
            return true;
        }
        if (failure instanceof PgException pg && pg.getSqlState() != null) {
            String state = pg.getSqlState();
            return state.startsWith(CONNECTION_EXCEPTION) || state.startsWith(INSUFFICIENT_RESOURCES)
                    || state.equals(ADMIN_SHUTDOWN) || state.equals(CRASH_SHUTDOWN)
                    || state.equals(CANNOT_CONNECT_NOW);
        }
        // Vert.x reports a closed connection or a pool that waited in vain with a bare message, no type of its own.
        if (failure instanceof NoStackTraceThrowable || failure instanceof VertxException) {
            String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
            return message.contains("closed") || message.contains("timeout") || message.contains("timed out");
        }
        return false;
    }
}
