package dev.akkoord.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Resolves the {@code Authorization: Bearer} header to a {@link Caller}. */
@ApplicationScoped
public final class CallerResolver {

    private static final String BEARER = "Bearer ";

    private final Pool pool;
    private final byte[] operatorToken;

    CallerResolver(Pool pool, @ConfigProperty(name = "akkoord.admin-token") Optional<String> operatorToken) {
        this.pool = pool;
        this.operatorToken = operatorToken.filter(token -> !token.isBlank())
                .map(token -> token.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    public Uni<Caller> resolve(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().item(Caller.ANONYMOUS);
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (operatorToken != null
                && MessageDigest.isEqual(operatorToken, token.getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().item(Caller.OPERATOR);
        }
        if (!ApiKeys.looksLikeKey(token)) {
            return Uni.createFrom().failure(ProblemException.unauthorized("The bearer token is not valid"));
        }
        return pool.preparedQuery("SELECT site_id FROM site_api_keys WHERE key_hash = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(ApiKeys.hash(token)))
                .map(CallerResolver::siteOf);
    }

    /** Resolves and requires access to {@code siteId} in one step, the common case for site resources. */
    public Uni<Caller> requireSite(String authorization, UUID siteId) {
        return resolve(authorization).map(caller -> caller.requireSite(siteId));
    }

    public Uni<Caller> requireOperator(String authorization) {
        return resolve(authorization).map(Caller::requireOperator);
    }

    private static Caller siteOf(RowSet<Row> rows) {
        if (rows.size() == 0) {
            throw ProblemException.unauthorized("The bearer token is not valid");
        }
        return Caller.siteKey(rows.iterator().next().getUUID("site_id"));
    }
}
