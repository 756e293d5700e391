package dev.akkoord.testsupport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * Raw SQL against the test database as its superuser, for what the API must never allow: tests play the part of
 * someone with full database access and check that the ledger notices. Its own connections, straight to the server
 * (not through a test profile's proxy), since the platform's own pool runs as the service role, which may do none of
 * this.
 */
@ApplicationScoped
public class TestDatabase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private Pool pool;

    TestDatabase(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The superuser's pool, opened on first use. */
    public synchronized Pool pool() {
        if (pool == null) {
            InetSocketAddress server = TestServices.postgresAddress();
            PgConnectOptions options = new PgConnectOptions().setHost(server.getHostString())
                    .setPort(server.getPort()).setDatabase(TestServices.databaseName())
                    .setUser(TestServices.SUPERUSER).setPassword(TestServices.PASSWORD);
            pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(options).using(vertx).build();
        }
        return pool;
    }

    @PreDestroy
    synchronized void close() {
        if (pool != null) {
            pool.closeAndAwait();
        }
    }

    public RowSet<Row> query(String sql, Object... arguments) {
        return pool().preparedQuery(sql).execute(Tuple.from(Arrays.asList(arguments))).await().atMost(TIMEOUT);
    }

    public long queryLong(String sql, Object... arguments) {
        return query(sql, arguments).iterator().next().getLong(0);
    }

    public List<Long> queryLongs(String sql, Object... arguments) {
        List<Long> values = new ArrayList<>();
        for (Row row : query(sql, arguments)) {
            values.add(row.getLong(0));
        }
        return values;
    }

    /**
     * Runs a statement the way an attacker with the table owner's rights would: the append-only triggers are
     * switched off for one transaction, so nobody else ever sees them off.
     */
    public int asAttacker(String sql, Object... arguments) {
        return pool().withTransaction(connection -> connection
                .query("ALTER TABLE consent_records DISABLE TRIGGER USER").execute()
                .flatMap(ignored -> connection.preparedQuery(sql).execute(Tuple.from(Arrays.asList(arguments))))
                .call(ignored -> connection.query("ALTER TABLE consent_records ENABLE TRIGGER USER").execute())
                .map(RowSet::rowCount))
                .await().atMost(TIMEOUT);
    }

    /** Runs a statement that must fail and returns PostgreSQL's error. */
    public PgException refusal(String sql, Object... arguments) {
        try {
            query(sql, arguments);
        } catch (PgException e) {
            return e;
        }
        throw new AssertionError("PostgreSQL accepted: " + sql);
    }
}
