package dev.akkoord.dashboard;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.account.DashboardConfig;
import dev.akkoord.web.RateLimiter;
import dev.akkoord.web.Sha256;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Limits sign-in attempts in Redis: per client address (guessing from one place is slow), per account and address
 * pair (an account's guesses from one place are slower still), and a brake per account: once an account has had many
 * failed sign-ins from anywhere, every attempt on it waits a few seconds before its password is checked. The brake
 * slows guessing from many addresses without locking the owner out, which a plain per-account limit would let anyone
 * do. Like every Redis limit in Akkoord it fails open when Redis is down; bcrypt's cost still slows guessing then.
 */
@ApplicationScoped
final class LoginThrottle {

    private final RateLimiter limiter;
    private final DashboardConfig config;
    private final Vertx vertx;

    LoginThrottle(RateLimiter limiter, DashboardConfig config, Vertx vertx) {
        this.limiter = limiter;
        this.config = config;
        this.vertx = vertx;
    }

    /** Fails with a 429 {@link dev.akkoord.web.ProblemException} over a limit; waits while the brake is on. */
    Uni<Void> attempt(String clientAddress, String login) {
        String account = account(login);
        return limiter.check("login:addr:" + digest(clientAddress), config.loginAttemptsPerAddress(),
                config.loginWindow())
                .flatMap(ignored -> limiter.check("login:pair:" + digest(account + "|" + clientAddress),
                        config.loginAttemptsPerAccount(), config.loginWindow()))
                .flatMap(ignored -> limiter.current(failuresKey(account), config.loginWindow()))
                .flatMap(failures -> failures < config.loginBrakeAfter() ? Uni.createFrom().voidItem()
                        : brake());
    }

    /** A Vert.x timer, so the sign-in goes on on the request's own event loop (the database session needs it). */
    private Uni<Void> brake() {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(config.loginBrakeDelay().toMillis(),
                id -> emitter.complete(null)));
    }

    /** Counts a failed sign-in towards the account's brake. */
    Uni<Void> failed(String login) {
        return limiter.count(failuresKey(account(login)), config.loginWindow()).replaceWithVoid();
    }

    private static String account(String login) {
        return login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    }

    private static String failuresKey(String account) {
        return "login:failed:" + digest(account);
    }

    private static String digest(String value) {
        return Sha256.hex(String.valueOf(value)).substring(0, 20);
    }
}
