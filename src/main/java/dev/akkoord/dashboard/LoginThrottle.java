package dev.akkoord.dashboard;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.dashboard.account.DashboardConfig;
import dev.akkoord.web.ApiKeys;
import dev.akkoord.web.RateLimiter;
import io.smallrye.mutiny.Uni;

/**
 * Limits sign-in attempts per client address and per account name in Redis, so guessing is slow from one address
 * and against one account from many. Like every Redis limit in Akkoord it fails open when Redis is down; bcrypt's
 * cost still slows guessing then.
 */
@ApplicationScoped
final class LoginThrottle {

    private final RateLimiter limiter;
    private final DashboardConfig config;

    LoginThrottle(RateLimiter limiter, DashboardConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    /** Fails with a 429 {@link dev.akkoord.web.ProblemException} when either limit is exceeded. */
    Uni<Void> attempt(String clientAddress, String login) {
        return limiter.check("login:addr:" + digest(clientAddress), config.loginAttemptsPerAddress(),
                config.loginWindow())
                .flatMap(ignored -> limiter.check("login:account:" + digest(login == null ? "" : login.trim()
                        .toLowerCase(java.util.Locale.ROOT)), config.loginAttemptsPerAccount(), config.loginWindow()));
    }

    private static String digest(String value) {
        return ApiKeys.sha256Hex(String.valueOf(value)).substring(0, 20);
    }
}
