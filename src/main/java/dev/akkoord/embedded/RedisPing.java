package dev.akkoord.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** AUTH and PING over a plain socket: enough to tell that an embedded Redis is up, without a client library. */
final class RedisPing {

    private static final int TIMEOUT_MILLIS = 1000;

    private RedisPing() {
    }

    /** Whether the server on {@code port} accepts {@code password} and answers PONG. */
    static boolean answers(int port, String password) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write((command("AUTH", password) + command("PING"))
                    .getBytes(StandardCharsets.UTF_8));
            BufferedReader replies = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            return "+OK".equals(replies.readLine()) && "+PONG".equals(replies.readLine());
        } catch (IOException e) {
            return false;
        }
    }

    private static String command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                    .append(part).append("\r\n");
        }
        return resp.toString();
    }
}
