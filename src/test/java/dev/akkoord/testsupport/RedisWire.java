package dev.akkoord.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One Redis command over a raw socket on loopback, its first reply line back: what any local user could send, and a
 * way for tests to look at Redis without going through the service.
 */
public final class RedisWire {

    private RedisWire() {
    }

    /** Fails with an IOException when nothing listens or Redis closes the connection without a reply. */
    public static String send(int port, String... command) throws IOException {
        StringBuilder resp = new StringBuilder("*").append(command.length).append("\r\n");
        for (String part : command) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part)
                    .append("\r\n");
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(resp.toString().getBytes(StandardCharsets.UTF_8));
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (reply == null) {
                throw new IOException("Redis closed the connection without a reply");
            }
            return reply;
        }
    }
}
