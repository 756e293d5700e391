package dev.akkoord.account;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The first operator account. Until some operator has chosen their own e-mail and password, an account named
 * {@code admin} exists whose password is the operator token ({@code AKKOORD_ADMIN_TOKEN}); signing in with it leads
 * straight to a form that sets both, after which {@code admin} is gone. A changed token is picked up at the next
 * start as long as that has not happened.
 */
@ApplicationScoped
final class OperatorBootstrap {

    static final String BOOTSTRAP_LOGIN = "admin";
    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class);

    private final Pool pool;
    private final Passwords passwords;
    private final Optional<String> adminToken;

    OperatorBootstrap(Pool pool, Passwords passwords,
            @ConfigProperty(name = "akkoord.admin-token") Optional<String> adminToken) {
        this.pool = pool;
        this.passwords = passwords;
        this.adminToken = adminToken.filter(token -> !token.isBlank());
    }

    /** Runs on the main thread before the HTTP server takes requests, so blocking here is fine. */
    void onStart(@Observes StartupEvent start) {
        long operators = pool.query("SELECT count(*) FROM dashboard_accounts WHERE role = 'operator' "
                + "AND NOT must_change_password").execute().await().indefinitely().iterator().next().getLong(0);
        if (operators > 0) {
            return;
        }
        if (adminToken.isEmpty()) {
            LOG.warn("No dashboard operator yet and no AKKOORD_ADMIN_TOKEN: set it to sign in to /dashboard");
            return;
        }
        String token = adminToken.get();
        Row existing = AccountService.first(pool.preparedQuery("SELECT password_hash FROM dashboard_accounts "
                + "WHERE email = $1").execute(Tuple.of(BOOTSTRAP_LOGIN)).await().indefinitely());
        if (existing != null && passwords.matches(token, existing.getString("password_hash")).await().indefinitely()) {
            return;
        }
        String hash = passwords.hash(token).await().indefinitely();
        // Two instances starting at once both get here; the unique e-mail lets exactly one insert win.
        pool.preparedQuery("INSERT INTO dashboard_accounts (id, email, password_hash, role, must_change_password, "
                + "created_at, updated_at) VALUES ($1, $2, $3, 'operator', true, $4, $4) "
                + "ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = $4")
                .execute(Tuple.of(UUID.randomUUID(), BOOTSTRAP_LOGIN, hash, AccountService.now()))
                .await().indefinitely();
        LOG.infof("Dashboard: sign in at /dashboard as '%s' with the operator token as password to create the "
                + "first operator account", BOOTSTRAP_LOGIN);
    }
}
