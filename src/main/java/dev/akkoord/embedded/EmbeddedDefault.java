package dev.akkoord.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.jboss.logging.Logger;

/**
 * Fills in what the operator did not configure: a data directory, an operator token, and embedded PostgreSQL and
 * Redis servers. Each is decided on its own, so an external PostgreSQL can be combined with an embedded Redis.
 */
final class EmbeddedDefault {

    private static final Logger LOG = Logger.getLogger(EmbeddedDefault.class);

    private EmbeddedDefault() {
    }

    static void prepare() {
        Settings settings = Settings.fromEnvironment();
        Path dataDir = settings.dataDir();
        try {
            DataDirectory.create(dataDir);
            if (settings.adminToken() == null) {
                Path tokenFile = AdminTokenFile.readOrCreate(dataDir);
                System.setProperty("akkoord.admin-token", AdminTokenFile.read(tokenFile));
                LOG.infof("Operator token: no AKKOORD_ADMIN_TOKEN set, using the one stored in %s", tokenFile);
            }
            if (!settings.databaseConfigured()) {
                EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
                postgres.exportToQuarkus();
                Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "akkoord-postgres-stop"));
            }
            if (!settings.redisConfigured()) {
                EmbeddedRedisServer redis = EmbeddedRedisServer.start(dataDir.resolve("redis"));
                redis.exportToQuarkus();
                Runtime.getRuntime().addShutdownHook(new Thread(redis::stop, "akkoord-redis-stop"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded default in " + dataDir, e);
        }
    }
}
