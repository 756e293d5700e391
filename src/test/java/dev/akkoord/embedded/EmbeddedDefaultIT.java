package dev.akkoord.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged platform on its embedded default: it starts with nothing configured, keeps its data across a restart,
 * runs PostgreSQL durably, and recovers from a JVM killed with its database and Redis still running.
 */
class EmbeddedDefaultIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepDataAcrossRestartsEvenAfterKillMinusNine() throws Exception {
        Path tmp = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-tmp"));
        Map<String, String> env = Map.of("AKKOORD_DATA_DIR", dataDir.toString(),
                "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
        String siteId;
        Path tokenFile = dataDir.resolve("admin-token");
        PlatformProcess first = PlatformProcess.start(dataDir.resolve("first.log"), env);
        try {
            assertTrue(Files.exists(tokenFile), "the generated operator token is stored in the data directory");
            String token = Files.readString(tokenFile).trim();
            HttpResponse<String> created = Http.send("POST", first.url("/api/v1/sites"), token,
                    "{\"name\":\"Survivor\",\"domains\":[\"www.example.test\"]}");
            assertEquals(201, created.statusCode(), created.body());
            siteId = Http.field(created.body(), "id");
            assertDurable(dataDir.resolve("postgres"));
            assertLeastPrivilege(dataDir.resolve("postgres"));
        } finally {
            first.kill();
        }
        List<ProcessHandle> orphans = children(dataDir);
        assertTrue(!orphans.isEmpty(), "after kill -9 the embedded servers are still running, as in real life");
        Path leftover = Files.writeString(dataDir.resolve("redis/bin/left-by-the-killed-instance"), "x");
        Path killedTemp = dataDir.resolve("tmp").resolve(Long.toString(first.pid()));
        assertTrue(Files.isDirectory(killedTemp), "the instance had its temp directory in the data directory");

        try (PlatformProcess second = PlatformProcess.start(dataDir.resolve("second.log"), env)) {
            String token = Files.readString(tokenFile).trim();
            HttpResponse<String> site = Http.send("GET", second.url("/api/v1/sites/" + siteId), token, null);
            assertEquals(200, site.statusCode(), site.body());
            assertEquals("Survivor", Http.field(site.body(), "name"));
        }
        assertTrue(!Files.exists(leftover), "the killed instance's binaries were removed at the next start");
        assertTrue(!Files.exists(killedTemp), "the killed instance's temp files were removed at the next start");
        try (var inTemp = Files.list(tmp)) {
            // zonky writes a 0.5 KB detection script through the JDK's temp API, which keeps the first directory.
            assertEquals(List.of(), inTemp.filter(path -> !path.getFileName().toString()
                    .startsWith("detect_linux_distribution_")).toList(),
                    "the platform leaves nothing else in the machine's temp directory");
        }
        for (ProcessHandle orphan : orphans) {
            assertTrue(orphan.onExit().isDone() || !orphan.isAlive(), "the stale server was stopped: " + orphan.pid());
        }
    }

    /** The platform connects as the service role, and the owner role ran the migrations; both passwords are 0600. */
    private static void assertLeastPrivilege(Path pgData) throws Exception {
        for (String file : List.of("postgres-owner-password", "postgres-service-password")) {
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(pgData.resolveSibling(file))), file);
        }
        try (Connection connection = superuser(pgData); Statement statement = connection.createStatement();
                ResultSet roles = statement.executeQuery("SELECT (SELECT string_agg(DISTINCT usename, ',') "
                        + "FROM pg_stat_activity WHERE datname = 'akkoord' AND pid <> pg_backend_pid()) AS connected, "
                        + "pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = 'consent_records'::regclass")) {
            roles.next();
            assertEquals(PostgresRoles.SERVICE, roles.getString("connected"));
            assertEquals(PostgresRoles.OWNER, roles.getString("owner"));
        }
    }

    private static Connection superuser(Path pgData) throws Exception {
        int port = Integer.parseInt(Files.readAllLines(pgData.resolve("postmaster.pid")).get(3).trim());
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/akkoord", "postgres",
                Files.readString(pgData.resolveSibling("postgres-password")).trim());
    }

    private static void assertDurable(Path pgData) throws Exception {
        int port = Integer.parseInt(Files.readAllLines(pgData.resolve("postmaster.pid")).get(3).trim());
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/akkoord", "postgres",
                Files.readString(pgData.resolveSibling("postgres-password")).trim());
                Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet value = statement.executeQuery("SHOW " + setting)) {
                    value.next();
                    assertEquals("on", value.getString(1), setting);
                }
            }
        }
    }

    /** The embedded servers of a data directory, found by their pid files. */
    private static List<ProcessHandle> children(Path dataDir) throws Exception {
        List<ProcessHandle> found = new java.util.ArrayList<>();
        for (Path pidFile : List.of(dataDir.resolve("postgres/postmaster.pid"), dataDir.resolve("redis/redis.pid"))) {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                handle.filter(ProcessHandle::isAlive).ifPresent(found::add);
            }
        }
        return found;
    }
}
