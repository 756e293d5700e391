package dev.akkoord.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.akkoord.testsupport.CapturedLog;
import dev.akkoord.testsupport.TestServices;
import dev.akkoord.testsupport.Waits;

/** kill -9 of an embedded server: the supervisor brings it back on the same port, with its data and password. */
class ServerSupervisorTest {

    @TempDir
    Path dir;

    @Test
    void shouldBackOffFromHalfASecondDoublingToTenSeconds() {
        Duration delay = ServerSupervisor.FIRST_DELAY;
        StringBuilder delays = new StringBuilder().append(delay.toMillis());
        for (int attempt = 0; attempt < 6; attempt++) {
            delay = ServerSupervisor.nextDelay(delay);
            delays.append(' ').append(delay.toMillis());
        }
        assertEquals("500 1000 2000 4000 8000 10000 10000", delays.toString());
    }

    @Test
    void shouldRestartAKilledPostgresWithItsData() throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"),
                TestServices.postgresBinaries(), "pw", true);
        ServerSupervisor supervisor = new ServerSupervisor();
        try (CapturedLog log = CapturedLog.start()) {
            execute(postgres, "CREATE TABLE survivor (id int); INSERT INTO survivor VALUES (42)");
            supervisor.watch(postgres);
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
            killMinusNine(postmaster);
            Waits.until("the server to answer again", Duration.ofSeconds(15), () -> answers(postgres));
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "pw");
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT id FROM survivor")) {
                assertTrue(row.next());
                assertEquals(42, row.getInt(1));
            }
            assertEquals(1, supervisorWarnings(log).size(), log.describe());
        } finally {
            supervisor.stop();
            postgres.stop();
        }
    }

    /** As after a full disk: every restart fails until the cause is gone, and then one succeeds. */
    @Test
    void shouldKeepTryingUntilPostgresCanStartAgain() throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"),
                TestServices.postgresBinaries(), "pw", false);
        ServerSupervisor supervisor = new ServerSupervisor();
        Path version = dir.resolve("postgres/PG_VERSION");
        Path hidden = dir.resolve("PG_VERSION.hidden");
        try {
            supervisor.watch(postgres);
            Files.move(version, hidden);
            killMinusNine(Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim()));
            Thread.sleep(4000);
            assertTrue(!answers(postgres), "PostgreSQL cannot start without its PG_VERSION");
            Files.move(hidden, version);
            Waits.until("the server to answer again", Duration.ofSeconds(15), () -> answers(postgres));
        } finally {
            supervisor.stop();
            postgres.stop();
        }
    }

    @Test
    void shouldRestartAKilledRedisOnTheSamePort() throws Exception {
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(dir.resolve("redis"), "pw", false);
        ServerSupervisor supervisor = new ServerSupervisor();
        try (CapturedLog log = CapturedLog.start()) {
            supervisor.watch(redis);
            long pid = Long.parseLong(Files.readAllLines(dir.resolve("redis/redis.pid")).get(0).trim());
            killMinusNine(pid);
            Waits.until("the server to answer again", Duration.ofSeconds(15), () -> RedisPing.answers(redis.port(), "pw"));
            assertEquals(1, supervisorWarnings(log).size(), log.describe());
        } finally {
            supervisor.stop();
            redis.stop();
        }
    }

    private static List<?> supervisorWarnings(CapturedLog log) {
        return log.warnings().stream()
                .filter(record -> record.getLoggerName().equals(ServerSupervisor.class.getName())).toList();
    }

    static void killMinusNine(long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor());
    }

    private static boolean answers(EmbeddedPostgresServer postgres) {
        try {
            execute(postgres, "SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(EmbeddedPostgresServer postgres, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
