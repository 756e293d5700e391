package dev.akkoord.scan.browser;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * A Chrome DevTools protocol connection over {@code --remote-debugging-pipe}: JSON messages, each ended by a NUL byte.
 * Commands are answered by id; events go to the listener of the session they belong to (flattened sessions). The
 * pipe needs no port, and when this process dies the browser reads end-of-file and quits.
 */
final class DevTools implements AutoCloseable {

    /** The browser closed the pipe (it exited or crashed), or this side closed it. */
    static final class Gone extends RuntimeException {
        Gone(String message) {
            super(message);
        }
    }

    /** The browser answered a command with an error. */
    static final class CommandFailed extends RuntimeException {
        CommandFailed(String method, JsonObject error) {
            super(method + ": " + error.getString("message", error.encode()));
        }
    }

    private static final Logger LOG = Logger.getLogger(DevTools.class);
    private static final String BROWSER = "";

    private final OutputStream toBrowser;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final Map<Long, String> pendingMethods = new ConcurrentHashMap<>();
    private final Map<String, BiConsumer<String, JsonObject>> listeners = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile String goneReason;

    DevTools(InputStream fromBrowser, OutputStream toBrowser, String name) {
        this.toBrowser = toBrowser;
        Thread reader = new Thread(() -> readLoop(fromBrowser), name + "-devtools");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends a browser-level command. */
    CompletableFuture<JsonObject> send(String method, JsonObject params) {
        return send(null, method, params);
    }

    /** Sends a command to a page session (null for the browser); completes with its result. */
    CompletableFuture<JsonObject> send(String sessionId, String method, JsonObject params) {
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        if (goneReason != null) {
            answer.completeExceptionally(new Gone(goneReason));
            return answer;
        }
        long id = ids.incrementAndGet();
        JsonObject message = new JsonObject().put("id", id).put("method", method)
                .put("params", params == null ? new JsonObject() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        pending.put(id, answer);
        pendingMethods.put(id, method);
        byte[] bytes = message.encode().getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (toBrowser) {
                toBrowser.write(bytes);
                toBrowser.write(0);
                toBrowser.flush();
            }
        } catch (IOException e) {
            gone("the pipe to the browser is closed: " + e.getMessage());
        }
        return answer;
    }

    /** Hears the events of one session (null: the browser's own). One listener per session. */
    void listen(String sessionId, BiConsumer<String, JsonObject> listener) {
        listeners.put(sessionId == null ? BROWSER : sessionId, listener);
    }

    void forget(String sessionId) {
        listeners.remove(sessionId == null ? BROWSER : sessionId);
    }

    boolean isOpen() {
        return goneReason == null;
    }

    /** Completes when the pipe is closed, from either side. */
    CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public void close() {
        try {
            toBrowser.close();
        } catch (IOException e) {
            LOG.debugf("closing the DevTools pipe: %s", e.getMessage());
        }
        gone("the connection was closed");
    }

    private void readLoop(InputStream in) {
        ByteArrayOutputStream message = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[65536];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == 0) {
                        message.write(buffer, start, i - start);
                        dispatch(message.toString(StandardCharsets.UTF_8));
                        message.reset();
                        start = i + 1;
                    }
                }
                message.write(buffer, start, read - start);
            }
            gone("the browser closed the pipe");
        } catch (IOException e) {
            gone("the pipe from the browser broke: " + e.getMessage());
        }
    }

    private void dispatch(String text) {
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (RuntimeException e) {
            LOG.debugf("unreadable DevTools message: %s", e.getMessage());
            return;
        }
        Long id = message.getLong("id");
        if (id != null) {
            CompletableFuture<JsonObject> answer = pending.remove(id);
            String method = pendingMethods.remove(id);
            if (answer != null) {
                JsonObject error = message.getJsonObject("error");
                if (error != null) {
                    answer.completeExceptionally(new CommandFailed(method, error));
                } else {
                    JsonObject result = message.getJsonObject("result");
                    answer.complete(result == null ? new JsonObject() : result);
                }
            }
            return;
        }
        String method = message.getString("method");
        if (method == null) {
            return;
        }
        String session = message.getString("sessionId", BROWSER);
        BiConsumer<String, JsonObject> listener = listeners.get(session);
        if (listener != null) {
            JsonObject params = message.getJsonObject("params");
            try {
                listener.accept(method, params == null ? new JsonObject() : params);
            } catch (RuntimeException e) {
                LOG.warnf(e, "DevTools event %s not handled", method);
            }
        }
    }

    private void gone(String reason) {
        if (goneReason == null) {
            goneReason = reason;
        }
        Gone failure = new Gone(goneReason);
        pending.values().forEach(answer -> answer.completeExceptionally(failure));
        pending.clear();
        pendingMethods.clear();
        closed.complete(null);
    }
}
