package dev.akkoord.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 whose data lives in the data directory and survives restarts. It listens on loopback only and
 * every connection authenticates with a password ({@link PostgresAuthentication}); the platform itself connects as the
 * roles of {@link PostgresRoles}, not as the superuser. Its binaries are
 * extracted into a directory the caller names, not the shared temp directory. {@link #restart()} starts it again on the
 * same port after its process died.
 */
public final class EmbeddedPostgresServer implements Supervised {

    public static final String DATABASE = "akkoord";
    public static final String USER = "postgres";
    private static final Duration RESTART_WAIT = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final PostgresBinaries binaries;
    private final Map<String, String> serverConfig;
    private final String password;
    private volatile Optional<ProcessHandle> postmaster;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, PostgresBinaries binaries,
            Map<String, String> serverConfig, String password) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.binaries = binaries;
        this.serverConfig = serverConfig;
        this.password = password;
        this.postmaster = postmasterOf(dataDir);
    }

    /**
     * Starts a server on {@code dataDir} (made at first start). With {@code durable} fsync and synchronous commit stay
     * on, as consent records are legal evidence; tests may trade that for speed, production never does.
     */
    public static EmbeddedPostgresServer start(Path dataDir, Path binariesDir, String password, boolean durable)
            throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(binariesDir);
        StaleProcess.stopIfRunning(dataDir.resolve("postmaster.pid"), "postgres", "INT");
        Map<String, String> serverConfig = serverConfig(durable);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binariesDir.toFile())
                .setPort(FreePort.onLoopback())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setConnectConfig("password", password)
                .setDataDirectoryCustomizer(pgData -> authenticate(pgData.toPath(), binariesDir, password));
        serverConfig.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDir, PostgresBinaries.in(binariesDir),
                serverConfig, password);
        server.createDatabaseIfMissing();
        LOG.infof("Embedded PostgreSQL running on 127.0.0.1:%d with data in %s", postgres.getPort(), dataDir);
        return server;
    }

    private static Map<String, String> serverConfig(boolean durable) {
        String onOff = durable ? "on" : "off";
        Map<String, String> config = new LinkedHashMap<>();
        // zonky starts postgres with -F (fsync off); a later -c wins over it.
        config.put("fsync", onOff);
        config.put("synchronous_commit", onOff);
        config.put("full_page_writes", onOff);
        config.put("listen_addresses", "127.0.0.1");
        config.put("password_encryption", "scram-sha-256");
        config.put("max_connections", "100");
        return config;
    }

    private static void authenticate(Path pgData, Path binariesDir, String password) {
        try {
            PostgresAuthentication.apply(pgData, PostgresBinaries.in(binariesDir), USER, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String password() {
        return password;
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** Creates Akkoord's two roles or brings them up to date ({@link PostgresRoles}), as the superuser. */
    public void applyRoles(PostgresRoles roles) throws IOException {
        try (Connection connection = connect(DATABASE)) {
            roles.apply(connection, DATABASE);
        } catch (SQLException e) {
            throw new IOException("Could not set up the database roles", e);
        }
    }

    /** The migrations run as the owner, the platform as the service role; the superuser is not handed out. */
    void exportToQuarkus(PostgresRoles roles) {
        System.setProperty("quarkus.datasource.reactive.url", reactiveUrl());
        System.setProperty("quarkus.datasource.jdbc.url", jdbcUrl());
        System.setProperty("quarkus.datasource.username", PostgresRoles.SERVICE);
        System.setProperty("quarkus.datasource.password", roles.servicePassword());
        System.setProperty("quarkus.flyway.username", PostgresRoles.OWNER);
        System.setProperty("quarkus.flyway.password", roles.ownerPassword());
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public boolean isRunning() {
        return postmaster.map(ProcessHandle::isAlive).orElse(false);
    }

    /** pg_ctl with zonky's options; PostgreSQL itself replaces the stale postmaster.pid of a dead server. */
    @Override
    public synchronized void restart() throws IOException {
        String options = "-p " + port() + " -F " + serverConfig.entrySet().stream()
                .map(setting -> "-c " + setting.getKey() + "=" + setting.getValue())
                .collect(Collectors.joining(" "));
        List<String> command = binaries.command("pg_ctl", "-D", dataDir.toString(), "-o", options, "-w",
                "-t", Long.toString(RESTART_WAIT.toSeconds()), "-l", restartLog().toString(), "start");
        Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(restartLog().toFile())).start();
        try {
            if (!pgCtl.waitFor(RESTART_WAIT.toSeconds() + 5, TimeUnit.SECONDS)) {
                pgCtl.destroyForcibly();
                throw new IOException("pg_ctl start did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting PostgreSQL", e);
        }
        postmaster = postmasterOf(dataDir);
        if (pgCtl.exitValue() != 0 || !isRunning()) {
            throw new IOException("PostgreSQL did not start (pg_ctl exit " + pgCtl.exitValue() + ")");
        }
        checkConnection();
    }

    /** The server's own log after a restart (why it did not come back, a full disk say). */
    Path restartLog() {
        return dataDir.resolveSibling("postgres.log");
    }

    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private static Optional<ProcessHandle> postmasterOf(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Connection connect(String database) throws SQLException {
        return postgres.getDatabase(USER, database).getConnection();
    }

    private void checkConnection() throws IOException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw new IOException("PostgreSQL started but does not answer", e);
        }
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
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
