package dev.akkoord.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.akkoord.web.Outages;
import dev.akkoord.web.Sha256;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Server-side sessions in PostgreSQL, so every instance knows every session and signing out ends it everywhere.
 * The browser holds a random 256-bit id; the table holds only its hash.
 */
@ApplicationScoped
public class SessionStore {

    private static final Logger LOG = Logger.getLogger(SessionStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Writing last_seen_at on every page view would turn every read into a write. */
    private static final Duration TOUCH_AFTER = Duration.ofMinutes(1);

    private final Pool pool;
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final Outages outages;

    SessionStore(Pool pool, DashboardConfig config, Outages outages) {
        this.pool = pool;
        this.outages = outages;
        this.idleTimeout = config.sessionIdleTimeout();
        this.maxAge = config.sessionMaxAge();
    }

    public Uni<NewSession> create(Account account) {
        String cookieValue = randomId();
        String idHash = Sha256.hex(cookieValue);
        String csrf = HexFormat.of().formatHex(bytes(32));
        OffsetDateTime now = AccountService.now();
        return pool.preparedQuery("INSERT INTO dashboard_sessions (id_hash, account_id, csrf_token, created_at, "
                + "last_seen_at) VALUES ($1, $2, $3, $4, $4)")
                .execute(Tuple.of(idHash, account.id(), csrf, now))
                .map(ignored -> new NewSession(cookieValue, new Session(idHash, account, csrf)));
    }

    /** The live session for a cookie value, or null when there is none or it has expired. */
    public Uni<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.length() != 43) {
            return Uni.createFrom().nullItem();
        }
        String idHash = Sha256.hex(cookieValue);
        return pool.preparedQuery("SELECT s.csrf_token, s.created_at, s.last_seen_at, a.id, a.email, a.role, "
                + "a.must_change_password FROM dashboard_sessions s JOIN dashboard_accounts a ON a.id = s.account_id "
                + "WHERE s.id_hash = $1")
                .execute(Tuple.of(idHash))
                .flatMap(rows -> {
                    Row row = AccountService.first(rows);
                    if (row == null) {
                        return Uni.createFrom().nullItem();
                    }
                    OffsetDateTime now = AccountService.now();
                    OffsetDateTime lastSeen = row.getOffsetDateTime("last_seen_at");
                    if (lastSeen.plus(idleTimeout).isBefore(now)
                            || row.getOffsetDateTime("created_at").plus(maxAge).isBefore(now)) {
                        return delete(idHash).replaceWith((Session) null);
                    }
                    Session session = new Session(idHash, AccountService.account(row), row.getString("csrf_token"));
                    if (lastSeen.plus(TOUCH_AFTER).isAfter(now)) {
                        return Uni.createFrom().item(session);
                    }
                    return pool.preparedQuery("UPDATE dashboard_sessions SET last_seen_at = $2 WHERE id_hash = $1")
                            .execute(Tuple.of(idHash, now)).replaceWith(session);
                });
    }

    public Uni<Void> delete(String idHash) {
        return pool.preparedQuery("DELETE FROM dashboard_sessions WHERE id_hash = $1").execute(Tuple.of(idHash))
                .replaceWithVoid();
    }

    /** Ends every session of an account, e.g. after its password changed. */
    public Uni<Void> deleteAll(UUID accountId) {
        return pool.preparedQuery("DELETE FROM dashboard_sessions WHERE account_id = $1").execute(Tuple.of(accountId))
                .replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        OffsetDateTime now = AccountService.now();
        return pool.preparedQuery("DELETE FROM dashboard_sessions WHERE last_seen_at < $1 OR created_at < $2")
                .execute(Tuple.of(now.minus(idleTimeout), now.minus(maxAge)))
                .invoke(rows -> LOG.debugf("Removed %d expired dashboard sessions", rows.rowCount()))
                .onFailure().invoke(failure -> {
                    if (!outages.noticed(failure)) {
                        LOG.warnf("Expired dashboard sessions not removed: %s", failure.getMessage());
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** 256 random bits as 43 URL-safe base64 characters. */
    public static String randomId() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
