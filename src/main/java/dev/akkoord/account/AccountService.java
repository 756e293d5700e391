package dev.akkoord.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.HashSet;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Dashboard accounts, their passwords and the sites granted to owners. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final String COLUMNS = "id, email, role, must_change_password";

    private final Pool pool;
    private final Passwords passwords;

    AccountService(Pool pool, Passwords passwords) {
        this.pool = pool;
        this.passwords = passwords;
    }

    /** The account whose e-mail and password match, or null; equally slow either way. */
    public Uni<Account> authenticate(String email, String password) {
        return pool.preparedQuery("SELECT " + COLUMNS + ", password_hash FROM dashboard_accounts WHERE email = $1")
                .execute(Tuple.of(normalizeLogin(email)))
                .flatMap(rows -> {
                    Row row = first(rows);
                    return passwords.matches(password, row == null ? null : row.getString("password_hash"))
                            .map(matched -> matched ? account(row) : null);
                });
    }

    public Uni<List<Account>> listAccounts() {
        return pool.query("SELECT " + COLUMNS + " FROM dashboard_accounts ORDER BY role, email").execute()
                .map(AccountService::accounts);
    }

    /** Creates an account with a temporary password, to be replaced at its first sign-in. */
    public Uni<Account> createAccount(String email, Role role, String temporaryPassword) {
        String address = email(email);
        Passwords.checkPolicy(temporaryPassword);
        LOG.debugf("Creating %s account %s", role.key(), address);
        return passwords.hash(temporaryPassword)
                .flatMap(hash -> pool.preparedQuery("INSERT INTO dashboard_accounts (id, email, password_hash, role, "
                        + "must_change_password, created_at, updated_at) VALUES ($1, $2, $3, $4, true, $5, $5) "
                        + "RETURNING " + COLUMNS)
                        .execute(Tuple.of(UUID.randomUUID(), address, hash, role.key(), now())))
                .onFailure(AccountService::isUniqueViolation).transform(failure ->
                        new ProblemException(409, "Conflict", "An account for " + address + " exists already"))
                .map(rows -> account(first(rows)));
    }

    /**
     * Sets an account's e-mail address and password and lifts the must-change flag. The e-mail is required while
     * the account is still the bootstrap {@code admin}.
     */
    public Uni<Account> setCredentials(Account account, String email, String newPassword) {
        String address = email == null || email.isBlank() ? account.email() : email(email);
        if (!EMAIL.matcher(address).matches()) {
            throw ProblemException.badRequest("Enter your e-mail address; it becomes your sign-in name");
        }
        Passwords.checkPolicy(newPassword);
        return passwords.hash(newPassword)
                .flatMap(hash -> pool.preparedQuery("UPDATE dashboard_accounts SET email = $2, password_hash = $3, "
                        + "must_change_password = false, updated_at = $4 WHERE id = $1 RETURNING " + COLUMNS)
                        .execute(Tuple.of(account.id(), address, hash, now())))
                .onFailure(AccountService::isUniqueViolation).transform(failure ->
                        new ProblemException(409, "Conflict", "Another account uses " + address))
                .map(rows -> account(first(rows)));
    }

    public Uni<Void> deleteAccount(UUID id) {
        return pool.preparedQuery("DELETE FROM dashboard_accounts WHERE id = $1").execute(Tuple.of(id))
                .replaceWithVoid();
    }

    public Uni<Void> grant(UUID accountId, UUID siteId) {
        return pool.preparedQuery("INSERT INTO dashboard_grants (account_id, site_id, granted_at) "
                + "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING").execute(Tuple.of(accountId, siteId, now()))
                .onFailure(PgException.class).transform(failure ->
                        ProblemException.notFound("No such account or site"))
                .replaceWithVoid();
    }

    public Uni<Void> revoke(UUID accountId, UUID siteId) {
        return pool.preparedQuery("DELETE FROM dashboard_grants WHERE account_id = $1 AND site_id = $2")
                .execute(Tuple.of(accountId, siteId)).replaceWithVoid();
    }

    /** The sites granted to an owner (an operator's grants are not consulted: operators see every site). */
    public Uni<Set<UUID>> grantedSites(UUID accountId) {
        return pool.preparedQuery("SELECT site_id FROM dashboard_grants WHERE account_id = $1")
                .execute(Tuple.of(accountId))
                .map(rows -> {
                    Set<UUID> sites = new HashSet<>();
                    rows.forEach(row -> sites.add(row.getUUID("site_id")));
                    return sites;
                });
    }

    /** The e-mail addresses of the owners a site is granted to, for its alerts. */
    public Uni<List<String>> ownerAddresses(UUID siteId) {
        return pool.preparedQuery("SELECT a.email FROM dashboard_accounts a JOIN dashboard_grants g "
                        + "ON g.account_id = a.id WHERE g.site_id = $1 AND a.role = 'owner' ORDER BY a.email")
                .execute(Tuple.of(siteId))
                .map(rows -> {
                    List<String> addresses = new ArrayList<>();
                    rows.forEach(row -> addresses.add(row.getString("email")));
                    return addresses;
                });
    }

    public Uni<Boolean> mayAccess(Account account, UUID siteId) {
        if (account.isOperator()) {
            return Uni.createFrom().item(true);
        }
        return pool.preparedQuery("SELECT 1 FROM dashboard_grants WHERE account_id = $1 AND site_id = $2")
                .execute(Tuple.of(account.id(), siteId)).map(rows -> rows.size() > 0);
    }

    static String email(String email) {
        String address = normalizeLogin(email);
        if (!EMAIL.matcher(address).matches() || address.length() > 254) {
            throw ProblemException.badRequest("'" + email + "' is not an e-mail address");
        }
        return address;
    }

    static String normalizeLogin(String login) {
        return login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    }

    static Account account(Row row) {
        return new Account(row.getUUID("id"), row.getString("email"), Role.fromKey(row.getString("role")),
                row.getBoolean("must_change_password"));
    }

    private static List<Account> accounts(RowSet<Row> rows) {
        List<Account> accounts = new ArrayList<>();
        rows.forEach(row -> accounts.add(account(row)));
        return accounts;
    }

    static Row first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
