package dev.akkoord.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.logging.Logger;

import redis.embedded.RedisServer;

/** Redis 6.2 from the embedded-redis artifact, keeping its append-only file in the data directory. */
public final class EmbeddedRedisServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedRedisServer.class);

    private final RedisServer redis;
    private final int port;

    private EmbeddedRedisServer(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    /** With {@code persistent}, crawl queues and caches survive a restart; tests run without a file. */
    public static EmbeddedRedisServer start(Path dataDir, boolean persistent) throws IOException {
        Files.createDirectories(dataDir);
        Path pidFile = dataDir.resolve("redis.pid");
        StaleProcess.stopIfRunning(pidFile, "redis-server", "TERM");
        int port = FreePort.onLoopback();
        RedisServer redis = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir " + dataDir)
                .setting("pidfile " + pidFile)
                .setting("save \"\"")
                .setting("appendonly " + (persistent ? "yes" : "no"))
                .setting("daemonize no")
                .onShutdownForceStop(true)
                .build();
        redis.start();
        LOG.infof("Embedded Redis running on 127.0.0.1:%d with data in %s", port, dataDir);
        return new EmbeddedRedisServer(redis, port);
    }

    static EmbeddedRedisServer start(Path dataDir) throws IOException {
        return start(dataDir, true);
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    void exportToQuarkus() {
        System.setProperty("quarkus.redis.hosts", url());
    }

    public void stop() {
        try {
            redis.stop();
        } catch (IOException e) {
            LOG.warn("Embedded Redis did not stop cleanly", e);
        }
    }
}
