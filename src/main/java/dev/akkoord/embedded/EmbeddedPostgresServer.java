package dev.akkoord.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL 17 whose data lives in the data directory and survives restarts. */
public final class EmbeddedPostgresServer {

    public static final String DATABASE = "akkoord";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a durable server: consent records are legal evidence, so fsync and synchronous commit stay on. */
    public static EmbeddedPostgresServer start(Path dataDir) throws IOException {
        return start(dataDir, true);
    }

    /** Tests may trade durability for speed; production never calls this with {@code durable = false}. */
    public static EmbeddedPostgresServer start(Path dataDir, boolean durable) throws IOException {
        Files.createDirectories(dataDir);
        StaleProcess.stopIfRunning(dataDir.resolve("postmaster.pid"), "postgres", "INT");
        String onOff = durable ? "on" : "off";
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(FreePort.onLoopback())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                // zonky starts postgres with -F (fsync off); a later -c wins over it.
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .setServerConfig("full_page_writes", onOff)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
        server.createDatabaseIfMissing();
        LOG.infof("Embedded PostgreSQL running on 127.0.0.1:%d with data in %s", postgres.getPort(), dataDir);
        return server;
    }

    public int port() {
        return postgres.getPort();
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    void exportToQuarkus() {
        System.setProperty("quarkus.datasource.reactive.url", reactiveUrl());
        System.setProperty("quarkus.datasource.jdbc.url", jdbcUrl());
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "");
    }

    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet existing = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (existing.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("Could not create the " + DATABASE + " database", e);
        }
    }
}
