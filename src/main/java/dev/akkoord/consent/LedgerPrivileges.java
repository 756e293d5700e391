package dev.akkoord.consent;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Says at startup when the platform connects as a role that could rewrite the ledger: a superuser, or the owner (or
 * a member of the owner) of the consent tables, as when one role was configured for migrations and runtime alike.
 * The platform works, but the database no longer keeps the records append-only; only the signed checkpoints would
 * show a rewrite.
 */
@ApplicationScoped
public class LedgerPrivileges {

    private static final Logger LOG = Logger.getLogger(LedgerPrivileges.class);

    private static final String ROLE = "SELECT current_user AS role, r.rolsuper AS superuser, "
            + "pg_has_role(current_user, c.relowner, 'MEMBER') AS owner, pg_get_userbyid(c.relowner) AS table_owner "
            + "FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = to_regclass('consent_records')";

    private final Pool pool;

    LedgerPrivileges(Pool pool) {
        this.pool = pool;
    }

    void onStart(@Observes StartupEvent event) {
        concern(pool).subscribe().with(found -> found.ifPresent(LOG::warn),
                failure -> LOG.debugf("Could not check the database role's privileges: %s", failure.getMessage()));
    }

    /** What is wrong with the role {@code client} connects as, if anything. */
    public static Uni<Optional<String>> concern(SqlClient client) {
        return client.query(ROLE).execute().map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            String why = row.getBoolean("superuser") ? "is a superuser"
                    : row.getBoolean("owner") ? "owns the consent tables (through " + row.getString("table_owner") + ")"
                    : null;
            return Optional.ofNullable(why).map(reason -> "The platform connects to PostgreSQL as '"
                    + row.getString("role") + "', which " + reason + ": it could rewrite consent records and switch "
                    + "off their append-only triggers, so only the signed checkpoints would reveal tampering. Run the "
                    + "migrations as the owner (QUARKUS_FLYWAY_USERNAME) and the platform as a role that owns "
                    + "nothing (QUARKUS_DATASOURCE_USERNAME); see the README, \"External PostgreSQL: two roles\".");
        });
    }
}
