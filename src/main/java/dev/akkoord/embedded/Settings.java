package dev.akkoord.embedded;

import java.nio.file.Path;

/**
 * What the operator configured, read before Quarkus starts (so only system properties and environment variables
 * count, the two places Quarkus itself gives precedence over application.properties).
 */
record Settings(Path dataDir, String adminToken, boolean databaseConfigured, boolean redisConfigured) {

    static Settings fromEnvironment() {
        String dataDir = lookup("akkoord.data-dir", "AKKOORD_DATA_DIR");
        return new Settings(
                Path.of(dataDir == null ? "data" : dataDir).toAbsolutePath(),
                lookup("akkoord.admin-token", "AKKOORD_ADMIN_TOKEN"),
                lookup("quarkus.datasource.reactive.url", "QUARKUS_DATASOURCE_REACTIVE_URL") != null
                        || lookup("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL") != null,
                lookup("quarkus.redis.hosts", "QUARKUS_REDIS_HOSTS") != null);
    }

    static String lookup(String property, String environmentVariable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
