package dev.akkoord.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.akkoord.testsupport.RedisWire;
import dev.akkoord.testsupport.TestServices;

/** The embedded servers refuse whoever does not show the password, over TCP and PostgreSQL's Unix socket alike. */
class EmbeddedServersAuthenticationTest {

    @TempDir
    Path dir;

    @Test
    void shouldGenerateAPasswordFileOnlyTheOwnerReadsAndKeepIt() throws Exception {
        Path file = dir.resolve("postgres-password");
        String first = SecretFile.readOrCreate(file);
        assertEquals(64, first.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first, SecretFile.readOrCreate(file), "a later start reuses the password");
    }

    @Test
    void shouldRefusePostgresConnectionsWithoutThePassword() throws Exception {
        String password = SecretFile.readOrCreate(dir.resolve("postgres-password"));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"),
                TestServices.postgresBinaries(), password, false);
        try {
            assertRefused(postgres.jdbcUrl(), null);
            assertRefused(postgres.jdbcUrl(), "wrong");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", password);
                    Statement statement = connection.createStatement()) {
                assertTrue(statement.execute("SELECT 1"));
            }
            String hba = Files.readString(dir.resolve("postgres/pg_hba.conf"));
            assertFalse(hba.contains("trust"), hba);
            assertTrue(hba.contains("scram-sha-256"), hba);
        } finally {
            postgres.stop();
        }
        EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dir.resolve("postgres"),
                TestServices.postgresBinaries(), password, false);
        try {
            assertRefused(again.jdbcUrl(), null);
            DriverManager.getConnection(again.jdbcUrl(), "postgres", password).close();
        } finally {
            again.stop();
        }
    }

    @Test
    void shouldAnswerNoauthToRedisClientsWithoutThePassword() throws Exception {
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(dir.resolve("redis"), "s3cret", false);
        try {
            assertTrue(RedisWire.send(redis.port(), "PING").startsWith("-NOAUTH"), "PING without AUTH");
            assertTrue(RedisWire.send(redis.port(), "AUTH", "wrong").startsWith("-WRONGPASS"));
            assertEquals("+OK", RedisWire.send(redis.port(), "AUTH", "s3cret"));
            assertEquals("rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("redis/redis.conf"))));
        } finally {
            redis.stop();
        }
    }

    private static void assertRefused(String url, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, properties).close());
        assertTrue(refused.getMessage().contains("password") || refused.getMessage().contains("authentication")
                || refused.getSQLState().startsWith("28") || refused.getSQLState().startsWith("08"),
                refused.getMessage());
    }
}
