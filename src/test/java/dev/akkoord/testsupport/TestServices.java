package dev.akkoord.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import dev.akkoord.embedded.EmbeddedPostgresServer;
import dev.akkoord.embedded.EmbeddedRedisServer;
import dev.akkoord.embedded.PostgresRoles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real PostgreSQL and Redis for every @QuarkusTest. By default they are embedded (a fresh machine has nothing
 * else); with {@code AKKOORD_TEST_EXTERNAL=true} the machine's servers on 127.0.0.1 are used, as CI does once.
 */
public final class TestServices implements QuarkusTestResourceLifecycleManager {

    private static final String MACHINE_HOST = "127.0.0.1";
    private static final int MACHINE_REDIS_PORT = 6379;

    private EmbeddedPostgresServer postgres;
    private EmbeddedRedisServer redis;

    private static final String POSTGRES_PORT = "akkoord.test.postgres-port";
    /** The embedded test servers authenticate as production's do; the password itself need not be secret here. */
    public static final String PASSWORD = "akkoord-test-password";
    /** The role attacks are made as: a database superuser, on the embedded server as on the machine's. */
    public static final String SUPERUSER = EmbeddedPostgresServer.USER;
    private static final PostgresRoles ROLES = new PostgresRoles(PASSWORD, PASSWORD);

    /** Extracted once per machine and shared by every run, as the test data directories are fresh each time. */
    public static Path postgresBinaries() {
        return Path.of(System.getProperty("java.io.tmpdir"), "akkoord-test-postgres-binaries");
    }

    public static boolean external() {
        return "true".equalsIgnoreCase(System.getenv("AKKOORD_TEST_EXTERNAL"));
    }

    /** The database the suite uses, named before the server is started (test profiles need it that early). */
    public static String databaseName() {
        return external() ? "test" : EmbeddedPostgresServer.DATABASE;
    }

    /**
     * Where the real PostgreSQL listens, once this resource has started it: for tests that put something between
     * the service and its database ({@link OutageProxy}). A system property, because test profiles and tests may
     * be loaded by different class loaders.
     */
    public static InetSocketAddress postgresAddress() {
        String port = System.getProperty(POSTGRES_PORT);
        if (port == null) {
            throw new IllegalStateException("TestServices has not started PostgreSQL yet");
        }
        return new InetSocketAddress(MACHINE_HOST, Integer.parseInt(port));
    }

    /**
     * The suite runs as production does: migrations as the owner role, the platform as the service role that owns
     * nothing, so every test also shows that the service works with the reduced rights. Tests that play an attacker
     * connect as the superuser themselves ({@link TestDatabase}).
     */
    @Override
    public Map<String, String> start() {
        if (external()) {
            clearAkkoordKeys(MACHINE_REDIS_PORT);
            System.setProperty(POSTGRES_PORT, "5432");
            applyRolesOnTheMachine();
            return Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/test",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test",
                    "quarkus.datasource.username", PostgresRoles.SERVICE,
                    "quarkus.datasource.password", PASSWORD,
                    "quarkus.flyway.username", PostgresRoles.OWNER,
                    "quarkus.flyway.password", PASSWORD,
                    "quarkus.redis.hosts", "redis://" + MACHINE_HOST + ":" + MACHINE_REDIS_PORT);
        }
        try {
            Path dir = Files.createTempDirectory("akkoord-test-");
            postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), postgresBinaries(), PASSWORD, false);
            postgres.applyRoles(ROLES);
            redis = EmbeddedRedisServer.start(dir.resolve("redis"), PASSWORD, false);
            System.setProperty(POSTGRES_PORT, String.valueOf(postgres.port()));
            return Map.of(
                    "quarkus.datasource.reactive.url", postgres.reactiveUrl(),
                    "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                    "quarkus.datasource.username", PostgresRoles.SERVICE,
                    "quarkus.datasource.password", PASSWORD,
                    "quarkus.flyway.username", PostgresRoles.OWNER,
                    "quarkus.flyway.password", PASSWORD,
                    // In the URL, so that a test profile naming another Redis drops the password with it.
                    "quarkus.redis.hosts", "redis://:" + PASSWORD + "@127.0.0.1:" + redis.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The machine's PostgreSQL trusts local connections, as CI's does; its superuser creates the two roles. */
    private static void applyRolesOnTheMachine() {
        String url = "jdbc:postgresql://" + MACHINE_HOST + ":5432/" + databaseName();
        try (Connection connection = DriverManager.getConnection(url, SUPERUSER, PASSWORD)) {
            ROLES.apply(connection, databaseName());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the test roles on the machine's PostgreSQL", e);
        }
    }

    /**
     * The machine's Redis outlives a run, and what a run leaves there (sign-in rate-limit windows above all) would
     * fail the next one: drop Akkoord's keys first, as Flyway's clean-at-start does for the test database.
     */
    private static void clearAkkoordKeys(int port) {
        String script = "for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end return 0";
        try {
            String reply = RedisWire.send(port, "EVAL", script, "0", "akkoord:*");
            if (reply.startsWith("-")) {
                throw new IllegalStateException("Redis did not clear the test keys: " + reply);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (redis != null) {
            redis.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }
}
