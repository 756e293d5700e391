package dev.akkoord.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;

import dev.akkoord.testsupport.RedisWire;
import io.quarkus.test.junit.QuarkusTestProfile;
import redis.embedded.RedisServer;

/**
 * The service's Redis is one of its own that keeps an append-only file, written on every command, and that a test
 * can stop and start again on the same port with the same file: what an operator's persistent Redis does. Quarkus
 * loads this class in more than one class loader, so where the server lives is kept in system properties.
 */
public final class PersistentRedisProfile implements QuarkusTestProfile {

    private static final String PORT = "akkoord.test.aof-redis.port";
    private static final String DIR = "akkoord.test.aof-redis.dir";

    @Override
    public Map<String, String> getConfigOverrides() {
        startOnce();
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port());
    }

    private static void startOnce() {
        synchronized (System.class) {
            if (System.getProperty(PORT) == null) {
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    System.setProperty(DIR, Files.createTempDirectory("akkoord-aof-redis-").toString());
                    System.setProperty(PORT, String.valueOf(socket.getLocalPort()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                start();
            }
        }
    }

    private static int port() {
        return Integer.parseInt(System.getProperty(PORT));
    }

    static void start() {
        try {
            RedisServer.newRedisServer()
                    .port(port())
                    .bind("127.0.0.1")
                    .setting("dir " + System.getProperty(DIR))
                    .setting("save \"\"")
                    .setting("appendonly yes")
                    .setting("appendfsync always")
                    .setting("daemonize no")
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As an operator stops it: SHUTDOWN, which writes the append-only file out and exits. */
    static void stop() throws InterruptedException {
        try {
            command("SHUTDOWN");
        } catch (IOException expected) {
            // Redis closes the connection as it exits.
        }
        for (int i = 0; i < 50; i++) {
            try {
                command("PING");
                Thread.sleep(100);
            } catch (IOException down) {
                return;
            }
        }
        throw new IllegalStateException("Redis on port " + port() + " did not stop");
    }

    /** One command straight to this Redis, for checks that must not go through the service. */
    static String command(String... parts) throws IOException {
        return RedisWire.send(port(), parts);
    }
}
