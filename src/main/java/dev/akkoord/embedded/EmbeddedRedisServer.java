package dev.akkoord.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import redis.embedded.core.ExecutableProvider;

/**
 * Redis 6.2 from the embedded-redis artifact, keeping its append-only file in the data directory. It listens on
 * loopback only and asks for the password ({@code requirepass}). The binary and the configuration (which holds the
 * password) are written under the data directory, not the shared temp directory, and the binary is extracted afresh
 * at every start, so a killed instance leaves nothing behind elsewhere. Launched as a child process of its own, which
 * {@link #restart()} starts again on the same port.
 */
public final class EmbeddedRedisServer implements Supervised {

    private static final Duration START_WAIT = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger(EmbeddedRedisServer.class);

    private final Path binary;
    private final Path config;
    private final int port;
    private final String password;
    private volatile Process process;

    private EmbeddedRedisServer(Path binary, Path config, int port, String password) {
        this.binary = binary;
        this.config = config;
        this.port = port;
        this.password = password;
    }

    /** With {@code persistent}, crawl queues and caches survive a restart; tests run without a file. */
    public static EmbeddedRedisServer start(Path dataDir, String password, boolean persistent) throws IOException {
        Files.createDirectories(dataDir);
        Path pidFile = dataDir.resolve("redis.pid");
        StaleProcess.stopIfRunning(pidFile, "redis-server", "TERM");
        Path binDir = dataDir.resolve("bin");
        ScratchDirectory.recreate(binDir);
        Path binary = ExecutableProvider.newJarResourceProvider(binDir.toFile()).get().toPath();
        int port = FreePort.onLoopback();
        Path config = dataDir.resolve("redis.conf");
        Files.writeString(config, "", StandardCharsets.UTF_8);
        DataDirectory.ownerOnly(config, "rw-------");
        Files.writeString(config, String.join("\n",
                "# Written by Akkoord at every start.",
                "bind 127.0.0.1",
                "port " + port,
                "protected-mode yes",
                "requirepass " + password,
                "dir " + dataDir,
                "pidfile " + pidFile,
                "logfile " + dataDir.resolve("redis.log"),
                "save \"\"",
                "appendonly " + (persistent ? "yes" : "no"),
                "daemonize no",
                ""), StandardCharsets.UTF_8);
        EmbeddedRedisServer server = new EmbeddedRedisServer(binary, config, port, password);
        server.launch();
        LOG.infof("Embedded Redis running on 127.0.0.1:%d with data in %s", port, dataDir);
        return server;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    void exportToQuarkus() {
        System.setProperty("quarkus.redis.hosts", url());
        System.setProperty("quarkus.redis.password", password);
    }

    @Override
    public String name() {
        return "Redis";
    }

    @Override
    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public synchronized void restart() throws IOException {
        launch();
    }

    public void stop() {
        Process running = process;
        running.destroy();
        try {
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void launch() throws IOException {
        File log = config.resolveSibling("redis.log").toFile();
        Process started = new ProcessBuilder(binary.toString(), config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        process = started;
        Instant deadline = Instant.now().plus(START_WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (!started.isAlive()) {
                throw new IOException("Redis exited with " + started.exitValue() + " at start; see " + log);
            }
            if (RedisPing.answers(port, password)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                started.destroyForcibly();
                throw new IOException("Interrupted while starting Redis", e);
            }
        }
        started.destroyForcibly();
        throw new IOException("Redis did not answer within " + START_WAIT);
    }
}
