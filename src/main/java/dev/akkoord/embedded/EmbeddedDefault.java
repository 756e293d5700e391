package dev.akkoord.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.jboss.logging.Logger;

/**
 * Fills in what the operator did not configure: a data directory, an operator token, and embedded PostgreSQL and
 * Redis servers. Each is decided on its own, so an external PostgreSQL can be combined with an embedded Redis. The
 * embedded servers ask for passwords kept in the data directory and are restarted by a {@link ServerSupervisor} when
 * they die.
 */
final class EmbeddedDefault {

    static final String POSTGRES_PASSWORD_FILE = "postgres-password";
    static final String OWNER_PASSWORD_FILE = "postgres-owner-password";
    static final String SERVICE_PASSWORD_FILE = "postgres-service-password";
    static final String REDIS_PASSWORD_FILE = "redis-password";
    private static final Logger LOG = Logger.getLogger(EmbeddedDefault.class);

    private EmbeddedDefault() {
    }

    static void prepare() {
        Settings settings = Settings.fromEnvironment();
        Path dataDir = settings.dataDir();
        ServerSupervisor supervisor = new ServerSupervisor();
        try {
            DataDirectory.create(dataDir);
            if (settings.adminToken() == null) {
                Path tokenFile = AdminTokenFile.readOrCreate(dataDir);
                System.setProperty("akkoord.admin-token", AdminTokenFile.read(tokenFile));
                LOG.infof("Operator token: no AKKOORD_ADMIN_TOKEN set, using the one stored in %s", tokenFile);
            }
            EmbeddedPostgresServer postgres = null;
            EmbeddedRedisServer redis = null;
            if (!settings.databaseConfigured()) {
                postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"),
                        dataDir.resolve("postgres-binaries"),
                        SecretFile.readOrCreate(dataDir.resolve(POSTGRES_PASSWORD_FILE)), true);
                PostgresRoles roles = new PostgresRoles(SecretFile.readOrCreate(dataDir.resolve(OWNER_PASSWORD_FILE)),
                        SecretFile.readOrCreate(dataDir.resolve(SERVICE_PASSWORD_FILE)));
                postgres.applyRoles(roles);
                postgres.exportToQuarkus(roles);
                supervisor.watch(postgres);
            }
            if (!settings.redisConfigured()) {
                redis = EmbeddedRedisServer.start(dataDir.resolve("redis"),
                        SecretFile.readOrCreate(dataDir.resolve(REDIS_PASSWORD_FILE)), true);
                redis.exportToQuarkus();
                supervisor.watch(redis);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stopAll(supervisor, postgres, redis), "akkoord-embedded-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded default in " + dataDir, e);
        }
    }

    /** The supervisor first, so that stopping a server is not taken for its death. */
    private static Runnable stopAll(ServerSupervisor supervisor, EmbeddedPostgresServer postgres,
            EmbeddedRedisServer redis) {
        return () -> {
            supervisor.stop();
            if (redis != null) {
                redis.stop();
            }
            if (postgres != null) {
                postgres.stop();
            }
        };
    }
}
