package dev.akkoord.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two roles Akkoord uses on a PostgreSQL it manages itself: the owner, which owns the schema and runs the
 * migrations, and the service, which the running platform connects as and which owns nothing (so it can neither
 * rewrite consent records nor switch off the triggers that keep them). Applied by a superuser at every start, so a
 * data directory made before there were two roles is brought up to date before the migrations run.
 */
public record PostgresRoles(String ownerPassword, String servicePassword) {

    public static final String OWNER = "akkoord_owner";
    public static final String SERVICE = "akkoord_service";

    /**
     * Creates the roles or resets their passwords, makes the owner the owner of {@code database} (and so, from
     * PostgreSQL 15, of its public schema) and hands it every table and function that a single-role Akkoord left to
     * the superuser. {@code superuser} must be connected to {@code database}.
     */
    public void apply(Connection superuser, String database) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            ensureRole(statement, OWNER, ownerPassword);
            ensureRole(statement, SERVICE, servicePassword);
            statement.execute("ALTER DATABASE " + identifier(database) + " OWNER TO " + OWNER);
            statement.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + OWNER);
            statement.execute(HAND_OVER);
        }
    }

    /** Tables carry their indexes and serial sequences along; functions must be handed over one by one. */
    private static final String HAND_OVER = """
            DO $$
            DECLARE
                o record;
            BEGIN
                FOR o IN SELECT c.oid::regclass AS name FROM pg_class c
                          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                            AND c.relowner <> '%1$s'::regrole LOOP
                    EXECUTE format('ALTER TABLE %%s OWNER TO %1$s', o.name);
                END LOOP;
                FOR o IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                          WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '%1$s'::regrole LOOP
                    EXECUTE format('ALTER FUNCTION %%s OWNER TO %1$s', o.name);
                END LOOP;
            END $$""".formatted(OWNER);

    private static void ensureRole(Statement statement, String role, String password) throws SQLException {
        statement.execute("""
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN;
                    END IF;
                END $$""".formatted(role));
        statement.execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                + "NOBYPASSRLS PASSWORD " + literal(password));
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
