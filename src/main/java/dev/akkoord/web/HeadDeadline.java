package dev.akkoord.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.http.impl.Http1xOrH2CHandler;

/**
 * One HTTP/1.x connection's deadline for request heads: a request's head (request line and headers) must be complete
 * within the timeout, counted from the connection's opening for the first request and from the first byte of each
 * later one. A client trickling its headers a byte at a time (slowloris) is answered 408 and closed; one that opened a
 * connection and sent nothing is closed. An idle keep-alive connection and a slow body are not this deadline's business
 * (the idle timeout and the body limit see to those).
 * <p>
 * Two handlers share the state: {@link RawBytes} at the front of the pipeline notices a new request's first byte, and
 * {@link Messages}, just behind Vert.x' HTTP codec, notices heads that are complete, requests that end and responses that
 * end. A connection that leaves HTTP/1.x (an upgrade) drops the deadline.
 */
final class HeadDeadline {

    static final String RAW_BYTES = "akkoordHeadDeadline";
    static final String MESSAGES = "akkoordHeadDeadlineMessages";
    static final String DECODER = "httpDecoder";
    static final String ENCODER = "httpEncoder";

    private static final byte[] REQUEST_TIMEOUT = response408();

    private enum Phase { HEAD, BODY, BETWEEN }

    private final long timeoutNanos;
    private Phase phase = Phase.HEAD;
    /** When the head being awaited must be complete (System.nanoTime). */
    private long headDue;
    private boolean timerPending;
    private boolean headStarted;
    private int unansweredRequests;

    private HeadDeadline(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /** The handler to put first on a freshly accepted connection; it adds its partner once Vert.x has set up HTTP. */
    static RawBytes forNewConnection(long timeoutNanos) {
        return new HeadDeadline(timeoutNanos).new RawBytes();
    }

    /**
     * A timer per request would cost a scheduled task on every request of a busy keep-alive connection; instead one
     * timer is pending at most, and when it fires early for a later head it waits again for what is left.
     */
    private void awaitHead(ChannelHandlerContext front) {
        phase = Phase.HEAD;
        headStarted = false;
        headDue = System.nanoTime() + timeoutNanos;
        if (!timerPending) {
            wakeIn(front, timeoutNanos);
        }
    }

    private void wakeIn(ChannelHandlerContext front, long nanos) {
        timerPending = true;
        front.executor().schedule(() -> expire(front), nanos, TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext front) {
        timerPending = false;
        if (phase != Phase.HEAD || !front.channel().isActive()) {
            return;
        }
        long left = headDue - System.nanoTime();
        if (left > 0) {
            wakeIn(front, left);
            return;
        }
        if (!headStarted || unansweredRequests > 0) {
            // Nothing was asked (a browser's unused preconnection closes quietly), or a pipelined request is still
            // being answered and a 408 would land inside its response.
            front.close();
            return;
        }
        // Written from the front of the pipeline, so the bytes skip the HTTP encoder, which knows of no request.
        front.writeAndFlush(Unpooled.wrappedBuffer(REQUEST_TIMEOUT)).addListener(ChannelFutureListener.CLOSE);
    }

    private static byte[] response408() {
        String body = "{\"type\":\"about:blank\",\"title\":\"Request Timeout\",\"status\":408,"
                + "\"detail\":\"The request's headers did not arrive in time.\"}";
        String head = "HTTP/1.1 408 Request Timeout\r\n"
                + "content-type: " + Problem.MEDIA_TYPE + "\r\n"
                + "content-length: " + body.length() + "\r\n"
                + "connection: close\r\n\r\n";
        return (head + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** First in the pipeline: sees every byte the client sends, before any decoding. */
    final class RawBytes extends ChannelInboundHandlerAdapter {

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            // By now the server's initializer has built the rest of the pipeline.
            if (speaksHttp1(ctx)) {
                ctx.pipeline().addAfter(ENCODER, MESSAGES, new Messages());
                awaitHead(ctx);
            } else if (choosingProtocol(ctx)) {
                awaitHead(ctx);
            } else {
                // TLS: the bytes seen here are encrypted, and the head is not ours to time.
                ctx.pipeline().remove(this);
            }
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (!(msg instanceof ByteBuf bytes) || !bytes.isReadable()) {
                super.channelRead(ctx, msg);
                return;
            }
            if (phase == Phase.BETWEEN) {
                if (speaksHttp1(ctx)) {
                    awaitHead(ctx);
                } else {
                    leave(ctx, bytes);
                    return;
                }
            }
            headStarted |= phase == Phase.HEAD;
            if (choosingProtocol(ctx)) {
                handOverWhileChoosing(ctx, bytes);
            } else {
                super.channelRead(ctx, msg);
            }
        }

        /**
         * Vert.x builds the HTTP/1.x pipeline only once the first bytes tell it the client does not speak cleartext
         * HTTP/2, and decodes them at once. Handed over a byte at a time, the choice falls on the first byte that
         * differs from HTTP/2's preface, too early for a head to be complete, so the partner handler joins before any
         * request is decoded.
         */
        private void handOverWhileChoosing(ChannelHandlerContext ctx, ByteBuf bytes) {
            while (bytes.isReadable() && choosingProtocol(ctx)) {
                ctx.fireChannelRead(bytes.readRetainedSlice(1));
            }
            if (speaksHttp1(ctx)) {
                ctx.pipeline().addAfter(ENCODER, MESSAGES, new Messages());
                forwardRest(ctx, bytes);
            } else {
                leave(ctx, bytes);
            }
        }

        /** The connection speaks something else now (HTTP/2, or an upgrade): no more heads to time. */
        private void leave(ChannelHandlerContext ctx, ByteBuf bytes) {
            phase = Phase.BODY;
            forwardRest(ctx, bytes);
            if (ctx.pipeline().context(MESSAGES) != null) {
                ctx.pipeline().remove(MESSAGES);
            }
            ctx.pipeline().remove(this);
        }

        private void forwardRest(ChannelHandlerContext ctx, ByteBuf bytes) {
            if (bytes.isReadable()) {
                ctx.fireChannelRead(bytes);
            } else {
                bytes.release();
            }
        }
    }

    private static boolean speaksHttp1(ChannelHandlerContext ctx) {
        return ctx.pipeline().context(DECODER) != null && ctx.pipeline().context(ENCODER) != null;
    }

    private static boolean choosingProtocol(ChannelHandlerContext ctx) {
        return ctx.pipeline().get(Http1xOrH2CHandler.class) != null;
    }

    /** Behind the HTTP codec: sees decoded requests coming in and responses going out. */
    final class Messages extends ChannelDuplexHandler {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest) {
                phase = Phase.BODY;
                unansweredRequests++;
            }
            if (msg instanceof LastHttpContent && phase == Phase.BODY) {
                phase = Phase.BETWEEN;
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            boolean interim = msg instanceof HttpResponse response
                    && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            if (msg instanceof LastHttpContent && !interim) {
                unansweredRequests = Math.max(0, unansweredRequests - 1);
            }
            super.write(ctx, msg, promise);
        }
    }
}
