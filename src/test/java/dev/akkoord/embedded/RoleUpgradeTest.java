package dev.akkoord.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.TestServices;

/**
 * A data directory from before the two roles: its schema was migrated by the superuser, which owns every table. At
 * the next start the roles are created, the tables handed to the owner, and the owner's migrations take the rest.
 */
class RoleUpgradeTest {

    private static final PostgresRoles ROLES = new PostgresRoles("owner-secret", "service-secret");

    @Test
    void shouldUpgradeADataDirectoryMigratedByTheSuperuser() throws Exception {
        Path dir = Files.createTempDirectory("akkoord-roles-");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"),
                TestServices.postgresBinaries(), TestServices.PASSWORD, false);
        try {
            migrate(postgres, EmbeddedPostgresServer.USER, TestServices.PASSWORD, "60");
            try (Connection superuser = connect(postgres, EmbeddedPostgresServer.USER, TestServices.PASSWORD)) {
                execute(superuser, "INSERT INTO sites (id, name, domains, settings, current_banner_version, "
                        + "created_at, updated_at) VALUES (gen_random_uuid(), 'Before', 'www.example.test', '{}', "
                        + "'v', now(), now())");
            }

            postgres.applyRoles(ROLES);
            migrate(postgres, PostgresRoles.OWNER, ROLES.ownerPassword(), "latest");
            postgres.applyRoles(ROLES); // every start does it again

            try (Connection superuser = connect(postgres, EmbeddedPostgresServer.USER, TestServices.PASSWORD)) {
                assertEquals(0, count(superuser, "SELECT count(*) FROM pg_class WHERE relnamespace = "
                        + "'public'::regnamespace AND relkind IN ('r', 'S') AND relowner <> '"
                        + PostgresRoles.OWNER + "'::regrole"), "every table and sequence belongs to the owner");
                assertEquals(0, count(superuser, "SELECT count(*) FROM pg_proc WHERE pronamespace = "
                        + "'public'::regnamespace AND proowner <> '" + PostgresRoles.OWNER + "'::regrole"));
            }
            try (Connection service = connect(postgres, PostgresRoles.SERVICE, ROLES.servicePassword())) {
                assertEquals(1, count(service, "SELECT count(*) FROM sites WHERE name = 'Before'"));
                for (String attack : new String[] { "DELETE FROM consent_records",
                        "ALTER TABLE consent_records DISABLE TRIGGER USER", "DROP TABLE consent_checkpoints" }) {
                    SQLException refusal = assertThrows(SQLException.class, () -> execute(service, attack));
                    assertEquals("42501", refusal.getSQLState(), attack + ": " + refusal.getMessage());
                }
            }
        } finally {
            postgres.stop();
        }
    }

    private static void migrate(EmbeddedPostgresServer postgres, String user, String password, String target) {
        Flyway.configure().dataSource(postgres.jdbcUrl(), user, password)
                .placeholders(Map.of("service_role", PostgresRoles.SERVICE)).target(target).load().migrate();
    }

    private static Connection connect(EmbeddedPostgresServer postgres, String user, String password)
            throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), user, password);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }
}
