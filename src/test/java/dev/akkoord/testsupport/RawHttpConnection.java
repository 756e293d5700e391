package dev.akkoord.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for tests that must decide exactly which bytes leave and when (headers a byte at a
 * time, no Host header): every HTTP client library would mend such requests.
 */
public final class RawHttpConnection implements AutoCloseable {

    /** A response as read off the wire; header names in lower case. */
    public record RawResponse(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean eof;

    /** Connects to 127.0.0.1:{@code port}; a read waiting longer than {@code readTimeoutMillis} fails. */
    public RawHttpConnection(int port, int readTimeoutMillis) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(readTimeoutMillis);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends one byte at a time, spread over {@code millis}. */
    public void trickle(String text, long millis) throws IOException, InterruptedException {
        long pause = Math.max(1, millis / text.length());
        for (char c : text.toCharArray()) {
            send(String.valueOf(c));
            Thread.sleep(pause);
        }
    }

    /** Trickles from another thread; stops quietly once the server has closed the connection. */
    public Thread trickleInBackground(String text, long millis) {
        Thread thread = new Thread(() -> {
            try {
                trickle(text, millis);
            } catch (IOException | InterruptedException closedOrDone) {
                // The server closed the connection: what such a test waits for.
            }
        }, "slow-client");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The next response (bodies by Content-Length), or null if the server closed the connection before one. */
    public RawResponse readResponse() throws IOException {
        String head = readHead();
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new RawResponse(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                eof = true;
                return head.size() == 0 ? null : head.toString(StandardCharsets.US_ASCII);
            }
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                return text.substring(0, text.length() - 4);
            }
        }
    }

    /** Whether the server has closed its side (reads end-of-file). */
    public boolean closedByServer() throws IOException {
        return eof || in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
