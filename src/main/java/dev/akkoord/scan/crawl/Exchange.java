package dev.akkoord.scan.crawl;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.ext.web.codec.spi.BodyStream;
import java.util.function.Predicate;

/**
 * One HTTP request and its response, as the Web Client's body codec. It sees the response head before the body
 * (through {@link ExchangeInterceptor}), keeps the body only when it is wanted and small enough, and otherwise resets
 * the request so that no more bytes are read: an oversized page, a download or an endless stream costs at most the
 * limit. The head stays available when the body is abandoned, so its Set-Cookie headers are never lost.
 */
final class Exchange implements BodyCodec<Buffer> {

    /** Why the exchange stopped early. */
    enum Abort {
        TIMEOUT,
        /** A wanted body went over its limit. */
        TOO_LARGE,
        /** An unwanted body (redirect, error page, non-HTML, resource) went over the few bytes we drain for reuse. */
        NOT_WANTED
    }

    /** Marks failures this exchange caused on purpose. */
    static final class Aborted extends RuntimeException {
        Aborted(Abort reason) {
            super(reason.name(), null, false, false);
        }
    }

    private final Predicate<ResponseHead> wantsBody;
    private final int keepLimit;
    private final int drainLimit;

    private volatile HttpClientRequest request;
    private volatile ResponseHead head;
    private volatile Abort abort;
    private volatile boolean keeping;
    private volatile Sink sink;

    /**
     * @param wantsBody  decides from the head whether the body is kept (only 2xx bodies are ever kept)
     * @param keepLimit  the largest body kept
     * @param drainLimit the most bytes of an unwanted body read (so the connection can be reused) before resetting
     */
    Exchange(Predicate<ResponseHead> wantsBody, int keepLimit, int drainLimit) {
        this.wantsBody = wantsBody;
        this.keepLimit = keepLimit;
        this.drainLimit = drainLimit;
    }

    ResponseHead head() {
        return head;
    }

    Abort abort() {
        return abort;
    }

    boolean keeping() {
        return keeping;
    }

    void sent(HttpClientRequest sentRequest) {
        request = sentRequest;
        if (abort != null) {
            sentRequest.reset();
        }
    }

    /** Copies the head and decides what to do with the body; false when the exchange was aborted here. */
    boolean received(HttpClientResponse response) {
        head = new ResponseHead(response.statusCode(), response.getHeader(HttpHeaders.CONTENT_TYPE),
                contentLength(response.getHeader(HttpHeaders.CONTENT_LENGTH)), response.getHeader(HttpHeaders.LOCATION),
                response.headers().getAll(HttpHeaders.SET_COOKIE));
        keeping = head.isSuccess() && wantsBody.test(head);
        long limit = keeping ? keepLimit : drainLimit;
        if (head.contentLength() > limit) {
            response.exceptionHandler(ignored -> {
                // the reset below is ours; nobody else listens yet
            });
            stop(keeping ? Abort.TOO_LARGE : Abort.NOT_WANTED);
            return false;
        }
        return true;
    }

    /** The request took too long as a whole: stop it wherever it is. */
    void expire() {
        stop(Abort.TIMEOUT);
    }

    private void stop(Abort reason) {
        if (abort != null) {
            return;
        }
        abort = reason;
        HttpClientRequest r = request;
        if (r != null) {
            r.reset(0, new Aborted(reason)); // over HTTP/1.1 this closes the connection
        }
        Sink s = sink;
        if (s != null) {
            s.result.tryFail(new Aborted(reason));
        }
    }

    private static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void create(Handler<AsyncResult<BodyStream<Buffer>>> handler) {
        Sink s = new Sink(keeping ? keepLimit : drainLimit);
        sink = s;
        handler.handle(Future.succeededFuture(s));
    }

    /** Receives the body; keeps it or counts it, and stops the exchange at the limit. */
    private final class Sink implements BodyStream<Buffer> {
        final Promise<Buffer> result = Promise.promise();
        final Buffer kept = keeping ? Buffer.buffer() : null;
        final int limit;
        long seen;

        Sink(int limit) {
            this.limit = limit;
        }

        @Override
        public Future<Buffer> result() {
            return result.future();
        }

        @Override
        public void handle(Throwable failure) {
            result.tryFail(failure);
        }

        @Override
        public Future<Void> write(Buffer data) {
            accept(data);
            return Future.succeededFuture();
        }

        @Override
        public void write(Buffer data, Handler<AsyncResult<Void>> done) {
            accept(data);
            if (done != null) {
                done.handle(Future.succeededFuture());
            }
        }

        private void accept(Buffer data) {
            if (abort != null) {
                return;
            }
            seen += data.length();
            if (seen > limit) {
                stop(keeping ? Abort.TOO_LARGE : Abort.NOT_WANTED);
            } else if (kept != null) {
                kept.appendBuffer(data);
            }
        }

        @Override
        public void end(Handler<AsyncResult<Void>> done) {
            result.tryComplete(kept == null ? Buffer.buffer() : kept);
            if (done != null) {
                done.handle(Future.succeededFuture());
            }
        }

        @Override
        public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return false;
        }

        @Override
        public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
            return this;
        }
    }
}
